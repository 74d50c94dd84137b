import { describe, expect, it } from 'vitest'
import { CURRENT_MONTH_FROM_DAY, defaultPeriod, previousMonth } from './defaultPeriod'

describe('defaultPeriod', () => {
  it('opens on the last complete month for the first four days, then on the current month', () => {
    expect(CURRENT_MONTH_FROM_DAY).toBe(5)
    expect(defaultPeriod('2026-12-01')).toBe('2026-11')  // day 1
    expect(defaultPeriod('2026-12-04')).toBe('2026-11')  // day 4
    expect(defaultPeriod('2026-12-05')).toBe('2026-12')  // day 5
    expect(defaultPeriod('2026-12-31')).toBe('2026-12')  // last day
    expect(defaultPeriod('2026-06-15')).toBe('2026-06')
  })
  it('crosses a year on the first days of January', () => {
    expect(defaultPeriod('2027-01-01')).toBe('2026-12')
    expect(defaultPeriod('2027-01-05')).toBe('2027-01')
    expect(previousMonth('2026-10')).toBe('2026-09')
  })
  it('takes the setting as a parameter, and waits for today', () => {
    expect(defaultPeriod('2026-03-02', 1)).toBe('2026-03')
    expect(defaultPeriod('2026-03-02', 3)).toBe('2026-02')
    expect(defaultPeriod('')).toBe('')
  })
})
