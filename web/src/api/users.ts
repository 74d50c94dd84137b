// 用户管理 (issue 14): the admin's user list and writes, and every user's own account.
import { request, type Query } from './http'
import type { AdminUser, UserFields, UserList, UserScopes, User } from './types'

const quiet = [409, 422]

export const usersApi = {
  list: (query: Query) => request<UserList>('GET', '/users', { query }),
  scopes: () => request<UserScopes>('GET', '/users/scopes'),
  create: (body: UserFields & { login: string; password?: string }) =>
    request<{ user: AdminUser; password?: string }>('POST', '/users', { body, quiet }),
  update: (id: number, body: UserFields) => request<{ user: AdminUser }>('PATCH', `/users/${id}`, { body, quiet }),
  /** No password: the server generates one and hands it back once. */
  resetPassword: (id: number, password?: string) =>
    request<{ user: AdminUser; password?: string }>('POST', `/users/${id}/password`, { body: password ? { password } : {}, quiet }),
  updateMe: (body: { display_name?: string; email?: string; lang?: 'zh-CN' | 'en' }) =>
    request<{ user: User & { email: string; lang: 'zh-CN' | 'en' } }>('PATCH', '/me', { body, quiet }),
}
