// Read and write the route query (the filter state of a page): q('region'), set({ region: '3' }).
import { useRoute, useRouter } from 'vue-router'
import { patchQuery, queryValue } from './urlState'

export function useUrlState() {
  const route = useRoute()
  const router = useRouter()
  const q = (name: string) => queryValue(route.query, name)
  /** Replace (not push) the query: filter changes do not pile up in the browser history. */
  const set = (patch: Record<string, string | null | undefined>) => router.replace({ query: patchQuery(route.query, patch) })
  return { route, q, set }
}
