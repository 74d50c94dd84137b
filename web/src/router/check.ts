import type { RouteRecordRaw } from 'vue-router'
import { ALL } from './roles'

// C · 结果复盘
export const checkRoutes: RouteRecordRaw[] = [
  {
    path: 'check/review',
    name: 'review',
    component: () => import('../views/check/Review.vue'),
    meta: { group: 'check', title: 'menu.review', roles: ALL },
  },
  // 客户档案: opened from customer names (components/CustomerLink.vue); not in the menu (no group).
  {
    path: 'check/customer/:id',
    name: 'customer-profile',
    component: () => import('../views/check/CustomerProfile.vue'),
    meta: { title: 'menu.customerProfile', roles: ALL },
  },
]
