// C · 结果复盘: each page's calls in its own block, as checkApi.
import { request, downloadUrl, type Query } from './http'
import type { CustomerProfile, ReviewResponse, RfmResponse, ChurnResponse, ProductsResponse } from './types'

// --- C1 销售结果复盘 and the customer profile ---
const review = {
  review: (q: Query) => request<ReviewResponse>('GET', '/check/review', { query: q }),
  customer: (id: number, asOf: string) => request<CustomerProfile>('GET', `/customers/${id}`, { query: { as_of: asOf }, quiet: [404] }),
  exportUrl: downloadUrl,
}

// --- C2 客户价值分析 (RFM) ---
const rfm = {
  rfm: (q: Query) => request<RfmResponse>('GET', '/check/rfm', { query: q }),
}

// --- C3 客户分级流失分析 ---
const churn = {
  churn: (q: Query) => request<ChurnResponse>('GET', '/check/churn', { query: q }),
}

// --- C4 产品市场预警管理 ---
const products = {
  products: (q: Query) => request<ProductsResponse>('GET', '/check/products', { query: q }),
  ackProductWarning: (body: Record<string, string | undefined> & { key: string; comment: string }) =>
    request<{ id: number }>('POST', '/check/products/warnings/ack', { body }),
}

export const checkApi = { ...review, ...rfm, ...churn, ...products }
