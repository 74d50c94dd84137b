import type { Status } from '../api/types'
export const STATUS_COLOR: Record<Status, string> = { ahead: '#52c41a', at_risk: '#fa8c16', behind: '#f5222d' }
