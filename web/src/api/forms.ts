// 填报 (fill-in forms): 回款登记. 422 and 404 answers are the form's to show beside the field.
import { request, type Query } from './http'
import type {
  ContractBody, ContractSaved, OppBody, OppDetail, OppList, OppSaved, PaymentAnswer, PaymentBody, PickedCustomer,
  PickedProduct, Picked, StageMoveBody,
} from './types'

export const formsApi = {
  payment: (body: PaymentBody) => request<PaymentAnswer>('POST', '/payments', { body, quiet: [404, 422] }),
  // --- opps: 商机维护 and 合同录入 ---
  opportunities: (query: Query) => request<OppList>('GET', '/opportunities', { query }),
  opportunity: (id: number) => request<OppDetail>('GET', `/opportunities/${id}`),
  addOpportunity: (body: OppBody) => request<OppSaved>('POST', '/opportunities', { body, quiet: [404, 422] }),
  moveOpportunity: (id: number, body: StageMoveBody) =>
    request<OppSaved>('POST', `/opportunities/${id}/stage`, { body, quiet: [404, 422] }),
  customers: (q: string) => request<Picked<PickedCustomer>>('GET', '/pickers/customers', { query: { q, page_size: 20 } }),
  products: (q: string) => request<Picked<PickedProduct>>('GET', '/pickers/products', { query: { q, page_size: 50 } }),
  addContract: (body: ContractBody) => request<ContractSaved>('POST', '/contracts', { body, quiet: [404, 422] }),
  // --- end opps ---
}
