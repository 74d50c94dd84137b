// A · 问题跟踪: meeting series, meetings, carry-over, resolutions, action items, to-dos, figures.
import { request } from './http'
import type {
  ActPerson, MeetingSeries, MeetingList, MeetingDetail, Resolution, ActionItem, TodoList, ActStats, NewResolution,
} from './types'

type Id = number | null
/** GET /meetings filters (all optional) and its page. */
export type MeetingQuery = {
  series?: Id; status?: string | null; from?: string | null; to?: string | null; owner?: Id; overdue?: 0 | 1 | null
  q?: string | null; page?: number; page_size?: number
}
/** GET /todos filters and its page. */
export type TodoQuery = { kind?: string | null; overdue?: 0 | 1 | 'long' | null; series?: Id; page?: number; page_size?: number }

export const actApi = {
  people: () => request<{ users: ActPerson[] }>('GET', '/act/people'),
  series: () => request<{ series: MeetingSeries[] }>('GET', '/meeting-series'),
  addSeries: (body: { name: string; type: string; level: string; region?: number | null }) =>
    request<{ id: number }>('POST', '/meeting-series', { body, quiet: [422] }),
  meetings: (q: MeetingQuery = {}) => request<MeetingList>('GET', '/meetings', { query: q }),
  addMeeting: (body: { series: number; date: string; chair?: number; attendees?: number[]; agenda?: string }) =>
    request<{ id: number }>('POST', '/meetings', { body, quiet: [422] }),
  meeting: (id: number) => request<MeetingDetail>('GET', `/meetings/${id}`),
  updateMeeting: (id: number, body: { date?: string; chair?: number; attendees?: number[]; agenda?: string; minutes?: string; version?: number }) =>
    request<MeetingDetail>('PATCH', `/meetings/${id}`, { body, quiet: [409, 422] }),
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
  todos: (q: TodoQuery = {}) => request<TodoList>('GET', '/todos', { query: q }),
  stats: (q: { series?: number | null; months?: number } = {}) => request<ActStats>('GET', '/act/stats', { query: q }),
}
