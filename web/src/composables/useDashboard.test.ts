// useDashboard against a real router (memory history) and store, without a browser: the
// app context gives the composable the route and the store as a page would get them.
import { describe, it, expect, vi } from 'vitest'
import { createApp, defineComponent } from 'vue'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { useDashboard, type DashboardOptions } from './useDashboard'
import type { Params } from './urlState'

vi.mock('../api/shell', () => ({ api: { meta: vi.fn(async () => ({ today: '2026-06-15', version: 'test' })) } }))

const settle = () => new Promise((r) => setTimeout(r, 0))
const Empty = defineComponent({ render: () => null })

type K = 'period' | 'as_of' | 'metric' | 'region'
const PARAMS: DashboardOptions<K>['params'] = {
  period: { default: (d) => d.slice(0, 7) }, as_of: { default: (d) => d },
  metric: { default: 'sales', oneOf: ['sales', 'collection'] }, region: {},
}

async function setup(path: string, fetcher: (p: Params<K>) => Promise<unknown>, options: Partial<DashboardOptions<K>> = {}) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/board', name: 'board', component: Empty }, { path: '/other', name: 'other', component: Empty }],
  })
  const app = createApp(Empty)
  app.use(createPinia())
  app.use(router)
  await router.push(path)
  const d = app.runWithContext(() => useDashboard(fetcher, { params: PARAMS, ...options }))
  await settle()
  return { router, d }
}

describe('useDashboard', () => {
  it('fetches with the defaults from the server date when the URL says nothing', async () => {
    const fetcher = vi.fn(async (p: Params<K>) => ({ got: p }))
    const { d } = await setup('/board', fetcher)
    expect(fetcher).toHaveBeenCalledTimes(1)
    expect(fetcher).toHaveBeenCalledWith({ period: '2026-06', as_of: '2026-06-15', metric: 'sales', region: '' })
    expect(d.today.value).toBe('2026-06-15')
    expect(d.loading.value).toBe(false)
    expect(d.error.value).toBe(null)
    expect(d.data.value).toEqual({ got: { period: '2026-06', as_of: '2026-06-15', metric: 'sales', region: '' } })
  })

  it('reads the URL, and a value not allowed reads as the default', async () => {
    const fetcher = vi.fn(async () => 1)
    const { d } = await setup('/board?period=2026-Q1&metric=profit&region=4', fetcher)
    expect(d.params.value).toEqual({ period: '2026-Q1', as_of: '2026-06-15', metric: 'sales', region: '4' })
    expect(fetcher).toHaveBeenLastCalledWith(d.params.value)
  })

  it('set() writes the URL and fetches again; the same params do not fetch twice', async () => {
    const fetcher = vi.fn(async () => 1)
    const { router, d } = await setup('/board', fetcher)
    await d.set({ region: '7', metric: 'collection' })
    await settle()
    expect(router.currentRoute.value.query).toEqual({ region: '7', metric: 'collection' })
    expect(fetcher).toHaveBeenCalledTimes(2)
    expect(fetcher).toHaveBeenLastCalledWith({ period: '2026-06', as_of: '2026-06-15', metric: 'collection', region: '7' })
    await d.set({ unrelated: 'x' })
    await settle()
    expect(fetcher).toHaveBeenCalledTimes(2)
    await d.set({ region: null })
    await settle()
    expect(router.currentRoute.value.query).toEqual({ metric: 'collection', unrelated: 'x' })
    expect(fetcher).toHaveBeenLastCalledWith(expect.objectContaining({ region: '' }))
  })

  it('shows an error as an error, and refetch clears it', async () => {
    let fail = true
    const fetcher = vi.fn(async () => { if (fail) throw new Error('盘点中，请稍后'); return 'ok' })
    const { d } = await setup('/board', fetcher)
    expect(d.error.value?.message).toBe('盘点中，请稍后')
    expect(d.data.value).toBe(null)
    expect(d.loading.value).toBe(false)
    fail = false
    await d.refetch()
    expect(d.error.value).toBe(null)
    expect(d.data.value).toBe('ok')
  })

  it('keeps only the answer to the latest request', async () => {
    const answers: ((v: string) => void)[] = []
    const fetcher = vi.fn(() => new Promise<string>((r) => answers.push(r)))
    const { d } = await setup('/board', fetcher)
    await d.set({ region: '1' })
    await settle()
    expect(answers).toHaveLength(2)
    answers[1]('second')
    answers[0]('first')
    await settle()
    expect(d.data.value).toBe('second')
    expect(d.loading.value).toBe(false)
  })

  it('pinToUrl writes the normalized params, defaults included', async () => {
    const fetcher = vi.fn(async () => 1)
    const { router } = await setup('/board?region=5', fetcher, {
      pinToUrl: true,
      normalize: (p) => (p.metric === 'sales' ? { ...p, region: '' } : p),
    })
    await settle()
    expect(router.currentRoute.value.query).toEqual({ period: '2026-06', as_of: '2026-06-15', metric: 'sales' })
    expect(fetcher).toHaveBeenCalledTimes(1)
  })

  it('does not fetch for the next page while the router leaves', async () => {
    const fetcher = vi.fn(async () => 1)
    const { router } = await setup('/board', fetcher)
    await router.push('/other?region=9')
    await settle()
    expect(fetcher).toHaveBeenCalledTimes(1)
  })
})
