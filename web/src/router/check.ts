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
  {
    path: 'check/products',
    name: 'check-products',
    component: () => import('../views/check/Products.vue'),
    meta: { group: 'check', title: 'menu.checkProducts', roles: ALL },
  },
  // 客户档案: opened from customer names (components/CustomerLink.vue); not in the menu (no group).
  {
    path: 'check/customer/:id',
    name: 'customer-profile',
    component: () => import('../views/check/CustomerProfile.vue'),
    meta: { title: 'menu.customerProfile', roles: ALL },
  },
]
