import { describe, it, expect } from 'vitest'
import { usePagedList } from './usePagedList'

describe('usePagedList', () => {
  it('loads the current page and goes back to page 1 on a new search', async () => {
    const asked: [number, number][] = []
    const list = usePagedList(async (page, size) => {
      asked.push([page, size])
      return { rows: [`row ${page}`], total: 45 }
    }, 20)
    await list.load()
    expect(list.rows.value).toEqual(['row 1'])
    expect(list.total.value).toBe(45)
    list.page.value = 3
    await list.load()
    expect(list.rows.value).toEqual(['row 3'])
    await list.search()
    expect(list.page.value).toBe(1)
    expect(asked).toEqual([[1, 20], [3, 20], [1, 20]])
    expect(list.loading.value).toBe(false)
  })
})
