import { request } from './http'
import type {
  SessionResponse, Meta, Region, ProgressResponse, GridResponse, GridCell, AuditEntry, Metric,
} from './types'
import type { CockpitResponse, TodoItem, ProcessResponse, LeaderboardResponse } from './types'

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
// --- D1 / D2 / D4 (issue 4) ---
type Query = Record<string, string | number | null | undefined>
export const doApi = {
  cockpit: (q: { rep?: number | null; as_of: string }) => request<CockpitResponse>('GET', '/do/cockpit', { query: q }),
  /** The meeting module's to-do list; callers treat 404 or failure as "not available yet". */
  todos: () => request<{ items: TodoItem[] }>('GET', '/todos', { quiet: [401, 403, 404, 405, 500, 501] }),
  process: (q: Query) => request<ProcessResponse>('GET', '/do/process', { query: q }),
  ackAnomaly: (body: { key: string; comment: string; as_of: string }) =>
    request<{ id: number }>('POST', '/do/anomalies/ack', { body, quiet: [422] }),
  leaderboard: (q: Query) => request<LeaderboardResponse>('GET', '/do/leaderboard', { query: q }),
  /** URL of a table download (same-origin GET; the browser sends the session cookie). */
  exportUrl: (path: string, q: Query, format: 'xlsx' | 'csv', table: string) => {
    const u = new URLSearchParams()
    for (const [k, v] of Object.entries({ ...q, format, table })) if (v !== null && v !== undefined && v !== '') u.set(k, String(v))
    return '/api/v1' + path + '?' + u.toString()
  },
}
export * from './types'
