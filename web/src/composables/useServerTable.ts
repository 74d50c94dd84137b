// The page and sort of a table sorted and paged on the server (issue 9 item 20), kept in the
// URL beside the page's filters: ?page=, ?sort=, ?order= (or with a prefix, ?reps_page= …).
// A change of any other parameter starts again on page 1; a new sort too.
import { computed, watch, type Ref } from 'vue'
import type { ParamSpecs } from './urlState'

type Patch = Record<string, string | null | undefined>
export interface ServerTableKeys { page: string; sort: string; order: string }

export function tableKeys(prefix = ''): ServerTableKeys {
  return { page: prefix + 'page', sort: prefix + 'sort', order: prefix + 'order' }
}

/** The declared URL params of a server table (for useDashboard's params). */
export function tableParams<P extends string = ''>(prefix: P = '' as P): ParamSpecs<`${P}page` | `${P}sort` | `${P}order`> {
  const k = tableKeys(prefix)
  return { [k.page]: {}, [k.sort]: {}, [k.order]: { oneOf: ['asc', 'desc'] } } as ParamSpecs<`${P}page` | `${P}sort` | `${P}order`>
}

export interface ServerTableOptions {
  prefix?: string
  /** The API's sort key of a column key (default: the same). */
  sortKey?: (column: string) => string | null
  /** False while the params still wait for the server's today (their change then is no new filter). */
  ready: () => boolean
}

export function useServerTable(params: Ref<Record<string, string>>, set: (p: Patch) => unknown, options: ServerTableOptions) {
  const prefix = options.prefix ?? ''
  const sortKey = options.sortKey ?? ((c: string) => c)
  const k = tableKeys(prefix)
  const page = computed(() => Math.max(1, Number(params.value[k.page]) || 1))
  /** What the fetch sends: page, sort and order under the table's names. */
  const query = () => {
    const sort = params.value[k.sort] || null
    return { [k.page]: page.value, [k.sort]: sort, [k.order]: sort ? params.value[k.order] || 'asc' : null }
  }
  const setPage = (p: number) => set({ [k.page]: p === 1 ? null : String(p) })
  function setSort(s: { key: string; order: 'asc' | 'desc' | null }) {
    const key = s.order ? sortKey(s.key) : null
    set({ [k.sort]: key, [k.order]: key ? s.order : null, [k.page]: null })
  }
  // Any other parameter changed: back to page 1 (not when the defaults first fill in: a copied
  // link to page 3 stays on page 3).
  const others = computed(() => JSON.stringify(Object.entries(params.value).filter(([n]) => !Object.values(k).includes(n))))
  let readyBefore = options.ready()
  watch(others, () => {
    const was = readyBefore
    readyBefore = options.ready()
    if (was && page.value !== 1) set({ [k.page]: null })
  })
  return { page, query, setPage, setSort }
}
