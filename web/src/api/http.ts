// The one door to the server: same-origin cookies, locale header, CSRF token on writes,
// error bodies {"error":{code,message,field}} shown to the user, 401 → login page.
import { ElMessage } from 'element-plus'
import { currentLocale, i18n } from '../locales'
import { useSessionStore } from '../stores/session'
import { router } from '../router'

export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string, public field?: string) {
    super(message)
  }
}

export type Query = Record<string, string | number | null | undefined>

/** "?a=1&b=x" of the set values (null, undefined and "" are left out), or "" when none is. */
export function queryString(query: Query): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? '?' + s : ''
}

/** URL of a table download (same-origin GET; the browser sends the session cookie). */
export function downloadUrl(path: string, query: Query, format: 'xlsx' | 'csv', table: string): string {
  return '/api/v1' + path + queryString({ ...query, format, table })
}

export interface RequestOptions {
  body?: unknown
  query?: Query
  /** do not pop an ElMessage for these statuses (caller handles them) */
  quiet?: number[]
  /** do not redirect to login on 401 (login/me calls) */
  no401Redirect?: boolean
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const session = useSessionStore()
  const url = '/api/v1' + path + (opts.query ? queryString(opts.query) : '')
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLocale(),
  }
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json'
  if (WRITE.has(method) && session.csrf) headers['X-CSRF-Token'] = session.csrf

  let res: Response
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    })
  } catch {
    const msg = i18n.global.t('common.networkError')
    ElMessage.error(msg)
    throw new ApiError(0, 'network', msg)
  }
  if (res.status === 204) return undefined as T
  let data: unknown = null
  const text = await res.text()
  if (text) {
    try { data = JSON.parse(text) } catch { data = null }
  }
  if (res.ok) return data as T

  const e: { code?: string; message?: string; field?: string } = (data as { error?: object } | null)?.error ?? {}
  const message: string = e.message || res.statusText || `HTTP ${res.status}`
  const err = new ApiError(res.status, e.code || String(res.status), message, e.field)
  if (res.status === 401 && !opts.no401Redirect) {
    session.clear()
    ElMessage.warning(i18n.global.t('common.sessionExpired'))
    const cur = router.currentRoute.value
    if (cur.name !== 'login') router.push({ name: 'login', query: { redirect: cur.fullPath } })
    throw err
  }
  if (!opts.quiet?.includes(res.status)) ElMessage.error(message)
  throw err
}
