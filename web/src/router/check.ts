import type { RouteRecordRaw } from 'vue-router'
import { ALL } from './roles'

// C · 结果复盘
export const checkRoutes: RouteRecordRaw[] = [
  {
    path: 'check/products',
    name: 'check-products',
    component: () => import('../views/check/Products.vue'),
    meta: { group: 'check', title: 'menu.checkProducts', roles: ALL },
  },
]
