import { describe, it, expect } from 'vitest'
import { composeSchedule, describeSchedule, parseSchedule } from './schedule'

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

describe('schedule in words', () => {
  const zh: Record<string, string> = { 'push.when.daily': '每天 {time}', 'push.when.weekly': '每周{days} {time}', 'push.when.monthly': '每月 {day} 日 {time}',
    'push.when.quarterly': '每季度首日 {time}', 'push.when.cron': 'Cron：{cron}', 'push.when.sep': '、', 'push.when.day.mon': '一', 'push.when.day.thu': '四' }
  const en: Record<string, string> = { 'push.when.weekly': '{days} {time}', 'push.when.sep': ', ', 'push.when.day.mon': 'Mondays', 'push.when.day.thu': 'Thursdays',
    'push.when.daily': 'Daily {time}' }
  const tr = (table: Record<string, string>) => (key: string, values: Record<string, unknown> = {}) =>
    (table[key] ?? key).replace(/\{(\w+)\}/g, (_, k) => String(values[k]))
  it('names the days and the time in both languages', () => {
    expect(describeSchedule('weekly mon 08:30', tr(zh))).toBe('每周一 08:30')
    expect(describeSchedule('weekly mon 08:30', tr(en))).toBe('Mondays 08:30')
    expect(describeSchedule('weekly thu,mon 07:00', tr(zh))).toBe('每周一、四 07:00')
    expect(describeSchedule('weekly mon,thu 07:00', tr(en))).toBe('Mondays, Thursdays 07:00')
    expect(describeSchedule('daily 08:30', tr(zh))).toBe('每天 08:30')
    expect(describeSchedule('monthly 31 18:05', tr(zh))).toBe('每月 31 日 18:05')
    expect(describeSchedule('quarterly 09:00', tr(zh))).toBe('每季度首日 09:00')
    expect(describeSchedule('*/15 8-18 * * 1-5', tr(zh))).toBe('Cron：*/15 8-18 * * 1-5')
  })
  it('reads every day of the week as daily', () => {
    expect(describeSchedule('weekly mon,tue,wed,thu,fri,sat,sun 08:00', tr(en))).toBe('Daily 08:00')
  })
})
