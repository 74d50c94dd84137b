import type { RouteRecordRaw } from 'vue-router'

// A · 问题跟踪
export const actRoutes: RouteRecordRaw[] = []
