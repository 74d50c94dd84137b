// 推送 (issue 14): channel and push settings (admins), subscriptions, the delivery log.
import { request, type Query } from './http'
import type {
  ChannelSettings, DeliveryList, PushChannel, PushSettings, RunOutcome, SubRecipientChoices, Subscription,
  SubscriptionBody, SubscriptionList,
} from './types'

const quiet = [422, 502]
type ChannelUpdate = Partial<Omit<ChannelSettings, 'smtp'>> & { smtp?: Partial<ChannelSettings['smtp']> }

export const pushApi = {
  channels: () => request<ChannelSettings>('GET', '/settings/channels'),
  saveChannels: (body: ChannelUpdate) => request<ChannelSettings>('PUT', '/settings/channels', { body, quiet }),
  testChannel: (body: ChannelUpdate & { channel: PushChannel; to?: string }) =>
    request<{ sent: boolean; channel: PushChannel }>('POST', '/settings/channels/test', { body, quiet }),
  settings: () => request<PushSettings>('GET', '/settings/push'),
  saveSettings: (body: Partial<PushSettings>) => request<PushSettings>('PUT', '/settings/push', { body, quiet }),

  subscriptions: () => request<SubscriptionList>('GET', '/subscriptions'),
  recipients: () => request<SubRecipientChoices>('GET', '/subscriptions/recipients'),
  schedulePreview: (schedule: string, n = 3) =>
    request<{ schedule: string; next_runs: string[] }>('GET', '/subscriptions/schedule-preview', { query: { schedule, n }, quiet: [422] }),
  create: (body: SubscriptionBody) => request<Subscription>('POST', '/subscriptions', { body, quiet: [403, 404, 422] }),
  update: (id: number, body: Partial<SubscriptionBody>) =>
    request<Subscription>('PATCH', `/subscriptions/${id}`, { body, quiet: [403, 404, 422] }),
  remove: (id: number) => request<void>('DELETE', `/subscriptions/${id}`),
  sendNow: (id: number) => request<RunOutcome>('POST', `/subscriptions/${id}/send`),
  sendTest: (id: number) => request<RunOutcome>('POST', `/subscriptions/${id}/test`),

  deliveries: (query: Query) => request<DeliveryList>('GET', '/deliveries', { query }),
  fileUrl: (id: number, index: number) => `/api/v1/deliveries/${id}/files/${index}`,
}
