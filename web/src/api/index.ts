import { request } from './http'
import type {
  SessionResponse, Meta, Region, ProgressResponse, GridResponse, GridCell, AuditEntry, Metric,
} from './types'
import type { CockpitResponse, TodoItem, ProcessResponse, LeaderboardResponse, ContractDetail } from './types'

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
  ackAnomaly: (body: { key: string; comment: string; as_of: string; industry?: string; category?: string }) =>
    request<{ id: number }>('POST', '/do/anomalies/ack', { body, quiet: [422] }),
  leaderboard: (q: Query) => request<LeaderboardResponse>('GET', '/do/leaderboard', { query: q }),
  contract: (id: number, asOf: string) => request<ContractDetail>('GET', `/contracts/${id}`, { query: { as_of: asOf } }),
  /** URL of a table download (same-origin GET; the browser sends the session cookie). */
  exportUrl: (path: string, q: Query, format: 'xlsx' | 'csv', table: string) => {
    const u = new URLSearchParams()
    for (const [k, v] of Object.entries({ ...q, format, table })) if (v !== null && v !== undefined && v !== '') u.set(k, String(v))
    return '/api/v1' + path + '?' + u.toString()
  },
}
export * from './types'

// --- A1 meetings (issue 5) ---
import type {
  ActPerson, MeetingSeries, MeetingSummary, MeetingDetail, Resolution, ActionItem, Todo, ActStats, NewResolution,
} from './types'
export const actApi = {
  people: () => request<{ users: ActPerson[] }>('GET', '/act/people'),
  series: () => request<{ series: MeetingSeries[] }>('GET', '/meeting-series'),
  addSeries: (body: { name: string; type: string; level: string; region?: number | null }) =>
    request<{ id: number }>('POST', '/meeting-series', { body, quiet: [422] }),
  meetings: (q: { series?: number | null; status?: string | null } = {}) =>
    request<{ meetings: MeetingSummary[] }>('GET', '/meetings', { query: q }),
  addMeeting: (body: { series: number; date: string; chair?: number; attendees?: number[]; agenda?: string }) =>
    request<{ id: number }>('POST', '/meetings', { body, quiet: [422] }),
  meeting: (id: number) => request<MeetingDetail>('GET', `/meetings/${id}`),
  updateMeeting: (id: number, body: { date?: string; chair?: number; attendees?: number[]; agenda?: string; minutes?: string }) =>
    request<MeetingDetail>('PATCH', `/meetings/${id}`, { body, quiet: [422] }),
  setMeetingStatus: (id: number, status: 'open' | 'closed') =>
    request<MeetingDetail>('POST', `/meetings/${id}/status`, { body: { status }, quiet: [409, 422] }),
  updateCarryOver: (id: number, resolution: number, body: { update: string; status?: string }) =>
    request<MeetingDetail>('POST', `/meetings/${id}/carry-over/${resolution}`, { body, quiet: [422] }),
  addAgendaItem: (id: number, body: { title: string; source?: 'd2' | 'c4'; key?: string; figures?: Record<string, unknown> }) =>
    request<{ id: number; meeting_id: number }>('POST', `/meetings/${id}/agenda`, { body }),
  addResolution: (meeting: number, body: NewResolution) =>
    request<Resolution>('POST', `/meetings/${meeting}/resolutions`, { body, quiet: [422] }),
  updateResolution: (id: number, body: Partial<NewResolution>) =>
    request<Resolution>('PATCH', `/resolutions/${id}`, { body, quiet: [422] }),
  addAction: (resolution: number, body: { title: string; owner: number; due_date: string; status?: string }) =>
    request<ActionItem>('POST', `/resolutions/${resolution}/actions`, { body, quiet: [422] }),
  updateAction: (id: number, body: { status?: string; note?: string; title?: string; owner?: number; due_date?: string }) =>
    request<ActionItem>('PATCH', `/actions/${id}`, { body, quiet: [422] }),
  addActionLog: (id: number, text: string) => request<ActionItem>('POST', `/actions/${id}/log`, { body: { text }, quiet: [422] }),
  todos: () => request<{ today: string; items: Todo[] }>('GET', '/todos'),
  stats: (q: { series?: number | null; months?: number } = {}) => request<ActStats>('GET', '/act/stats', { query: q }),
}
