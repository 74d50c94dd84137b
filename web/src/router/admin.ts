import type { RouteRecordRaw } from 'vue-router'
import { ALL } from './roles'

// 系统管理: the administration group (issue 14). 用户管理 and 渠道设置 are the admins'; 订阅管理
// and 推送记录 every role's (the API shows each caller their own; admins everything).
export const adminRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/users',
    name: 'admin-users',
    component: () => import('../views/admin/UsersPage.vue'),
    meta: { group: 'admin', title: 'menu.users', roles: ['admin'] },
  },
  {
    path: 'admin/channels',
    name: 'admin-channels',
    component: () => import('../views/admin/ChannelsPage.vue'),
    meta: { group: 'admin', title: 'menu.channels', roles: ['admin'] },
  },
  {
    path: 'admin/subscriptions',
    name: 'admin-subscriptions',
    component: () => import('../views/admin/SubscriptionsPage.vue'),
    meta: { group: 'admin', title: 'menu.subscriptions', roles: ALL },
  },
  {
    path: 'admin/deliveries',
    name: 'admin-deliveries',
    component: () => import('../views/admin/DeliveriesPage.vue'),
    meta: { group: 'admin', title: 'menu.deliveries', roles: ALL },
  },
]
