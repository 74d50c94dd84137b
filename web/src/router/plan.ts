import type { RouteRecordRaw } from 'vue-router'

// P · 目标制定
export const planRoutes: RouteRecordRaw[] = [
  {
    path: 'plan/targets',
    name: 'target-entry',
    component: () => import('../views/plan/TargetEntry.vue'),
    meta: { group: 'plan', title: 'menu.targetEntry', roles: ['executive', 'manager', 'admin'] },
  },
  {
    // The company's finance ledger: for those who see the whole company (the API answers 403 to others).
    path: 'plan/finance',
    name: 'plan-finance',
    component: () => import('../views/plan/Finance.vue'),
    meta: { group: 'plan', title: 'menu.planFinance', roles: ['executive', 'admin'] },
  },
]
