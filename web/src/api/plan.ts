// P · 目标制定: the target grid and its audit trail; the P pages.
import { request, type Query } from './http'
import type { GridResponse, GridCell, AuditEntry, Metric, FunnelResponse, MarketResponse, CompetitorsResponse, FinanceResponse,
  ForecastAccuracyResponse, ForecastSaved, ForecastSubmissions, SuggestionResponse } from './types'

export const planApi = {
  grid: (q: { year: number; metric: Metric; owner: 'region' | 'rep'; region?: number | null }) =>
    request<GridResponse>('GET', '/targets/grid', { query: q }),
  saveGrid: (body: { year: number; metric: Metric; owner: 'region' | 'rep'; region: number | null; cells: GridCell[]; source?: 'suggestion' }) =>
    request<{ saved: number }>('PUT', '/targets/grid', { body, quiet: [422] }),
  audit: (q: { year: number; metric: Metric; region?: number | null }) =>
    request<{ entries: AuditEntry[] }>('GET', '/targets/audit', { query: q }),
  // --- P3 商机数量变化趋势分析 ---
  funnel: (q: Query) => request<FunnelResponse>('GET', '/plan/funnel', { query: q }),
  // --- end P3 ---
  // --- P1 市场规模及占有率分析 ---
  market: (q: Query) => request<MarketResponse>('GET', '/plan/market', { query: q }),
  // --- P2 同行业同类型竞品分析 ---
  competitors: (q: Query) => request<CompetitorsResponse>('GET', '/plan/competitors', { query: q }),
  // P4 营业收入各项指标分析
  finance: (q: Query) => request<FinanceResponse>('GET', '/plan/finance', { query: q }),
  // end P4
  // P6 目标建议
  suggestion: (q: Query) => request<SuggestionResponse>('GET', '/plan/suggestion', { query: q }),
  // end P6
}

// --- P5 月度销售目标预测: 填报 and accuracy ---
export const planForecastApi = {
  forecasts: (q: Query) => request<ForecastSubmissions>('GET', '/plan/forecasts', { query: q }),
  submit: (body: { month: string; value: number; rep?: number }) =>
    request<ForecastSaved>('PUT', '/plan/forecasts', { body, quiet: [403, 404, 422] }),
  accuracy: (q: Query) => request<ForecastAccuracyResponse>('GET', '/plan/forecast-accuracy', { query: q }),
}
// --- end P5 ---
