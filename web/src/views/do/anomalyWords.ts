// D2's anomalies in plain words (issue 9 item 4): one phrase per rule that fired, in the
// user's language, from the figures the server sent (docs/api.md, anomaly_groups); the
// statistics behind them (z, median, MAD, YoY, completion) as a tooltip line. Nothing is
// computed here beyond turning the server's numbers into text.
import type { GroupedAnomaly } from '../../api'
import { formatGrowth, formatMoney, formatPercent, type Locale } from '../../utils/format'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** Percentage points of a ratio gap, unsigned and whole (−0.268 → "27"). */
const points = (gap: number) => (Math.abs(gap) * 100).toFixed(0)
/** A whole percentage, unless that would read 0% or 100% for what is neither (0.998 → "99.8%"). */
const percent = (r: number) => {
  const whole = Math.round(r * 100)
  return formatPercent(r, (whole === 0 && r !== 0) || (whole === 100 && r !== 1) ? 1 : 0)
}

export function anomalyPhrases(a: GroupedAnomaly, t: Translate, locale: Locale): string[] {
  const money = (v: number | null) => formatMoney(v, locale)
  const metric = t('do.metric.' + a.metric)
  const out: string[] = []
  if (a.rules.includes('yoy') && a.yoy !== null)
    out.push(t('do.anomalies.say.yoy', { metric, pct: percent(Math.abs(a.yoy)), last: money(a.last_year), now: money(a.value) }))
  if (a.rules.includes('z') && a.z !== null)
    out.push(t(a.z < 0 ? 'do.anomalies.say.zBelow' : 'do.anomalies.say.zAbove', { metric, now: money(a.value), median: money(a.median) }))
  if (a.rules.includes('completion') && a.completion !== null && a.gap !== null) {
    const named = { metric, completion: percent(a.completion), points: points(a.gap), target: a.target, pace: a.pace_target, count: a.count }
    out.push(a.metric === 'bids_won'
      ? t('do.anomalies.say.completionBids', named)
      : t('do.anomalies.say.completion', { ...named, pace: money(a.pace_target), now: money(a.value), target: money(a.target) }))
  }
  return out
}

/** The statistics of an anomaly, for its tooltip: "稳健 z = −4.21（中位数 …，MAD …）；同比 −68.2%；…". */
export function anomalyStats(a: GroupedAnomaly, t: Translate, locale: Locale): string[] {
  const money = (v: number | null) => formatMoney(v, locale)
  const out: string[] = []
  if (a.z !== null) {
    out.push(t('do.anomalies.stats.z', { z: a.z.toFixed(2), median: money(a.median), mad: money(a.mad) }))
    if (a.mad === 0) out.push(t('do.anomalies.stats.madZero'))
  } else if (a.rules.includes('z') || a.median === null) {
    out.push(t('do.anomalies.stats.noZ'))
  }
  if (a.yoy !== null) out.push(t('do.anomalies.stats.yoy', { yoy: formatGrowth(a.yoy) }))
  if (a.completion !== null) out.push(t('do.anomalies.stats.completion', { completion: formatPercent(a.completion), progress: formatPercent(a.time_progress) }))
  out.push(t('do.anomalies.stats.stake', { amount: money(a.at_stake) }))
  return out
}
