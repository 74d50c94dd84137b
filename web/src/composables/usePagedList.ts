// A list paged on the server for the admin pages (用户管理, 推送记录): its rows, total and
// loading flag, the current page, load() for the page shown and search() back to page 1.
import { ref, type Ref } from 'vue'

export interface PagedAnswer<R> { rows: R[]; total: number }

export function usePagedList<R>(fetch: (page: number, pageSize: number) => Promise<PagedAnswer<R>>, pageSize = 20) {
  const rows = ref([]) as Ref<R[]>
  const total = ref(0)
  const page = ref(1)
  const loading = ref(false)
  async function load() {
    loading.value = true
    try {
      const r = await fetch(page.value, pageSize)
      rows.value = r.rows
      total.value = r.total
    } finally {
      loading.value = false
    }
  }
  function search() { page.value = 1; return load() }
  return { rows, total, page, pageSize, loading, load, search }
}
