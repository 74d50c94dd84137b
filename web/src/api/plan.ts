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
