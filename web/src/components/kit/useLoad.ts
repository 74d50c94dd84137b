// The state of a page that is not a URL-state dashboard (meetings, to-dos, A1 stats): one
// load at a time shown (a later call wins), loading, and the error of the last load for
// LoadError, instead of an empty page when the server says no.
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'

export interface Loaded<T> {
  data: ShallowRef<T | null>
  loading: Ref<boolean>
  error: Ref<Error | null>
  load: () => Promise<void>
}

export function useLoad<T>(fetcher: () => Promise<T>): Loaded<T> {
  const data = shallowRef<T | null>(null)
  const loading = ref(false)
  const error = ref<Error | null>(null)
  let seq = 0
  async function load() {
    const mine = ++seq
    loading.value = true
    error.value = null
    try {
      const r = await fetcher()
      if (mine === seq) data.value = r
    } catch (e) {
      if (mine === seq) { data.value = null; error.value = e instanceof Error ? e : new Error(String(e)) }
    } finally {
      if (mine === seq) loading.value = false
    }
  }
  return { data, loading, error, load }
}
