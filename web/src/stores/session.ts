import { defineStore } from 'pinia'
import type { User, Role } from '../api/types'
import { currentLocale } from '../locales'

/**
 * DELETE /api/v1/session, answered 204 No Content. Sent with XMLHttpRequest, not fetch():
 * Chromium ends a fetch() answered 204 as a cancelled request (net::ERR_ABORTED, "(canceled)"
 * in the network panel) although it succeeded; an XMLHttpRequest of the same request completes.
 * Resolves whatever the answer: a session that is already gone is logged out too.
 */
function deleteSession(csrf: string): Promise<void> {
  return new Promise((resolve) => {
    const x = new XMLHttpRequest()
    x.open('DELETE', '/api/v1/session')
    x.setRequestHeader('Accept-Language', currentLocale())
    if (csrf) x.setRequestHeader('X-CSRF-Token', csrf)
    x.onloadend = () => resolve()
    x.send()
  })
}

export const useSessionStore = defineStore('session', {
  state: () => ({
    user: null as User | null,
    csrf: '' as string,
    checked: false, // GET /me has been asked once this page load
  }),
  getters: {
    role: (s): Role | null => s.user?.role ?? null,
    loggedIn: (s) => s.user !== null,
  },
  actions: {
    set(user: User, csrf: string) {
      this.user = user
      this.csrf = csrf
      this.checked = true
    },
    clear() {
      this.user = null
      this.csrf = ''
    },
    async logout() {
      await deleteSession(this.csrf)
      this.clear()
    },
  },
})
