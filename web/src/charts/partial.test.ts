import { describe, expect, it } from 'vitest'
import { partialIndex, withUnfinished } from './partial'

describe('partial month of a trend', () => {
  const months = ['2026-10', '2026-11', '2026-12']
  it('finds the month as_of falls in, unless as_of is its last day', () => {
    expect(partialIndex(months, '2026-12-01')).toBe(2)
    expect(partialIndex(months, '2026-12-30')).toBe(2)
    expect(partialIndex(months, '2026-12-31')).toBe(-1)  // the month is complete on its last day
    expect(partialIndex(months, '2027-01-03')).toBe(-1)
    expect(partialIndex(['2024-01', '2024-02'], '2024-02-28')).toBe(1)  // leap year: 29 days
    expect(partialIndex(['2024-01', '2024-02'], '2024-02-29')).toBe(-1)
  })
  it('splits a line into a dashed whole with the last point marked and the finished months solid', () => {
    const [dashed, solid] = withUnfinished({ name: 'x', type: 'line', data: [1, 2, 3] }, 2)
    expect(dashed.lineStyle?.type).toBe('dashed')
    expect(dashed.data[2]).toEqual({ value: 3, symbol: 'emptyCircle', symbolSize: 9 })
    expect(dashed.data.slice(0, 2)).toEqual([1, 2])
    expect(solid.data).toEqual([1, 2, null])
    expect(solid.tooltip).toEqual({ show: false })
    expect(solid.name).toBe(dashed.name)
  })
  it('leaves a line alone when no month is unfinished', () => {
    const s = { name: 'x', type: 'line' as const, data: [1, 2] }
    expect(withUnfinished(s, -1)).toEqual([s])
  })
})
