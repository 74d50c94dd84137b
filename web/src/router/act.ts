import type { RouteRecordRaw } from 'vue-router'
import { ALL } from './roles'

// A · 问题跟踪: the meeting closed loop (issue 5)
export const actRoutes: RouteRecordRaw[] = [
  {
    path: 'act/meetings',
    name: 'meetings',
    component: () => import('../views/act/MeetingList.vue'),
    meta: { group: 'act', title: 'menu.meetings', roles: ALL },
  },
  {
    // not in the menu (no group): reached from the list, the to-dos and the cockpit
    path: 'act/meetings/:id(\\d+)',
    name: 'meeting',
    component: () => import('../views/act/MeetingDetail.vue'),
    meta: { roles: ALL },
  },
  {
    path: 'act/todos',
    name: 'todos',
    component: () => import('../views/act/MyTodos.vue'),
    meta: { group: 'act', title: 'menu.todos', roles: ALL },
  },
  {
    path: 'act/stats',
    name: 'act-stats',
    component: () => import('../views/act/ActStats.vue'),
    meta: { group: 'act', title: 'menu.actStats', roles: ALL },
  },
  {
    path: 'act/alert-rules',
    name: 'alert-rules',
    component: () => import('../views/alerts/AlertRules.vue'),
    meta: { group: 'act', title: 'menu.alertRules', roles: ALL },
  },
]
