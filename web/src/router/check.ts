import type { RouteRecordRaw } from 'vue-router'

// C · 结果复盘
export const checkRoutes: RouteRecordRaw[] = []
