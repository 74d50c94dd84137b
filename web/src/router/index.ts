import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { Role } from '../api/types'
import { useSessionStore } from '../stores/session'
import { planRoutes } from './plan'
import { dataRoutes } from './data'
import { doRoutes } from './do'
import { checkRoutes } from './check'
import { actRoutes } from './act'
import { adminRoutes } from './admin'

export type Group = 'plan' | 'do' | 'check' | 'act' | 'admin'
declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    roles?: Role[]
    group?: Group
    title?: string // i18n key, shown in the side menu
  }
}


/** Pages that appear in the side menu, one file per area. Order inside a group is menu order. */
export const pageRoutes: RouteRecordRaw[] = [...planRoutes, ...dataRoutes, ...doRoutes, ...checkRoutes, ...actRoutes, ...adminRoutes]

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('../views/Login.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('../components/AppLayout.vue'),
    children: [
      // A rep lands on their cockpit, everyone else on target progress. beforeEnter (not
      // redirect) so that it runs after the global guard has loaded the session.
      {
        path: '', name: 'home', component: () => import('../views/ErrorPage.vue'),
        beforeEnter: () => ({ name: useSessionStore().role === 'rep' ? 'cockpit' : 'target-progress' }),
      },
      ...pageRoutes,
      { path: '403', name: 'forbidden', component: () => import('../views/ErrorPage.vue'), props: { code: 403 } },
      { path: ':rest(.*)*', name: 'not-found', component: () => import('../views/ErrorPage.vue'), props: { code: 404 } },
    ],
  },
]

export const router = createRouter({ history: createWebHistory(), routes })

export function canOpen(role: Role | null, roles?: Role[]): boolean {
  if (!roles) return true
  return role !== null && roles.includes(role)
}

router.beforeEach(async (to) => {
  const session = useSessionStore()
  if (!session.checked) {
    session.checked = true
    try {
      const { api } = await import('../api')
      const r = await api.me()
      session.set(r.user, r.csrf)
    } catch {
      session.clear()
    }
  }
  if (to.meta.public) {
    if (to.name === 'login' && session.loggedIn) return { name: 'home' }
    return true
  }
  if (!session.loggedIn) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  if (!canOpen(session.role, to.meta.roles)) return { name: 'forbidden', query: { from: to.fullPath } }
  return true
})
