// How a metric goal reads on screen. Values come from the API as stored (fen for money,
// a ratio for rates, a count otherwise); this only formats them.
import type { Goal, GoalMetric } from '../../api'
import { formatMoney, formatPercent, type Locale } from '../../utils/format'

export const GOAL_METRICS: GoalMetric[] = ['sales', 'collections', 'completion', 'collection_rate', 'bids_won', 'new_customers']
export const isMoney = (m: GoalMetric) => m === 'sales' || m === 'collections'
export const isRate = (m: GoalMetric) => m === 'completion' || m === 'collection_rate'

export function goalValue(metric: GoalMetric, v: number | null | undefined, locale: Locale): string {
  if (v === null || v === undefined) return '—'
  if (isMoney(metric)) return formatMoney(v, locale)
  if (isRate(metric)) return formatPercent(v)
  return String(v)
}

export function goalText(g: Goal, t: (k: string) => string, locale: Locale, scopeName: (s: string) => string): string {
  return `${t('act.metric.' + g.metric)} · ${scopeName(g.scope)} ${g.comparator} ${goalValue(g.metric, g.value, locale)}`
}
