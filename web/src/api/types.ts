export type Role = 'admin' | 'executive' | 'manager' | 'rep'
export type Metric = 'sales' | 'collection'
export type Status = 'ahead' | 'at_risk' | 'behind'

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
  status: Status
  required_daily: number | null
  projected: number | null
}
export interface ProgressResponse {
  period: { label: string; first: string; last: string; days: number; elapsed: number }
  as_of: string
  metric: Metric
  level: 'company' | 'region' | 'rep'
  parent: ProgressRow | null
  rows: ProgressRow[]
}

export interface GridRow { id: number; name: string; values: (number | null)[] }
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
export interface GridCell { id: number; month: number; value: number | null }
export interface AuditEntry { at: string; user: string; key: string; name: string; old: number | null; new: number | null }

// --- D1 / D2 / D4 (issue 4) ---
export interface PeriodInfo { label: string; first: string; last: string; days: number; elapsed: number }
export interface FilterOptions {
  regions: { id: number; name: string }[]
  reps: { id: number; name: string; region: number | null; active: boolean }[]
  industries: string[]
  categories: string[]
}
export interface ProgressFigures {
  target: number | null; actual: number; completion: number | null; time_progress: number; gap: number | null
  status: Status | 'no_target'
}
export interface KpiPart { code: string; weight: number; value: number | null; capped: number | null }
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
  rep: { id: number; name: string; region: number; region_name: string }
  reps: FilterOptions['reps']
  cards: CockpitCard[]
  pipeline: { stage: string; count: number; amount: number }[]
  created_this_month: { count: number; amount: number }
  monthly: { month: string; actual: number | null; target: number | null }[]
  week: { first: string; last: string }
  activities: Record<'visit' | 'call' | 'demo' | 'proposal', number>
  closing_this_week: { id: number; customer: string; amount: number; stage: string; expected_close: string }[]
  overdue: { contract: number; code: string; customer: string; amount: number; overdue: number; oldest_due: string; days_overdue: number }[]
  overdue_total: number
  overdue_count: number
  owned_customers: number
  at_risk: { customer: number; name: string; days_since_last: number; median_gap: number | null; t12m: number; t12m_prev: number; yoy: number | null; reasons: string[] }[]
}
export interface TodoItem { kind: 'resolution' | 'action'; id: number; title: string; due_date: string; status: string; overdue: boolean; meeting_id: number }
export type DoMetric = 'bids_won' | 'sales' | 'collection'
export interface MetricFigures {
  metric: DoMetric; amount: number; count: number | null; target: number | null; completion: number | null
  yoy_amount: number; yoy: number | null; pop_amount: number; pop: number | null
}
export interface BreakdownRow { id: number; name: string; metrics: MetricFigures[] }
export interface AnomalyAckInfo { user: string; at: string; comment: string }
export interface Anomaly {
  key: string; unit: 'region' | 'rep'; id: number; name: string; metric: DoMetric; month: string
  rules: ('yoy' | 'z' | 'completion')[]; severity: 'high' | 'medium'
  value: number; count: number | null; last_year: number | null; yoy: number | null; z: number | null
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
  options: FilterOptions
}
export type BoardMetric = 'sales' | 'completion' | 'collections' | 'collection_rate' | 'new_customers' | 'win_rate' | 'forecast_accuracy' | 'kpi_score'
export interface BoardRow {
  id: number; name: string; region: number | null; region_name: string; own: boolean; visible: boolean
  value: number | null; rank: number | null; previous_rank: number | null; change: number | null; figures: RepFigures | null
}
export interface PerCapitaSeries { id: number | null; name: string; sales: number[]; headcount: number[]; per_capita: (number | null)[] }
export interface PerCapitaResponse { months: string[]; last_partial: boolean; total: PerCapitaSeries; regions: PerCapitaSeries[] }
export interface LeaderboardResponse {
  period: PeriodInfo; previous: PeriodInfo; as_of: string; metric: BoardMetric; peer_view: boolean
  reps: BoardRow[]; regions: BoardRow[]; per_capita: PerCapitaResponse | null
  options: FilterOptions | null  // the region filter's choices; null for reps
}

// --- A1 meetings (issue 5) ---
export interface UserRef { id: number | null; name: string }
export interface ActPerson { id: number; name: string; login: string; role: Role; region: number | null; rep: number | null }
export type MeetingStatus = 'planned' | 'open' | 'closed'
export type ResolutionStatus = 'open' | 'doing' | 'done' | 'cancelled'
export type ActionStatus = 'todo' | 'doing' | 'done' | 'blocked'
export type GoalMetric = 'sales' | 'collections' | 'completion' | 'collection_rate' | 'bids_won' | 'new_customers'
export interface MeetingSeries {
  id: number; name: string; type: 'weekly' | 'monthly' | 'quarterly'; level: 'company' | 'region' | 'team'
  region: { id: number; name: string } | null; can_manage: boolean; meeting_count?: number; next_planned?: number | null
}
export interface MeetingSummary {
  id: number; series: { id: number; name: string; type: string; level: string }; date: string; status: MeetingStatus
  chair: UserRef; attendee_count: number; resolution_count: number; carry_over_count: number; carry_over_pending: number
  can_manage: boolean
}
export interface ActionLogEntry { at: string; user: UserRef; text: string }
export interface ActionItem {
  id: number; resolution_id: number; title: string; owner: UserRef; due_date: string; status: ActionStatus
  done_date: string | null; overdue: boolean; can_update: boolean; can_edit: boolean; log: ActionLogEntry[]
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
export interface MeetingDetail extends Omit<MeetingSummary, 'series'> {
  series: MeetingSeries; agenda: string; minutes: string; attendees: { id: number; name: string; role: string }[]
  agenda_items: AgendaItem[]; resolutions: Resolution[]; carry_over: CarryOver[]; can_open: boolean; can_close: boolean
}
export interface Todo {
  kind: 'resolution' | 'action'; id: number; title: string; due_date: string; status: string; overdue: boolean
  meeting_id: number; resolution_id: number; resolution_title: string; meeting_date: string; series_name: string
}
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
  id: number; code: string; customer: { id: number; name: string }; rep: { id: number; name: string }
  signed_date: string; amount: number; as_of: string; paid: number; receivable: number; overdue: number
  lines: { product: { id: number; name: string; category: string }; qty: number; amount: number; cost: number }[]
  plan: { due_date: string; amount: number; paid: number; unpaid: number; status: 'paid' | 'overdue' | 'open' }[]
  payments: { date: string; amount: number; counted: boolean }[]
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
export interface ProductWarningRow {
  key: string; unit: 'product' | 'category'; id: number | null; code: string; name: string; category: string
  rule: 'yoy_decline' | 'share_down' | 'margin_down' | 'no_sale'; severity: 'warn' | 'severe'; value: number; base: number | null
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
