import { request } from './http'
import type {
  SessionResponse, Meta, Region, ProgressResponse, GridResponse, GridCell, AuditEntry, Metric,
} from './types'

export const api = {
  login: (login: string, password: string) =>
    request<SessionResponse>('POST', '/session', { body: { login, password }, no401Redirect: true }),
  logout: () => request<void>('DELETE', '/session', { no401Redirect: true }),
  me: () => request<SessionResponse>('GET', '/me', { no401Redirect: true, quiet: [401] }),
  meta: () => request<Meta>('GET', '/meta'),
  regions: () => request<{ regions: Region[] }>('GET', '/regions'),
  progress: (q: { period: string; as_of: string; level: string; region?: number | null; metric: Metric }) =>
    request<ProgressResponse>('GET', '/do/progress', { query: q }),
  grid: (q: { year: number; metric: Metric; owner: 'region' | 'rep'; region?: number | null }) =>
    request<GridResponse>('GET', '/targets/grid', { query: q }),
  saveGrid: (body: { year: number; metric: Metric; owner: 'region' | 'rep'; region: number | null; cells: GridCell[] }) =>
    request<{ saved: number }>('PUT', '/targets/grid', { body, quiet: [422] }),
  audit: (q: { year: number; metric: Metric; region?: number | null }) =>
    request<{ entries: AuditEntry[] }>('GET', '/targets/audit', { query: q }),
}
export * from './types'
