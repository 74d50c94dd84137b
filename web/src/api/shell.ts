// Calls of the shell (sign-in, the session, server facts, the region tree) that every area uses.
import { request } from './http'
import type { SessionResponse, Meta, Region } from './types'

export const api = {
  login: (login: string, password: string) =>
    request<SessionResponse>('POST', '/session', { body: { login, password }, no401Redirect: true }),
  logout: () => request<void>('DELETE', '/session', { no401Redirect: true }),
  me: () => request<SessionResponse>('GET', '/me', { no401Redirect: true, quiet: [401] }),
  /** Read it through stores/meta (cached), not here. */
  meta: () => request<Meta>('GET', '/meta'),
  regions: () => request<{ regions: Region[] }>('GET', '/regions'),
}
