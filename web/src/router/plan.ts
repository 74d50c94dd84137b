import type { RouteRecordRaw } from 'vue-router'
import { ALL } from './roles'

// P · 目标制定
export const planRoutes: RouteRecordRaw[] = [
  {
    path: 'plan/targets',
    name: 'target-entry',
    component: () => import('../views/plan/TargetEntry.vue'),
    meta: { group: 'plan', title: 'menu.targetEntry', roles: ['executive', 'manager', 'admin'] },
  },
  {
    path: 'plan/forecast',
    name: 'plan-forecast',
    component: () => import('../views/plan/Forecast.vue'),
    meta: { group: 'plan', title: 'menu.forecast', roles: ALL },
  },
]
