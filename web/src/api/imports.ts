// 数据导入 (issue 12, admins only): upload a file, its columns and guessed mapping, the dry run
// (预检) and the commit as jobs polled for progress, their errors, mapping templates, and the
// per-entity downloads (blank template, export). docs/api.md "Imports" describes the routes.
import { ElMessage } from 'element-plus'
import { currentLocale } from '../locales'
import { useSessionStore } from '../stores/session'
import { ApiError, request } from './http'

export interface ImportField {
  name: string
  type: string
  required: boolean
  aliases: string[]
  example: string
  note?: string
  column?: string | null
  match?: 'exact' | 'contains' | 'given' | null
  candidates?: string[]
}
export interface ImportEntity { name: string; zh: string; en: string; key: string[]; note: string; fields: ImportField[] }
export interface ImportColumns {
  entity: string
  sheets: string[]
  sheet: string
  headers: string[]
  fields: ImportField[]
  unmapped: string[]
}
export interface ColumnPair { field: string; column: string }
export type ImportState =
  'uploaded' | 'checking' | 'checked' | 'committing' | 'committed' | 'cancelled' | 'failed' | 'interrupted'
export interface ImportProgress { phase: string; rows_read: number; rows_checked: number; rows_written: number; writes: number }
export interface ImportJob {
  id: string
  name: string
  size: number
  format: 'csv' | 'xlsx'
  sha256: string
  uploaded_by: string
  uploaded_at: string
  entity: string | null
  sheet: string
  /** CSV: how it is read ('auto' = detected). */
  encoding: string
  delimiter: string
  state: ImportState
  run: 'dry_run' | 'commit' | null
  progress: ImportProgress
  started_at: string | null
  finished_at: string | null
  /** Read back from the database after a restart: listed, not run again. */
  restored: boolean
  /** The last run's error report is kept (reportUrl). */
  report: boolean
  result: { rows: number; inserted: number; updated: number; unchanged: number; errors: number; committed: boolean } | null
  error: { code: string; message: string; field: string | null } | null
  map?: ColumnPair[]
  columns?: ImportColumns
}
export interface ImportErrorRow { row: number; column: string; value: string; field: string; code: string; message: string }
export interface ImportErrorPage { rows: ImportErrorRow[]; total: number; page: number; page_size: number }
export interface ImportTemplate { id: number; entity: string; name: string; mapping: ColumnPair[]; user: string; at: string }

/** A CSV's encoding and delimiter ('auto': detected by the server). */
export interface CsvChoices { encoding: string; delimiter: string }

/** The file as the request body (streamed to disk by the server; 413 over its limit). */
async function upload(file: File, entity: string, csv: CsvChoices): Promise<ImportJob> {
  const session = useSessionStore()
  const q = new URLSearchParams({ name: file.name, entity, ...csv })
  const res = await fetch('/api/v1/imports?' + q.toString(), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Accept-Language': currentLocale(), 'X-CSRF-Token': session.csrf ?? '', 'Content-Type': file.type || 'application/octet-stream' },
    body: file,
  })
  const data = await res.json().catch(() => null)
  if (res.ok) return data as ImportJob
  const e = data?.error ?? {}
  const err = new ApiError(res.status, e.code || String(res.status), e.message || res.statusText, e.field)
  ElMessage.error(err.message)
  throw err
}

export const importsApi = {
  upload,
  entities: () => request<{ entities: ImportEntity[] }>('GET', '/import-entities'),
  job: (id: string) => request<ImportJob>('GET', `/imports/${id}`),
  /** The newest imports first, past ones (before a restart) too. */
  list: () => request<{ imports: ImportJob[] }>('GET', '/imports'),
  columns: (id: string, entity: string, sheet: string, csv: CsvChoices) =>
    request<ImportColumns>('GET', `/imports/${id}/columns`, { query: { entity, sheet, ...csv } }),
  dryRun: (id: string, body: { entity: string; sheet: string; map: ColumnPair[] } & CsvChoices) =>
    request<ImportJob>('POST', `/imports/${id}/dry-run`, { body }),
  commit: (id: string) => request<ImportJob>('POST', `/imports/${id}/commit`, { body: {} }),
  cancel: (id: string) => request<ImportJob>('POST', `/imports/${id}/cancel`, { body: {} }),
  errors: (id: string, page: number, pageSize: number) =>
    request<ImportErrorPage>('GET', `/imports/${id}/errors`, { query: { page, page_size: pageSize } }),
  templates: (entity: string) => request<{ templates: ImportTemplate[] }>('GET', '/import-templates', { query: { entity } }),
  saveTemplate: (body: { entity: string; name: string; mapping: ColumnPair[] }) =>
    request<ImportTemplate>('POST', '/import-templates', { body }),
  /** Same-origin GET links (the session cookie goes along). */
  reportUrl: (id: string) => `/api/v1/imports/${id}/errors?format=xlsx`,
  blankUrl: (entity: string, format: 'xlsx' | 'csv') => `/api/v1/import-entities/${entity}/template?format=${format}`,
  exportUrl: (entity: string, format: 'xlsx' | 'csv') => `/api/v1/import-entities/${entity}/export?format=${format}`,
}
