// The state of a dashboard page: its declared params read from the URL (defaults from the
// server's today), one fetch per distinct set of params, loading, the error of the last
// fetch, and refetch. Pages declare what they need and render; they hold no copy of the
// filter state, so the URL is the only one.
import { computed, ref, shallowRef, watch } from 'vue'
import { useRouter } from 'vue-router'
import { useMetaStore } from '../stores/meta'
import { useUrlState } from './useUrlState'
import { patchQuery, readParams, sameQuery, type ParamSpecs, type Params } from './urlState'

export interface DashboardOptions<K extends string> {
  params: ParamSpecs<K>
  /** Rules over the values read (a role's fixed level, a drill that needs a region). */
  normalize?: (p: Params<K>) => Params<K>
  /** Write every param to the URL, defaults included, so a copied link says everything. */
  pinToUrl?: boolean
}

export function useDashboard<T, K extends string>(fetcher: (p: Params<K>) => Promise<T>, options: DashboardOptions<K>) {
  const { route, q, set } = useUrlState()
  const router = useRouter()
  const meta = useMetaStore()
  // While the router leaves for another page this one is still mounted for a moment and
  // sees the new query: it must not fetch for it.
  const home = route.name

  const today = ref('')
  const data = shallowRef<T | null>(null)
  const loading = ref(false)
  const error = ref<Error | null>(null)

  // Before the server's today is known the params hold "" for dated defaults and nothing is fetched.
  const params = computed<Params<K>>(() => {
    const p = readParams(options.params, route.query, today.value)
    return options.normalize ? options.normalize(p) : p
  })
  const key = computed(() => (today.value ? JSON.stringify(params.value) : ''))

  let seq = 0  // only the answer to the latest request is shown
  async function refetch(): Promise<void> {
    if (!today.value) return
    const p = params.value
    const mine = ++seq
    loading.value = true
    error.value = null
    try {
      const r = await fetcher(p)
      if (mine === seq) data.value = r
    } catch (e) {
      if (mine === seq) { data.value = null; error.value = e instanceof Error ? e : new Error(String(e)) }
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  watch(key, (k) => {
    if (!k || route.name !== home) return
    if (options.pinToUrl) {
      const next = patchQuery(route.query, params.value)
      if (!sameQuery(route.query, next)) router.replace({ query: next })
    }
    refetch()
  })
  meta.today().then((d) => { today.value = d })

  return { today, params, data, loading, error, refetch, q, set }
}
