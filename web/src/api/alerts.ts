// 预警 (issue 14): the caller's alert rules and alerts.
import { request } from './http'

export type AlertKind = 'threshold' | 'anomaly'
export type AlertOp = '<' | '<=' | '>' | '>='
export type AlertChannel = 'email' | 'wecom' | 'dingtalk'
export interface AlertMetric { code: string; page: string; zh: string; en: string; unit: 'points' | 'ratio' | 'count' | 'money' }
export interface AlertRule {
  id: number; name: string; kind: AlertKind; metric: string; scope: string
  filters: { period?: 'month' | 'quarter' | 'year'; metric?: 'sales' | 'collection' }
  op: AlertOp | null; value: number | null; severity: 'medium' | 'high' | null
  channels: AlertChannel[]; enabled: boolean; created_at: string; updated_at: string
}
export type AlertRuleBody = Omit<AlertRule, 'id' | 'created_at' | 'updated_at' | 'op' | 'value' | 'severity'> & {
  op?: AlertOp; value?: number; severity?: 'medium' | 'high'
}
export interface Alert {
  id: number; rule: number; key: string; state: 'open' | 'closed'; title: string
  measured: number | null; threshold: number; link: string; figures: Record<string, unknown>
  opened_at: string; closed_at: string | null; read: boolean; acked: boolean
  snoozed_until: string | null; snoozed: boolean; agenda_item: number | null; meeting: number | null
}
export interface AlertList { alerts: Alert[]; unread: number; total: number; page: number; page_size: number }

const quiet = [404, 422]

export const alertsApi = {
  rules: () => request<{ rules: AlertRule[]; metrics: AlertMetric[] }>('GET', '/alerts/rules'),
  addRule: (body: AlertRuleBody) => request<AlertRule>('POST', '/alerts/rules', { body, quiet }),
  updateRule: (id: number, body: Partial<AlertRuleBody>) => request<AlertRule>('PATCH', `/alerts/rules/${id}`, { body, quiet }),
  deleteRule: (id: number) => request<void>('DELETE', `/alerts/rules/${id}`),
  list: (query: { state?: string; page?: number; page_size?: number } = {}) =>
    request<AlertList>('GET', '/alerts', { query, no401Redirect: true, quiet: [401] }),
  readAll: () => request<{ marked: number }>('POST', '/alerts/read'),
  read: (id: number) => request<Alert>('POST', `/alerts/${id}/read`),
  ack: (id: number) => request<Alert>('POST', `/alerts/${id}/ack`),
  snooze: (id: number, until: string) => request<Alert>('POST', `/alerts/${id}/snooze`, { body: { until }, quiet }),
  toAgenda: (id: number) =>
    request<{ agenda_item: number; meeting_id: number; alert: Alert }>('POST', `/alerts/${id}/agenda`, { body: {}, quiet }),
}
