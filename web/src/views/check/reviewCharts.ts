// Chart options of C1 销售结果复盘: the monthly trend (this year vs last), the cohort heatmap
// (signing month × months after signing → cumulative collected share) and the aging bars.
// Colours from charts/colors.ts only.
import { echarts } from '../../charts/echarts'
import { HeatmapChart, LineChart } from 'echarts/charts'
import { LegendComponent, VisualMapComponent } from 'echarts/components'
import { METRIC_COLORS, NEUTRAL, STATUS_COLOR, SUCCESS, WARNING } from '../../charts/colors'
import type { AgingBucket, ReviewResponse } from '../../api'
import { formatPercent } from '../../utils/format'
import { partialIndex, withUnfinished, type LineSeries } from '../../charts/partial'

echarts.use([LineChart, HeatmapChart, LegendComponent, VisualMapComponent])

export const narrow = () => typeof window !== 'undefined' && window.innerWidth < 768
export const BUCKETS: AgingBucket[] = ['1_30', '31_60', '61_90', '91_180', 'over_180']
/** How the overdue-customer blockers can be sorted (GET /check/review?sort=). */
export const BLOCKER_SORTS = ['overdue', 'receivable', 'max_days', 'items']
type T = (key: string, args?: Record<string, unknown>) => string
type Money = (v: number | null | undefined) => string
const [, SALES, COLLECTIONS] = METRIC_COLORS

export function trendOption(r: ReviewResponse, t: T, money: Money) {
  const tr = r.trend
  // This year's unfinished month (as_of inside it) runs dashed into a hollow point.
  const partial = partialIndex(tr.map((m) => m.month), r.as_of)
  const line = (name: string, data: (number | null)[], color: string, last: boolean) => withUnfinished({
    name, type: 'line', data, itemStyle: { color }, symbol: last ? 'none' : 'circle',
    lineStyle: last ? { type: 'dashed', opacity: 0.6 } : { width: 2 },
  } as LineSeries, last ? -1 : partial)
  return {
    grid: { left: 60, right: 48, top: narrow() ? 84 : 56, bottom: 28 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => money(v) },
    xAxis: { type: 'category', data: tr.map((m) => m.month.slice(5)) },
    yAxis: [{ type: 'value', axisLabel: { formatter: (v: number) => money(v) } },
      { type: 'value', axisLabel: { formatter: (v: number) => formatPercent(v, 0) }, splitLine: { show: false } }],
    series: [
      ...line(`${t('check.review.sales')} · ${t('check.review.thisYear')}`, tr.map((m) => m.sales), SALES, false),
      ...line(`${t('check.review.sales')} · ${t('check.review.lastYearS')}`, tr.map((m) => m.sales_last_year), SALES, true),
      ...line(`${t('check.review.collections')} · ${t('check.review.thisYear')}`, tr.map((m) => m.collections), COLLECTIONS, false),
      ...line(`${t('check.review.collections')} · ${t('check.review.lastYearS')}`, tr.map((m) => m.collections_last_year), COLLECTIONS, true),
      { name: t('check.review.collectionRate'), type: 'bar', yAxisIndex: 1, data: tr.map((m) => m.collection_rate), barMaxWidth: 14,
        itemStyle: { color: WARNING, opacity: 0.35 }, tooltip: { valueFormatter: (v: number | null) => formatPercent(v) } },
    ],
  }
}

export function cohortOption(r: ReviewResponse, t: T) {
  const months = r.cohorts.map((c) => c.month)
  const cells: [number, number, number][] = []
  r.cohorts.forEach((c, y) => c.curve.forEach((v, x) => cells.push([x, y, Math.round(v * 1000) / 1000])))
  return {
    grid: { left: 64, right: 16, top: 8, bottom: 28 },
    tooltip: { formatter: (p: { value: [number, number, number] }) =>
      `${months[p.value[1]]} · ${t('check.review.monthAfter', { k: p.value[0] })}: ${formatPercent(p.value[2])}` },
    xAxis: { type: 'category', data: Array.from({ length: 12 }, (_, k) => `M+${k}`), splitArea: { show: true } },
    yAxis: { type: 'category', data: months, inverse: true },
    visualMap: { min: 0, max: 1, show: false, inRange: { color: [SUCCESS], colorAlpha: [0.08, 1] } },
    series: [{ type: 'heatmap', data: cells, label: { show: !narrow(), formatter: (p: { value: number[] }) => formatPercent(p.value[2], 0), fontSize: 10, color: NEUTRAL } }],
  }
}

export function agingOption(r: ReviewResponse, t: T, money: Money) {
  return {
    grid: { left: 60, right: 16, top: 16, bottom: narrow() ? 48 : 28 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => money(v) },
    xAxis: { type: 'category', data: BUCKETS.map((b) => t('check.review.bucket.' + b)), axisLabel: { interval: 0, rotate: narrow() ? 30 : 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => money(v) } },
    // Older is darker: one colour, more opaque with each bucket.
    series: [{ type: 'bar', barMaxWidth: 40, data: BUCKETS.map((b, i) => ({ value: r.aging[b], itemStyle: { color: STATUS_COLOR.behind, opacity: 0.4 + 0.15 * i } })) }],
  }
}
