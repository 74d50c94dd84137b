import type { Role } from '../api/types'

export const ALL: Role[] = ['admin', 'executive', 'manager', 'rep']
