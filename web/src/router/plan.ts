import type { RouteRecordRaw } from 'vue-router'
import { ALL } from './roles'

// P · 目标制定
export const planRoutes: RouteRecordRaw[] = [
  {
    path: 'plan/market',
    name: 'plan-market',
    component: () => import('../views/plan/Market.vue'),
    meta: { group: 'plan', title: 'menu.planMarket', roles: ALL },
  },
  {
    path: 'plan/competitors',
    name: 'plan-competitors',
    component: () => import('../views/plan/Competitors.vue'),
    meta: { group: 'plan', title: 'menu.planCompetitors', roles: ALL },
  },
  {
    path: 'plan/funnel',
    name: 'plan-funnel',
    component: () => import('../views/plan/Funnel.vue'),
    meta: { group: 'plan', title: 'menu.planFunnel', roles: ALL },
  },
  {
    // 商机维护 (opps): the opportunities P3 counts, kept by reps (their own) and managers (their region).
    path: 'plan/opportunities',
    name: 'opportunities',
    component: () => import('../views/plan/Opportunities.vue'),
    meta: { group: 'plan', title: 'menu.opportunities', roles: ALL },
  },
  {
    // The company's finance ledger: for those who see the whole company (the API answers 403 to others).
    path: 'plan/finance',
    name: 'plan-finance',
    component: () => import('../views/plan/Finance.vue'),
    meta: { group: 'plan', title: 'menu.planFinance', roles: ['executive', 'admin'] },
  },
  {
    path: 'plan/forecast',
    name: 'plan-forecast',
    component: () => import('../views/plan/Forecast.vue'),
    meta: { group: 'plan', title: 'menu.forecast', roles: ALL },
  },
  {
    path: 'plan/suggestion',
    name: 'plan-suggestion',
    component: () => import('../views/plan/Suggestion.vue'),
    meta: { group: 'plan', title: 'menu.planSuggestion', roles: ALL },
  },
  {
    path: 'plan/targets',
    name: 'target-entry',
    component: () => import('../views/plan/TargetEntry.vue'),
    meta: { group: 'plan', title: 'menu.targetEntry', roles: ['executive', 'manager', 'admin'] },
  },
]
