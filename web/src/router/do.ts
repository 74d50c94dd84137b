import type { RouteRecordRaw } from 'vue-router'
import { ALL } from './roles'

// D · 执行过程
export const doRoutes: RouteRecordRaw[] = [
  {
    path: 'do/cockpit',
    name: 'cockpit',
    component: () => import('../views/do/Cockpit.vue'),
    meta: { group: 'do', title: 'menu.cockpit', roles: ALL },
  },
  {
    path: 'do/process',
    name: 'process',
    component: () => import('../views/do/Process.vue'),
    meta: { group: 'do', title: 'menu.process', roles: ALL },
  },
  {
    path: 'do/progress',
    name: 'target-progress',
    component: () => import('../views/do/TargetProgress.vue'),
    meta: { group: 'do', title: 'menu.targetProgress', roles: ALL },
  },
  {
    path: 'do/leaderboard',
    name: 'leaderboard',
    component: () => import('../views/do/Leaderboard.vue'),
    meta: { group: 'do', title: 'menu.leaderboard', roles: ALL },
  },
  {
    // 合同录入 (opps): a signed contract with lines and payment plan.
    path: 'do/contracts/new',
    name: 'contract-entry',
    component: () => import('../views/do/ContractEntry.vue'),
    meta: { group: 'do', title: 'menu.contractEntry', roles: ALL },
  },
]
