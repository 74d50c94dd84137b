export type Role = 'admin' | 'executive' | 'manager' | 'rep'
export type Metric = 'sales' | 'collection'
export type Status = 'ahead' | 'at_risk' | 'behind'

export interface User {
  id: number
  login: string
  display_name: string
  role: Role
  region: number | null
  rep: number | null
}
export interface SessionResponse { user: User; csrf: string }
export interface Meta { today: string; version: string }
export interface Region { id: number; name: string; parent: number | null; level: number }

export interface ProgressRow {
  id: number
  name: string
  target: number
  actual: number
  completion: number | null
  time_progress: number
  gap: number | null
  status: Status
  required_daily: number | null
  projected: number | null
}
export interface ProgressResponse {
  period: { label: string; first: string; last: string; days: number; elapsed: number }
  as_of: string
  metric: Metric
  level: 'company' | 'region' | 'rep'
  parent: ProgressRow | null
  rows: ProgressRow[]
}

export interface GridRow { id: number; name: string; values: (number | null)[] }
export interface GridResponse {
  year: number
  metric: Metric
  owner: 'region' | 'rep'
  region: { id: number; name: string } | null
  locked_before: string
  unit: 'fen'
  parent: GridRow | null
  rows: GridRow[]
}
export interface GridCell { id: number; month: number; value: number | null }
export interface AuditEntry { at: string; user: string; key: string; name: string; old: number | null; new: number | null }
