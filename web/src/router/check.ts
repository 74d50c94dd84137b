import type { RouteRecordRaw } from 'vue-router'
import { ALL } from './roles'

// C · 结果复盘
export const checkRoutes: RouteRecordRaw[] = [
  {
    path: 'check/rfm',
    name: 'check-rfm',
    component: () => import('../views/check/Rfm.vue'),
    meta: { group: 'check', title: 'menu.rfm', roles: ALL },
  },
  {
    path: 'check/churn',
    name: 'check-churn',
    component: () => import('../views/check/Churn.vue'),
    meta: { group: 'check', title: 'menu.churn', roles: ALL },
  },
]
