import { defineStore } from 'pinia'
import type { User, Role } from '../api/types'

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
  },
})
