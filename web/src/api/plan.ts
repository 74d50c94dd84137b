// P · 目标制定: the target grid and its audit trail; P4 finance.
import { request, type Query } from './http'
import type { GridResponse, GridCell, AuditEntry, Metric, FinanceResponse } from './types'

export const planApi = {
  grid: (q: { year: number; metric: Metric; owner: 'region' | 'rep'; region?: number | null }) =>
    request<GridResponse>('GET', '/targets/grid', { query: q }),
  saveGrid: (body: { year: number; metric: Metric; owner: 'region' | 'rep'; region: number | null; cells: GridCell[] }) =>
    request<{ saved: number }>('PUT', '/targets/grid', { body, quiet: [422] }),
  audit: (q: { year: number; metric: Metric; region?: number | null }) =>
    request<{ entries: AuditEntry[] }>('GET', '/targets/audit', { query: q }),
  // P4 营业收入各项指标分析
  finance: (q: Query) => request<FinanceResponse>('GET', '/plan/finance', { query: q }),
  // end P4
}
