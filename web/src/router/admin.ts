import type { RouteRecordRaw } from 'vue-router'

// 系统管理: the administration group (issue 14). 用户管理 here; the push pages (渠道设置,
// 订阅管理, 推送记录) add their entries to this list. Admins only unless an entry says otherwise.
export const adminRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/users',
    name: 'admin-users',
    component: () => import('../views/admin/UsersPage.vue'),
    meta: { group: 'admin', title: 'menu.users', roles: ['admin'] },
  },
]
