// The shapes of the API's answers, checked against live answers by tests/api/types_live.test.mjs
// (each answer of each role compiled as `<json> satisfies <Type>`). The enums are arrays as
// well as types, so that the locale check (locales/keys.test.ts) knows every value a
// translated code can take.
import type { GrowthBasis } from '../utils/format'
export const ROLES = ['admin', 'executive', 'manager', 'rep'] as const
export type Role = typeof ROLES[number]
export type Metric = 'sales' | 'collection'
export type Status = 'ahead' | 'at_risk' | 'behind'
/** A D3 / D1 status: no_target where the period has no target. */
export const PROGRESS_STATUSES = ['ahead', 'at_risk', 'behind', 'no_target'] as const
export type ProgressStatus = typeof PROGRESS_STATUSES[number]

export interface User {
  id: number
  login: string
  display_name: string
  role: Role
  region: number | null
  rep: number | null
}
export interface SessionResponse { user: User; csrf: string }
export interface Meta { today: string; version: string }
export interface Region { id: number; name: string; parent: number | null; level: number }

export interface ProgressRow {
  id: number
  name: string
  target: number
  actual: number
  completion: number | null
  time_progress: number
  gap: number | null
  /** null for a period that has not started. */
  status: ProgressStatus | null
  required_daily: number | null
  required_daily_basis: FigureBasis
  projected: number | null
  projection_basis: FigureBasis
}
/** Why a D3 projection or required daily rate is null (docs/metrics.md): too_early = under period.early_days. */
export type FigureBasis = 'normal' | 'not_started' | 'too_early' | 'no_target' | 'over'
/** One page of a table sorted on the server (list_order.h): the rows are those of `page`. */
export interface SortedPage { total: number; page: number; page_size: number; sort: string | null; order: 'asc' | 'desc' }
export interface ProgressResponse extends SortedPage {
  period: { label: string; first: string; last: string; days: number; elapsed: number; early_days: number }
  as_of: string
  metric: Metric
  level: 'company' | 'region' | 'rep'
  parent: ProgressRow | null
  rows: ProgressRow[]
}

// versions: the stored cell's version per month (0 = none), sent back with a save (issue 15).
export interface GridRow { id: number; name: string; values: (number | null)[]; versions?: number[] }
export interface GridResponse {
  year: number
  metric: Metric
  owner: 'region' | 'rep'
  region: { id: number; name: string } | null
  locked_before: string
  unit: 'fen'
  parent: GridRow | null
  rows: GridRow[]
}
export interface GridCell { id: number; month: number; value: number | null; version?: number }
export interface AuditEntry { at: string; user: string; key: string; name: string; old: number | null; new: number | null; source?: 'suggestion' | null }

// --- D1 / D2 / D4 (issue 4) ---
export interface PeriodInfo { label: string; first: string; last: string; days: number; elapsed: number }
export interface FilterOptions {
  regions: { id: number; name: string }[]
  reps: { id: number; name: string; employee_no?: string; region: number | null; active: boolean }[]
  industries: string[]
  categories: string[]
}
export interface ProgressFigures {
  target: number | null; actual: number; completion: number | null; time_progress: number; gap: number | null
  status: ProgressStatus | null
}
export interface KpiPart { code: KpiPartCode; weight: number; value: number | null; capped: number | null }
export interface RepFigures {
  sales: number; sales_target: number | null; completion: number | null
  collections: number; collection_target: number | null; collection_completion: number | null; collection_rate: number | null
  new_customers: number; new_customer_target: number | null; win_rate: number | null; won: number; lost: number
  forecast_accuracy: number | null; kpi_score: number | null; kpi_parts: KpiPart[]
}
export interface CockpitCard {
  period: PeriodInfo; sales: ProgressFigures; collection: ProgressFigures; figures: RepFigures
  sales_rank: number | null; kpi_rank: number | null; peers: number
}
export interface CockpitResponse {
  as_of: string
  rep: { id: number; name: string; region: number; region_name: string; employee_no?: string }
  reps: FilterOptions['reps']
  cards: CockpitCard[]
  pipeline: { stage: Stage; count: number; amount: number }[]
  created_this_month: { count: number; amount: number }
  monthly: { month: string; actual: number | null; target: number | null }[]
  week: { first: string; last: string }
  activities: Record<'visit' | 'call' | 'demo' | 'proposal', number>
  closing_this_week: { id: number; customer: string; customer_id: number | null; amount: number; stage: Stage; expected_close: string }[]
  overdue: { contract: number; code: string; customer: string; customer_id: number | null; amount: number; overdue: number; oldest_due: string; days_overdue: number }[]
  overdue_total: number
  overdue_count: number
  owned_customers: number
  at_risk: { customer: number; name: string; days_since_last: number; median_gap: number | null; t12m: number; t12m_prev: number; yoy: number | null; yoy_basis: GrowthBasis; reasons: AtRiskReason[] }[]
}
/** D1's to-do list: the same answer as GET /todos. */
export type TodoItem = Todo
export const DO_METRICS = ['bids_won', 'sales', 'collection'] as const
export type DoMetric = typeof DO_METRICS[number]
export const STAGES = ['lead', 'qualified', 'proposal', 'bidding', 'negotiation', 'won', 'lost'] as const
export type Stage = typeof STAGES[number]
export const ACTIVITIES = ['visit', 'call', 'demo', 'proposal'] as const
export type Activity = typeof ACTIVITIES[number]
export const AT_RISK_REASONS = ['gap', 'decline'] as const
export type AtRiskReason = typeof AT_RISK_REASONS[number]
export const KPI_PARTS = ['sales_completion', 'collection_completion', 'new_customers', 'forecast_accuracy'] as const
export type KpiPartCode = typeof KPI_PARTS[number]
export const ANOMALY_RULES = ['yoy', 'z', 'completion'] as const
export type AnomalyRule = typeof ANOMALY_RULES[number]
export const SEVERITIES = ['high', 'medium'] as const
export type Severity = typeof SEVERITIES[number]
export const ANOMALY_UNITS = ['region', 'rep'] as const
export type AnomalyUnit = typeof ANOMALY_UNITS[number]
export interface MetricFigures {
  metric: DoMetric; amount: number; count: number | null; target: number | null; completion: number | null
  yoy_amount: number; yoy: number | null; yoy_basis: GrowthBasis; pop_amount: number; pop: number | null; pop_basis: GrowthBasis
}
export interface BreakdownRow { id: number; name: string; metrics: MetricFigures[] }
export interface AnomalyAckInfo { user: string; at: string; comment: string }
export interface Anomaly {
  key: string; unit: AnomalyUnit; id: number; name: string; employee_no?: string; metric: DoMetric; month: string
  rules: AnomalyRule[]; severity: Severity
  value: number; count: number | null; last_year: number | null; yoy: number | null; yoy_basis: GrowthBasis; z: number | null
  median: number | null; mad: number | null; target: number | null; completion: number | null; time_progress: number | null
  acks: AnomalyAckInfo[]
}
export interface ProcessResponse {
  period: PeriodInfo; as_of: string
  filter: { region: number | null; rep: number | null; industry: string; category: string }
  windows: Record<'current' | 'yoy' | 'pop', { first: string; last: string }>
  time_progress: number
  totals: MetricFigures[]
  regions: BreakdownRow[]
  reps: BreakdownRow[]
  trend_year: number
  trend: { month: string; this_year: (number | null)[]; last_year: number[] }[]
  anomalies: Anomaly[]  // the most severe first, at most anomaly_limit (default 200)
  anomalies_total: number
  /** The groups by unit of anomaly_page (anomaly_page_size a page), ranked; see AnomalyGroup. */
  anomaly_groups: AnomalyGroup[]; anomaly_page: number; anomaly_page_size: number; anomaly_summary: AnomalySummary
  options: FilterOptions
  /** The rep table is one page, sorted on the server (?reps_page, ?reps_sort …). */
  reps_total: number; reps_page: number; reps_page_size: number; reps_sort: string | null; reps_order: 'asc' | 'desc'
}
export const BOARD_METRICS = ['sales', 'completion', 'collections', 'collection_rate', 'new_customers', 'win_rate', 'forecast_accuracy', 'kpi_score'] as const
export type BoardMetric = typeof BOARD_METRICS[number]
export interface BoardRow {
  id: number; name: string; region: number | null; region_name: string; own: boolean; visible: boolean
  value: number | null; rank: number | null; previous_rank: number | null; change: number | null; figures: RepFigures | null
}
export interface PerCapitaSeries { id: number | null; name: string; sales: number[]; headcount: number[]; per_capita: (number | null)[] }
/** The per-capita trend inside D4's answer. */
export interface PerCapita { months: string[]; last_partial: boolean; total: PerCapitaSeries; regions: PerCapitaSeries[] }
/** GET /do/per-capita. */
export interface PerCapitaResponse extends PerCapita { as_of: string }
export interface LeaderboardResponse {
  period: PeriodInfo; previous: PeriodInfo; as_of: string; metric: BoardMetric; peer_view: boolean
  reps: BoardRow[]; regions: BoardRow[]; per_capita: PerCapita | null
  options: FilterOptions | null  // the region filter's choices; null for reps
  /** reps is one page of the ranking (?page, ?page_size); total counts them all. */
  total: number; page: number; page_size: number
}

// --- A1 meetings (issue 5) ---
export interface UserRef { id: number | null; name: string }
export interface ActPerson { id: number; name: string; login: string; role: Role; region: number | null; rep: number | null }
export const MEETING_STATUSES = ['planned', 'open', 'closed'] as const
export type MeetingStatus = typeof MEETING_STATUSES[number]
export const RESOLUTION_STATUSES = ['open', 'doing', 'done', 'cancelled'] as const
export type ResolutionStatus = typeof RESOLUTION_STATUSES[number]
export const ACTION_STATUSES = ['todo', 'doing', 'done', 'blocked'] as const
export type ActionStatus = typeof ACTION_STATUSES[number]
export const GOAL_METRICS = ['sales', 'collections', 'completion', 'collection_rate', 'bids_won', 'new_customers'] as const
export type GoalMetric = typeof GOAL_METRICS[number]
export const SERIES_TYPES = ['weekly', 'monthly', 'quarterly'] as const
export type SeriesType = typeof SERIES_TYPES[number]
export const SERIES_LEVELS = ['company', 'region', 'team'] as const
export type SeriesLevel = typeof SERIES_LEVELS[number]
export const TODO_KINDS = ['resolution', 'action'] as const
export type TodoKind = typeof TODO_KINDS[number]
export const PLAN_STATUSES = ['paid', 'overdue', 'open'] as const
export interface MeetingSeries {
  id: number; name: string; type: SeriesType; level: SeriesLevel
  region: { id: number; name: string } | null; can_manage: boolean; meeting_count?: number; next_planned?: number | null
}
export interface MeetingSummary {
  id: number; series: { id: number; name: string; type: SeriesType; level: SeriesLevel }; date: string; status: MeetingStatus
  chair: UserRef; attendee_count: number; resolution_count: number; carry_over_count: number; carry_over_pending: number
  can_manage: boolean
}
export interface ActionLogEntry { at: string; user: UserRef; text: string }
export interface ActionItem {
  id: number; resolution_id: number; title: string; owner: UserRef; due_date: string; status: ActionStatus
  done_date: string | null; overdue: boolean; can_update: boolean; can_edit: boolean; log: ActionLogEntry[]
  version?: number  // sent back with an edit: 409 when someone else edited first (issue 15)
}
export interface Goal {
  metric: GoalMetric; scope: string; comparator: '>=' | '<=' | '>' | '<'; value: number
  check: { as_of: string; evaluated_at: string; measured: number | null; met: boolean } | null
}
export interface AnomalyLink { agenda_item: number; source: 'd2' | 'c4'; key: string; title: string; figures: Record<string, unknown> | null }
export interface Resolution {
  id: number; meeting_id: number; meeting_date: string; series_name: string; title: string; description: string
  owner: UserRef; expected: string; goal: Goal | null; due_date: string; status: ResolutionStatus; closed_date: string | null
  overdue: boolean; flagged: boolean; link: AnomalyLink | null; can_edit: boolean; actions: ActionItem[]
  version?: number  // as ActionItem.version
}
export interface CarryOverHistory { meeting_id: number; meeting_date: string; status_before: string; update: string; status_set: string; updated_by: UserRef; updated_at: string | null }
export interface CarryOver {
  resolution: Resolution; status_before: ResolutionStatus; update: string; status_set: string
  updated_by: UserRef; updated_at: string | null; history: CarryOverHistory[]
}
export interface AgendaItem {
  id: number; title: string; source: '' | 'd2' | 'c4'; key: string; figures: Record<string, unknown> | null
  resolution_id: number | null; created_by: UserRef; created_at: string
}
/** A server-side paged list (?page=N&page_size=M): the paging beside the page's rows. */
export interface Paging { total: number; page: number; page_size: number }
export interface ListedMeeting extends MeetingSummary { has_overdue: boolean }
export interface MeetingList extends Paging { meetings: ListedMeeting[]; counts: Record<MeetingStatus, number> }
export interface MeetingDetail extends Omit<MeetingSummary, 'series'> {
  series: MeetingSeries; agenda: string; minutes: string; attendees: { id: number; name: string; role: string; region_name?: string }[]
  agenda_items: AgendaItem[]; resolutions: Resolution[]; carry_over: CarryOver[]; can_open: boolean; can_close: boolean
  version?: number  // sent back with an edit: 409 when someone else edited first (issue 15)
}
export interface Todo {
  kind: TodoKind; id: number; title: string; due_date: string; status: ResolutionStatus | ActionStatus; overdue: boolean
  meeting_id: number; resolution_id: number; resolution_title: string; meeting_date: string; series_name: string
  /** Overdue by more than 90 days. */
  long_overdue: boolean; series_id: number
}
export interface TodoList extends Paging { today: string; items: Todo[]; counts: { all: number; overdue: number; long_overdue: number } }
export interface LoopFigures {
  resolutions: number; closable: number; done: number; done_on_time: number
  closure_rate: number | null; on_time_rate: number | null; mean_days_to_close: number | null
  overdue_resolutions: number; overdue_actions: number
}
export interface OverdueRow { id: number | null; name: string; resolutions: number; actions: number }
export interface ActStats {
  as_of: string; series_id: number | null; overall: LoopFigures
  by_series: { id: number; name: string; figures: LoopFigures }[]
  overdue_by_owner: OverdueRow[]; overdue_by_region: OverdueRow[]
  trend: { month: string; figures: LoopFigures }[]
}
export interface NewResolution {
  title: string; description?: string; owner: number; expected?: string; due_date: string; status?: ResolutionStatus
  goal?: { metric: GoalMetric; scope: string; comparator: string; value: number } | null; agenda_item?: number
}

// --- contract detail (GET /contracts/{id}) ---
export interface ContractDetail {
  id: number; code: string; customer: { id: number; name: string }; rep: { id: number; name: string; employee_no?: string }
  signed_date: string; amount: number; as_of: string; paid: number; receivable: number; overdue: number
  lines: { product: { id: number; name: string; category: string }; qty: number; amount: number; cost: number }[]
  plan: { due_date: string; amount: number; paid: number; unpaid: number; status: typeof PLAN_STATUSES[number] }[]
  payments: { date: string; amount: number; counted: boolean }[]
}

// --- C2 客户价值分析 (GET /check/rfm) ---
export const RFM_SEGMENTS = ['important_value', 'important_develop', 'important_keep', 'important_retain',
  'general_value', 'general_develop', 'general_keep', 'general_retain'] as const
export type RfmSegmentCode = typeof RFM_SEGMENTS[number]
export const CUSTOMER_SIZES = ['large', 'medium', 'small'] as const
/** The response a churn reason suggests (catalog.json churn_response). */
export const CHURN_RESPONSES = ['price', 'competitor', 'service', 'demand', 'closure', 'other'] as const
export const KEY_ACCOUNT_RISKS = ['gap', 'decline'] as const
export interface CustomerRef { id: number; name: string; industry: string; size: 'large' | 'medium' | 'small' | ''; region: string | null }
export interface RfmSegment {
  code: RfmSegmentCode; r_good: boolean; f_high: boolean; m_high: boolean
  customers: number; amount: number; customer_share: number; amount_share: number
}
export interface RfmCustomerRow extends CustomerRef { segment: RfmSegmentCode; recency: number; frequency: number; monetary: number }
export interface Paged<R> extends Paging { rows: R[] }
export interface RfmResponse {
  as_of: string; window: number; window_first: string; threshold: 'mean' | 'median'
  thresholds: { r: number; f: number; m: number }; scored: number; amount: number
  segments: RfmSegment[]; segment: RfmSegmentCode | null; sort: string; order: 'asc' | 'desc'
  customers: Paged<RfmCustomerRow>; options: FilterOptions
}

// --- C3 客户分级流失分析 (GET /check/churn) ---
export interface FlowPeriod {
  period: string; active: number; new: number; retained: number; returned: number; churned: number
  churn_rate: number; active_prev: number
}
export interface KeyAccountRow extends CustomerRef {
  contracts: number; t12m: number; t12m_prev: number; yoy: number | null; days_since_last: number
  median_gap: number | null; at_risk: boolean; reasons: (typeof KEY_ACCOUNT_RISKS[number])[]
}
export interface ChurnCross { rows: { name: string; counts: number[] }[] }
export interface ChurnResponse {
  as_of: string; grain: 'quarter' | 'month'; flow: FlowPeriod[]
  pareto: {
    a: number; b: number; c: number; a_percent: number; b_percent: number; total: number
    classes: { class: 'A' | 'B' | 'C'; customers: number; amount: number; share: number }[]
    curve: { customers: number; amount: number }[]
  }
  key_accounts: Paged<KeyAccountRow> & { class_a: number; at_risk: number }
  reasons: {
    customers: number; rows: { reason: string; code: string; customers: number; amount: number }[]
    industry: ChurnCross; size: ChurnCross; region: ChurnCross
  }
  options: FilterOptions
}
// --- C1 销售结果复盘 and the customer profile (GET /check/review, GET /customers/{id}) ---
export type AgingBucket = '1_30' | '31_60' | '61_90' | '91_180' | 'over_180'
export interface ReviewMonth {
  month: string; sales: number | null; collections: number | null; collection_rate: number | null
  sales_last_year: number; collections_last_year: number; collection_rate_last_year: number | null
}
export interface ReviewCohort { month: string; signed: number; collected: number; share: number | null; curve: number[] }
export interface BlockerRow {
  id: number; name: string; region: string; receivable: number; overdue: number; items: number; max_days: number; share: number
  owner?: { id: number; name: string; employee_no?: string } | null
}
export interface ReviewResponse {
  period: { label: string; first: string; last: string }
  as_of: string
  windows: { current: { first: string; last: string }; yoy: { first: string; last: string } }
  totals: {
    sales: number; collections: number; collection_rate: number | null; sales_last_year: number; collections_last_year: number
    collection_rate_last_year: number | null; sales_yoy: number | null; collections_yoy: number | null
  }
  trend_year: number
  trend: ReviewMonth[]
  cohort: { signed: number; collected: number; share: number | null }
  cohorts: ReviewCohort[]
  receivables: number; overdue: number; overdue_rate: number | null; sales_90d: number; dso: number | null
  aging: Record<AgingBucket, number>
  aging_items: Record<AgingBucket, number>
  blockers: {
    customers: { total: number; page: number; page_size: number; sort: string; rows: BlockerRow[] }
    reps: { total: number; rows: BlockerRow[] }
    regions: { total: number; rows: BlockerRow[] }
  }
  options: FilterOptions
}
export interface ProfileContract {
  id: number; code: string; rep: { id: number; name: string; employee_no?: string } | null; signed_date: string; amount: number
  paid: number; receivable: number; overdue: number; max_days: number
  lines: { product: { id: number; name: string; category: string }; qty: number; amount: number }[] | null
  payments: { date: string; amount: number }[]
}
export interface CustomerProfile {
  id: number; code: string; lost_reason: string | null; name: string; industry: string; size: 'large' | 'medium' | 'small'
  region: { id: number; name: string } | null; owner: { id: number; name: string; employee_no?: string } | null; as_of: string
  class: 'A' | 'B' | 'C' | null; t12m: number
  rfm: { segment: string; recency: number; frequency: number; monetary: number } | null
  at_risk: { reasons: string[]; days_since_last: number; median_gap: number | null; t12m: number; t12m_prev: number; yoy: number | null } | null
  sales_total: number; receivable: number; overdue: number
  contracts_total: number; contracts: ProfileContract[]
  opportunities_total: number
  opportunities: { id: number; rep: { id: number; name: string; employee_no?: string } | null; category: string; amount: number; created: string; expected_close: string; stage: string; closed: string | null }[]
  timeline_total: number
  timeline: { date: string; kind: string; rep: { id: number; name: string; employee_no?: string } | null; amount: number; ref: number | null }[]
}
// --- C4 产品市场预警管理 ---
export type Quadrant = 'star' | 'cash_cow' | 'question' | 'dog'
export interface ProductFigures {
  sales: number; sales_ly: number; cost: number; yoy: number | null; margin: number | null; margin_ly: number | null
  share: number | null; share_ly: number | null; rival_sales: number; relative_share: number | null
  last_sale: string | null; quadrant: Quadrant | null
}
export interface ProductRow extends ProductFigures { id: number; code: string; name: string; category: string; launch_date: string }
export interface ProductCategory extends ProductFigures {
  name: string; products: number; market: number; market_ly: number; market_growth: number | null; potential: number | null
  rival: { id: number; name: string; company: string; sales: number } | null
}
export const PRODUCT_WARNING_RULES = ['yoy_decline', 'share_down', 'margin_down', 'no_sale'] as const
export const PRODUCT_WARNING_SEVERITIES = ['warn', 'severe'] as const
export const PRODUCT_WARNING_UNITS = ['product', 'category'] as const
export interface ProductWarningRow {
  key: string; unit: typeof PRODUCT_WARNING_UNITS[number]; id: number | null; code: string; name: string; category: string
  rule: typeof PRODUCT_WARNING_RULES[number]; severity: typeof PRODUCT_WARNING_SEVERITIES[number]; value: number; base: number | null
  acks: { user: string; at: string; comment: string }[]
}
export interface ProductsResponse {
  period: { label: string; first: string; last: string }; as_of: string; scope: string
  filter: { region: number | null; rep: number | null; industry: string; category: string; size: string }
  windows: { current: { first: string; last: string }; yoy: { first: string; last: string } }
  thresholds: { growth: number; share: number }
  totals: { sales: number; sales_ly: number; cost: number; yoy: number | null; margin: number | null; market: number; market_ly: number; share: number | null }
  quadrants: Record<Quadrant | 'none', number>
  products: ProductRow[]; products_total: number; page: number; page_size: number; sort: string; order: string
  points: { id: number; name: string; yoy: number; relative_share: number; sales: number; quadrant: Quadrant }[]
  categories: ProductCategory[]
  warnings: ProductWarningRow[]; warnings_total: number
  options: FilterOptions
}
// --- end C4 ---
// --- D2 anomaly groups (issue 9 item 4) ---
/** One anomaly inside its group: the flat form without the unit, with its amount at stake (fen),
 *  the target pro rata to time progress (a count for bids won) and completion − time progress. */
export interface GroupedAnomaly extends Omit<Anomaly, 'unit' | 'id' | 'name'> { at_stake: number; pace_target: number | null; gap: number | null }
/** A region's or rep's anomalies: worst severity, Σ amount at stake, what fired, when. */
export interface AnomalyGroup {
  unit: AnomalyUnit; id: number; name: string; severity: Severity; at_stake: number; count: number; high: number; medium: number
  rules: AnomalyRule[]; metrics: DoMetric[]; months: string[]; anomalies: GroupedAnomaly[]
}
/** Over every group: how many, how many hold a high anomaly, and the anomalies of the other groups (rest). */
export interface AnomalySummary { groups: number; high_groups: number; high: number; medium: number; rest: number }
// --- people (issue 9 items 8, 12, 15): fields appended to the answers above ---
/** A rep's employee number (工号): beside rep names wherever reps are listed. */
export interface ProgressRow { employee_no?: string }
export interface GridRow { employee_no?: string }
export interface BoardRow { employee_no?: string }
export interface BreakdownRow { employee_no?: string }
export interface BlockerRow { employee_no?: string }
/** A user as shown: their role, and a manager's region name. */
export interface UserRef { role?: Role | ''; region_name?: string }
export interface Todo {
  /** A resolution whose metric goal was checked and met: not overdue, awaiting 已完成. */
  goal_met: boolean
}
export interface TodoList { owner: UserRef }
export interface Resolution {
  goal_met: boolean
  /** The caller may mark it done in one click (its goal is met and it is still open). */
  can_confirm: boolean
}
// --- end people ---
// --- P3 商机数量变化趋势分析 (GET /plan/funnel) ---
export type FunnelStageCode = Exclude<Stage, 'lost'>
export type ProbabilityBasis = 'scope' | 'company' | 'none'
export interface FunnelStage {
  stage: FunnelStageCode; reached: number; conversion: number | null; win_probability: number | null
  probability_basis: ProbabilityBasis; closed: number; closed_won: number; mean_days: number | null
  open: number; open_amount: number; weighted: number
}
export interface FunnelOpportunity {
  id: number; customer: CustomerRef | null; rep: { id: number; name: string; employee_no?: string } | null
  amount: number; created: string; expected_close: string; stage: Stage; days_in_stage: number | null
}
export interface FunnelTrendYear { year: number; created: (number | null)[]; created_amount: (number | null)[]; sales: (number | null)[] }
export interface FunnelResponse {
  as_of: string; period: PeriodInfo
  cohort: { created: number; amount: number; open: number; won: number; lost: number; won_amount: number }
  stages: FunnelStage[]; win_rate: number | null; weighted_pipeline: number
  open_pipeline: { count: number; amount: number }
  pipeline_months: { month: string; count: number; amount: number; weighted: number }[]
  trend: { years: FunnelTrendYear[] }
  opportunities: Paged<FunnelOpportunity> & { stage: FunnelStageCode }
  options: FilterOptions
}
// --- end P3 ---
// --- P1 市场规模及占有率分析 ---
/** Market size, our sales in its cells (fen) and the share (decimal; null without a market). */
export interface ShareFigures { market: number; own: number; share: number | null }
export interface ShareRow { id?: number; name: string; now: ShareFigures; ly: ShareFigures }
export interface OppGroup { id?: number | null; name: string; count: number; amount: number }
export interface MarketResponse {
  period: { label: string; first: string; last: string }; as_of: string; scope: string
  filter: { region: number | null; rep: number | null; industry: string; category: string; size: string }
  windows: { current: { first: string; last: string }; yoy: { first: string; last: string } }
  totals: ShareFigures & { ly: ShareFigures; market_growth: number | null; own_growth: number | null; share_change: number | null }
  industries: ShareRow[]; regions: ShareRow[]
  /** industry × region: positions into industries and regions. */
  heat: (ShareFigures & { industry: number; region: number })[]
  trend_months: number; trend: (ShareFigures & { month: string })[]
  opportunities: { count: number; amount: number; by_industry: OppGroup[]; by_region: OppGroup[] }
  options: FilterOptions
}
// --- end P1 ---
// --- P2 同行业同类型竞品分析 ---
export interface Entrant {
  rank: number; own: boolean; id: number | null; name: string | null; company: string | null; sales: number; share: number | null
  trend?: (number | null)[]; trend_sales?: number[]
}
export interface Flagship { rank: number; id: number; code: string; name: string; sales: number; share: number | null; own_part: number | null }
export interface CompetitionCategory {
  name: string; market: number; own_sales: number; own_share: number | null; own_rank: number; entrants: number
  relative_share: number | null
  leader: { id: number; name: string; company: string; sales: number; share: number | null } | null
  flagship: Flagship | null
}
export interface CompetitorsResponse {
  period: { label: string; first: string; last: string }; as_of: string; scope: string
  window: { first: string; last: string }; flagships: number; trend_months: number
  categories: CompetitionCategory[]
  focus: { name: string; market: number; relative_share: number | null; entrants: Entrant[]; months: { month: string; market: number }[]; flagships: Flagship[] } | null
  options: FilterOptions
}
// --- end P2 ---
// --- P4 营业收入各项指标分析 (GET /plan/finance) ---
export const FINANCE_LINES = ['revenue', 'cost_of_sales', 'gross_profit', 'selling_expense', 'admin_expense', 'finance_expense', 'other_income', 'operating_profit'] as const
export type FinanceLineCode = typeof FINANCE_LINES[number]
export type FinanceModel = 'holt_winters' | 'trend_seasonal_naive'
export type FinanceDirection = 'together' | 'opposite' | 'none'
/** One ledger month: every line in fen, margins over revenue (null without revenue). */
export type FinanceMonth = { month: string; gross_margin: number | null; operating_margin: number | null } & Record<FinanceLineCode, number>
export interface FinanceAccuracy { mape: number | null; wape: number | null; points: number }
export interface FinanceLine {
  code: FinanceLineCode
  /** The method the rolling-origin backtest chose. */
  model: FinanceModel
  /** The history the model was fitted on (fen). */
  months: { month: string; value: number }[]
  /** The months after as_of's month up to December (at least one), with the 80 % band (fen). */
  forecast: { month: string; value: number; low: number; high: number }[]
  backtest: FinanceAccuracy
  backtests: Record<FinanceModel, FinanceAccuracy>
  params: { alpha: number; beta: number; gamma: number } | null
}
export interface FinancePair {
  a: FinanceLineCode; b: FinanceLineCode; r: number | null; points: number; direction: FinanceDirection
  latest_a: number | null; latest_b: number | null; broken: boolean
}
export interface FinanceResponse {
  as_of: string
  history: { first: string | null; last: string | null }
  months: FinanceMonth[]
  ytd: {
    first: string | null; last: string | null
    lines: { code: FinanceLineCode; ytd: number; last_ytd: number; growth: number | null }[]
    gross_margin: number | null; gross_margin_ly: number | null; operating_margin: number | null; operating_margin_ly: number | null
  }
  forecast: { first: string | null; last: string | null; level: number }
  lines: FinanceLine[]
  correlation: { first: string | null; last: string | null; months: number; threshold: number; lines: FinanceLineCode[]; pairs: FinancePair[]; broken: number }
}
// --- end P4 ---

// --- P5 月度销售目标预测 (GET/PUT /plan/forecasts, GET /plan/forecast-accuracy) ---
export interface ForecastRep { id: number; name: string; employee_no: string; region: { id: number; name: string } | null }
export interface ForecastSubmissionRow {
  rep: ForecastRep; employed: boolean
  /** The last submission before the lock (null: none in time). */
  counted: number | null
  latest: number | null; submitted_at: string | null; submissions: number; target: number | null
}
export interface ForecastSubmissions {
  month: string; lock_day: number; lock_date: string; locks_at: string; today: string
  /** The month still takes submissions. */
  open: boolean; open_months: string[]
  employed: number; submitted: number; counted_total: number
  total: number; page: number; page_size: number; rows: ForecastSubmissionRow[]
  not_submitted: ForecastRep[]; unit: 'fen'; options: FilterOptions
}
export const BIAS_LABELS = ['over_promising', 'sandbagging', 'even'] as const
export type BiasLabel = (typeof BIAS_LABELS)[number]
export interface ForecastFigures { accuracy: number | null; wape: number | null; bias: number | null; bias_label: BiasLabel | null; pairs: number }
export interface ForecastMonthRow extends ForecastFigures {
  month: string; complete: boolean; forecast: number | null; forecasters: number; target: number | null; actual: number
}
export interface ForecastRankRow extends ForecastFigures { rank: number | null; rep: ForecastRep; forecast: number; actual: number }
export interface ForecastAccuracyResponse {
  as_of: string; window: { first: string; last: string; months: number }; lock_day: number
  summary: ForecastFigures & { forecast: number; actual: number }
  months: ForecastMonthRow[]
  ranking: { total: number; page: number; page_size: number; rows: ForecastRankRow[] }
  unit: 'fen'; options: FilterOptions
}
/** GET /meta: the day of the month on which that month's forecasts lock (serve --forecast-lock-day). */
export interface Meta { forecast_lock_day: number }
export interface ForecastSaved { id: number; month: string; rep: number; value: number; submitted_at: string; locks_at: string }
// --- end P5 ---
// --- forms (填报) ---
/** Where a write left the Snapshot (appended, or rebuilt). */
export interface SnapshotWrite { version: number; incremental: boolean; ms: number }
/** POST /api/v1/payments: fen, YYYY-MM-DD. */
export interface PaymentBody { contract: number; date: string; amount: number }
export interface PaymentAnswer extends PaymentBody { id: number; snapshot: SnapshotWrite }
// --- end forms ---

// --- 用户管理 (issue 14) ---
/** A user as GET/PATCH /api/v1/users shows it: with contact addresses and scope names. */
export interface AdminUser extends User {
  email: string; wecom_id: string; dingtalk_id: string; lang: 'zh-CN' | 'en'; active: boolean
  region_name: string | null; rep_name: string | null
}
export interface UserList { users: AdminUser[]; total: number; page: number; page_size: number }
/** The editable fields; POST also takes login and an optional password (else one is generated). */
export interface UserFields {
  display_name?: string; role?: Role; region?: number | null; rep?: number | null
  email?: string; wecom_id?: string; dingtalk_id?: string; lang?: 'zh-CN' | 'en'; active?: boolean
}
export interface UserScopes {
  regions: { id: number; name: string; level: number }[]
  reps: { id: number; name: string; employee_no: string; region: number }[]
}
/** The session's user also carries their own addresses and language (merged into User above). */
export interface User { email?: string; wecom_id?: string; dingtalk_id?: string; lang?: 'zh-CN' | 'en'; active?: boolean }

// --- opps (商机维护, 合同录入) ---
export type OppStatus = 'open' | 'won' | 'lost'
export interface OppRow {
  id: number; code: string
  customer: { id: number; code: string; name: string } | null
  rep: { id: number; name: string } | null
  category: string; amount: number; created: string; expected_close: string
  stage: Stage; closed: string | null
}
export interface OppList {
  rows: OppRow[]; total: number; page: number; page_size: number; sort: string | null; order: 'asc' | 'desc'
  version: number; options: FilterOptions
}
export interface OppDetail extends OppRow {
  lost_reason: string
  history: { stage: Stage; date: string }[]
  next_stages: Stage[]
  audit: { at: string; user: string; old: string; new: string }[]
}
export interface OppBody { customer: number; category: string; amount: number; expected_close: string; rep?: number }
export interface OppSaved { id: number; code: string; stage: Stage; snapshot: SnapshotWrite }
export interface StageMoveBody { stage: Stage; date?: string; lost_reason?: string }
export interface PickedCustomer { id: number; code: string; name: string }
export interface PickedProduct { id: number; code: string; name: string; category: string; list_price: number; unit_cost: number }
export interface Picked<T> { rows: T[]; total: number; page: number; page_size: number }
export interface ContractBody {
  code: string; customer: number; rep?: number; opportunity?: number | null; signed_date: string
  lines: { product: number; qty: number; amount: number; cost: number }[]
  plan: { due_date: string; amount: number }[]
}
export interface ContractSaved { id: number; code: string; amount: number; snapshot: SnapshotWrite }
// --- end opps ---

// --- P6 目标建议 ---
export const EVIDENCE_METHODS = ['market', 'pipeline', 'history'] as const
export type EvidenceMethod = (typeof EVIDENCE_METHODS)[number]
export interface MonthValue { month: string; value: number }
export interface HwParams { alpha: number; beta: number; gamma: number }
export interface SuggestionEvidence {
  method: EvidenceMethod; value: number | null; mape: number | null; wape: number | null; points: number
  weight: number; used: boolean; months: MonthValue[]
  basis: {
    model?: 'holt_winters' | 'trend_seasonal_naive'; params?: HwParams | null
    market_forecast?: number; share?: number | null; share_own?: number; share_market?: number
    expected?: number; run_rate?: number; open?: number
  }
}
export interface SuggestionResponse {
  as_of: string; period: PeriodInfo
  owner: { kind: 'company' | 'region' | 'rep'; id: number | null; name: string; region?: number | null }
  history: { first: string | null; last: string | null; months: MonthValue[] }
  evidence: SuggestionEvidence[]
  suggested: number | null; low: number | null; high: number | null; error: number | null
  split: MonthValue[]; options: FilterOptions; unit: 'fen'
}
// --- end P6 ---

// --- push ---
export const PUSH_CHANNELS = ['email', 'wecom', 'dingtalk', 'webhook'] as const
export type PushChannel = (typeof PUSH_CHANNELS)[number]
export const PUSH_FORMATS = ['pdf', 'xlsx'] as const
export type PushFormat = (typeof PUSH_FORMATS)[number]
export const SMTP_TLS = ['none', 'starttls', 'tls'] as const
export type SmtpTls = (typeof SMTP_TLS)[number]
export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'failed'] as const
export type DeliveryState = (typeof DELIVERY_STATES)[number]
export const CONDITION_METRICS = ['completion_minus_time_progress', 'completion'] as const
export const CONDITION_OPS = ['<', '<=', '>', '>='] as const
export interface SmtpSettings { host: string; port: number; tls: SmtpTls; user: string; password: string; password_set?: boolean; from: string }
/** Secrets come back masked ("ab••••••"); sent back unchanged they keep the stored value. */
export interface ChannelSettings {
  smtp: SmtpSettings; wecom_webhook: string; dingtalk_webhook: string; dingtalk_secret: string
  dingtalk_secret_set?: boolean; webhook_url: string
}
export interface PushSettings { max_attempts: number; retry_base_seconds: number; stale_seconds: number; keep_days: number; base_url: string }
export interface SubCondition { metric: (typeof CONDITION_METRICS)[number]; op: (typeof CONDITION_OPS)[number]; value: number }
export interface SubRecipientsRef { users: number[]; roles: Role[]; region_managers: number[] }
export interface SubscriptionBody {
  page: string; params: Record<string, string | number>; schedule: string; recipients: SubRecipientsRef
  channels: PushChannel[]; formats: PushFormat[]; condition: SubCondition | null; enabled: boolean
}
export interface Subscription extends SubscriptionBody { id: number; owner: number; last_run: string; next_runs: string[]; created_at: string }
export interface SubscriptionList { subscriptions: Subscription[]; pages: string[] }
export interface RunOutcome { queued: number; skipped: number; missing: string[] }
export interface SubRecipientChoices {
  users: { id: number; login: string; display_name: string; role: Role; email: boolean }[]
  regions: { id: number; name: string; level: number }[]
  roles: boolean
}
export interface DeliveryFileRef { index: number; name: string; mime: string; bytes: number }
export interface Delivery {
  id: number; subscription: number; page: string; recipient: number; recipient_name: string; channel: PushChannel
  address: string; subject: string; message_id: string; state: DeliveryState; attempts: number; last_error: string
  created_at: string; sent_at: string | null; next_attempt_at: string | null; files: DeliveryFileRef[]
}
export interface DeliveryList { deliveries: Delivery[]; total: number; page: number; page_size: number }
// --- end push ---
