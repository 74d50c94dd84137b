// C · 结果复盘: one block per page.
import { request, type Query } from './http'
import type { ProductsResponse } from './types'

export const checkApi = {
  // --- C4 产品市场预警管理 ---
  products: (q: Query) => request<ProductsResponse>('GET', '/check/products', { query: q }),
  ackProductWarning: (body: Record<string, string | undefined> & { key: string; comment: string }) =>
    request<{ id: number }>('POST', '/check/products/warnings/ack', { body }),
  // --- end C4 ---
}
