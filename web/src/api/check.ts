// C · 结果复盘: each page's calls in its own block, as checkApi.
import { request, type Query } from './http'
import type { RfmResponse, ChurnResponse } from './types'

// --- C2 客户价值分析 (RFM) ---
const rfm = {
  rfm: (q: Query) => request<RfmResponse>('GET', '/check/rfm', { query: q }),
}

// --- C3 客户分级流失分析 ---
const churn = {
  churn: (q: Query) => request<ChurnResponse>('GET', '/check/churn', { query: q }),
}

export const checkApi = { ...rfm, ...churn }
