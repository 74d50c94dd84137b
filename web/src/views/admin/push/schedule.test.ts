import { describe, it, expect } from 'vitest'
import { composeSchedule, parseSchedule } from './schedule'

describe('schedule form', () => {
  it('round-trips each preset and cron', () => {
    for (const s of ['daily 08:30', 'weekly mon,thu 07:00', 'monthly 31 18:05', 'quarterly 09:00', '*/15 8-18 * * mon-fri'])
      expect(composeSchedule(parseSchedule(s))).toBe(s)
  })
  it('orders weekdays as the week does', () => {
    expect(composeSchedule({ ...parseSchedule('daily 08:00'), kind: 'weekly', days: ['fri', 'mon'] })).toBe('weekly mon,fri 08:00')
  })
  it('reads an unknown shape as cron', () => {
    expect(parseSchedule('weekly 08:00').kind).toBe('cron')
  })
})
