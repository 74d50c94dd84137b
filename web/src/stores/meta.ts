// GET /meta (the server's today and version), asked once and shared by every page. The
// server's today is the default as-of date everywhere: under `serve --today` it is not the
// browser's date, so pages must not each guess it.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api/shell'
import type { Meta } from '../api/types'

// A tab left open overnight asks again, so "today" moves on with the server.
const MAX_AGE_MS = 60 * 60 * 1000

export const useMetaStore = defineStore('meta', () => {
  const meta = ref<Meta | null>(null)
  let fetchedAt = 0
  let pending: Promise<Meta> | null = null

  function load(): Promise<Meta> {
    if (meta.value && Date.now() - fetchedAt < MAX_AGE_MS) return Promise.resolve(meta.value)
    if (!pending) {
      pending = api.meta()
        .then((m) => { meta.value = m; fetchedAt = Date.now(); return m })
        .finally(() => { pending = null })
    }
    return pending
  }

  /** The server's today; the browser's date when the server does not answer (the api layer has said why). */
  async function today(): Promise<string> {
    try { return (await load()).today } catch { return new Date().toISOString().slice(0, 10) }
  }

  return { meta, load, today }
})
