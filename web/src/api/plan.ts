// P · 目标制定: the target grid and its audit trail.
import { request } from './http'
import type { GridResponse, GridCell, AuditEntry, Metric } from './types'

export const planApi = {
  grid: (q: { year: number; metric: Metric; owner: 'region' | 'rep'; region?: number | null }) =>
    request<GridResponse>('GET', '/targets/grid', { query: q }),
  saveGrid: (body: { year: number; metric: Metric; owner: 'region' | 'rep'; region: number | null; cells: GridCell[] }) =>
    request<{ saved: number }>('PUT', '/targets/grid', { body, quiet: [422] }),
  audit: (q: { year: number; metric: Metric; region?: number | null }) =>
    request<{ entries: AuditEntry[] }>('GET', '/targets/audit', { query: q }),
}

// --- P5 月度销售目标预测: 填报 and accuracy ---
import type { Query } from './http'
import type { ForecastAccuracyResponse, ForecastSaved, ForecastSubmissions } from './types'

export const planForecastApi = {
  forecasts: (q: Query) => request<ForecastSubmissions>('GET', '/plan/forecasts', { query: q }),
  submit: (body: { month: string; value: number; rep?: number }) =>
    request<ForecastSaved>('PUT', '/plan/forecasts', { body, quiet: [403, 404, 422] }),
  accuracy: (q: Query) => request<ForecastAccuracyResponse>('GET', '/plan/forecast-accuracy', { query: q }),
}
// --- end P5 ---
