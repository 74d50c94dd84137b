import { describe, it, expect } from 'vitest'
import { patchQuery, queryValue, readParams, sameQuery } from './urlState'

describe('url state', () => {
  const specs = {
    period: { default: (d: string) => d.slice(0, 7) },
    as_of: { default: (d: string) => d },
    metric: { default: 'sales', oneOf: ['sales', 'collection'] },
    region: {},
  }
  it('fills defaults from the server date', () => {
    expect(readParams(specs, {}, '2026-06-15')).toEqual({ period: '2026-06', as_of: '2026-06-15', metric: 'sales', region: '' })
  })
  it('reads what the URL says, and falls back for a value not allowed', () => {
    expect(readParams(specs, { period: '2026-Q2', metric: 'collection', region: '3' }, '2026-06-15'))
      .toEqual({ period: '2026-Q2', as_of: '2026-06-15', metric: 'collection', region: '3' })
    expect(readParams(specs, { metric: 'profit' }, '2026-06-15').metric).toBe('sales')
  })
  it('ignores repeated or empty keys', () => {
    expect(queryValue({ region: ['1', '2'] }, 'region')).toBe('')
    expect(queryValue({ region: null }, 'region')).toBe('')
    expect(readParams(specs, { region: ['1', '2'], as_of: '' }, '2026-06-15')).toMatchObject({ region: '', as_of: '2026-06-15' })
  })
  it('patches: null or "" removes, undefined leaves alone, others kept', () => {
    const q = { period: '2026-05', region: '3', rep: '7', x: ['a', 'b'] }
    expect(patchQuery(q, { region: null, rep: '', period: undefined, metric: 'kpi_score' }))
      .toEqual({ period: '2026-05', metric: 'kpi_score' })
  })
  it('compares queries by their single values', () => {
    expect(sameQuery({ a: '1', b: '' }, { a: '1' })).toBe(true)
    expect(sameQuery({ a: '1' }, { a: '1', b: '2' })).toBe(false)
    expect(sameQuery({ a: '1' }, { a: '2' })).toBe(false)
  })
})
