// D · 执行过程: D1 cockpit, D2 process, D3 target progress, D4 leaderboard, the contract detail.
import { request, downloadUrl, type Query } from './http'
import type {
  Metric, ProgressResponse, CockpitResponse, TodoItem, ProcessResponse, LeaderboardResponse, ContractDetail,
} from './types'

export const doApi = {
  progress: (q: {
    period: string; as_of: string; level: string; region?: number | null; metric: Metric
    page?: number; page_size?: number; sort?: string | null; order?: string | null
  }) =>
    request<ProgressResponse>('GET', '/do/progress', { query: q }),
  cockpit: (q: { rep?: number | null; as_of: string }) => request<CockpitResponse>('GET', '/do/cockpit', { query: q }),
  /** The meeting module's to-do list: the caller's, or with `rep` that rep's (as far as the caller sees). */
  todos: (rep?: number | null) =>
    request<{ items: TodoItem[] }>('GET', '/todos', { query: rep ? { rep } : {}, quiet: [401, 403, 404, 405, 500, 501] }),
  process: (q: Query) => request<ProcessResponse>('GET', '/do/process', { query: q }),
  ackAnomaly: (body: { key: string; comment: string; as_of: string; industry?: string; category?: string }) =>
    request<{ id: number }>('POST', '/do/anomalies/ack', { body, quiet: [422] }),
  leaderboard: (q: Query) => request<LeaderboardResponse>('GET', '/do/leaderboard', { query: q }),
  contract: (id: number, asOf: string) => request<ContractDetail>('GET', `/contracts/${id}`, { query: { as_of: asOf } }),
  exportUrl: downloadUrl,
}
