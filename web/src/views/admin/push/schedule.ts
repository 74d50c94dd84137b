// A subscription's schedule as the form edits it (a preset with its time, or a cron line) and
// as the API takes it: "daily 08:30", "weekly mon,thu 08:30", "monthly 31 08:30",
// "quarterly 08:30", or a 5-field cron.
import './messages'

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]
export type ScheduleKind = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'cron'
export interface ScheduleForm { kind: ScheduleKind; time: string; days: Weekday[]; day: number; cron: string }

export const blankSchedule = (): ScheduleForm => ({ kind: 'daily', time: '08:30', days: ['mon'], day: 1, cron: '30 8 * * 1-5' })

export function composeSchedule(f: ScheduleForm): string {
  switch (f.kind) {
    case 'daily': return `daily ${f.time}`
    case 'weekly': return `weekly ${WEEKDAYS.filter((d) => f.days.includes(d)).join(',')} ${f.time}`
    case 'monthly': return `monthly ${f.day} ${f.time}`
    case 'quarterly': return `quarterly ${f.time}`
    default: return f.cron.trim()
  }
}

export function parseSchedule(s: string): ScheduleForm {
  const f = blankSchedule()
  const parts = s.trim().split(/\s+/)
  const time = parts[parts.length - 1]
  const hhmm = /^\d{1,2}:\d{2}$/.test(time)
  if (hhmm && parts[0] === 'daily' && parts.length === 2) return { ...f, kind: 'daily', time }
  if (hhmm && parts[0] === 'quarterly' && parts.length === 2) return { ...f, kind: 'quarterly', time }
  if (hhmm && parts[0] === 'weekly' && parts.length === 3)
    return { ...f, kind: 'weekly', time, days: parts[1].split(',').filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d)) }
  if (hhmm && parts[0] === 'monthly' && parts.length === 3 && /^\d+$/.test(parts[1]))
    return { ...f, kind: 'monthly', time, day: Number(parts[1]) }
  return { ...f, kind: 'cron', cron: s }
}

type Translate = (key: string, values?: Record<string, unknown>) => string
const DAY_KEY = { mon: 'push.when.day.mon', tue: 'push.when.day.tue', wed: 'push.when.day.wed', thu: 'push.when.day.thu',
  fri: 'push.when.day.fri', sat: 'push.when.day.sat', sun: 'push.when.day.sun' } as const

/** A schedule in words, in the UI's language: "每周一、四 08:30" / "Mon, Thu 08:30" (push.when.*). */
export function describeSchedule(s: string, t: Translate): string {
  const f = parseSchedule(s)
  switch (f.kind) {
    case 'daily': return t('push.when.daily', { time: f.time })
    case 'weekly': {
      const days = WEEKDAYS.filter((d) => f.days.includes(d))
      if (days.length === 7) return t('push.when.daily', { time: f.time })
      return t('push.when.weekly', { days: days.map((d) => t(DAY_KEY[d])).join(t('push.when.sep')), time: f.time })
    }
    case 'monthly': return t('push.when.monthly', { day: f.day, time: f.time })
    case 'quarterly': return t('push.when.quarterly', { time: f.time })
    default: return t('push.when.cron', { cron: f.cron.trim() })
  }
}
