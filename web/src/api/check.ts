// C · 结果复盘. Each page's calls sit in a block named after it.
import { request, downloadUrl, type Query } from './http'
import type { CustomerProfile, ReviewResponse } from './types'

export const checkApi = {
  // --- C1 销售结果复盘 and the customer profile ---
  review: (q: Query) => request<ReviewResponse>('GET', '/check/review', { query: q }),
  customer: (id: number, asOf: string) => request<CustomerProfile>('GET', `/customers/${id}`, { query: { as_of: asOf }, quiet: [404] }),
  exportUrl: downloadUrl,
}
