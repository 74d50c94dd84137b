// The period the D pages (D2, D3, D4) open on when the URL names none (issue 9 item 6):
// on the first days of a month there is next to nothing to see in it — ranks all tied, trends
// diving to 0 — so they open on the last complete month until CURRENT_MONTH_FROM_DAY, and the
// current month is one click away (FilterBar's 本月 / This month). docs/metrics.md says so.

/** The setting: from this day of the month (counting the 1st as day 1) the current month is the default. */
export const CURRENT_MONTH_FROM_DAY = 5

/** "YYYY-MM" of a "YYYY-MM-DD" date. */
export const monthOf = (date: string) => date.slice(0, 7)

/** The month before "YYYY-MM" ("2027-01" → "2026-12"). */
export function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4)), m = Number(month.slice(5, 7))
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** The default period of a D page as of `today` ("" while today is not known yet). */
export function defaultPeriod(today: string, fromDay = CURRENT_MONTH_FROM_DAY): string {
  if (!today) return ''
  return Number(today.slice(8, 10)) < fromDay ? previousMonth(monthOf(today)) : monthOf(today)
}
