import type { RouteRecordRaw } from 'vue-router'
import { ALL } from './roles'

// D · 执行过程
export const doRoutes: RouteRecordRaw[] = [
  {
    path: 'do/progress',
    name: 'target-progress',
    component: () => import('../views/do/TargetProgress.vue'),
    meta: { group: 'do', title: 'menu.targetProgress', roles: ALL },
  },
]
