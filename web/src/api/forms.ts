// 填报 (fill-in forms): 回款登记. 422 and 404 answers are the form's to show beside the field.
import { request } from './http'
import type { PaymentAnswer, PaymentBody } from './types'

export const formsApi = {
  payment: (body: PaymentBody) => request<PaymentAnswer>('POST', '/payments', { body, quiet: [404, 422] }),
}
