import type { RouteRecordRaw } from 'vue-router'

// 数据导入 (issue 12): in the P group, beside 目标填报 — the pages that put data in. Admins only.
export const dataRoutes: RouteRecordRaw[] = [
  {
    path: 'data/import',
    name: 'data-import',
    component: () => import('../views/data/ImportPage.vue'),
    meta: { group: 'plan', title: 'menu.dataImport', roles: ['admin'] },
  },
]
