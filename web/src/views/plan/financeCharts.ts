// P4's charts as ECharts options: the monthly P&L, one line's history with its rest-of-year
// forecast and 80 % band, and the related-indicators matrix. Colours from charts/colors.ts only.
import { HeatmapChart, LineChart } from 'echarts/charts'
import { LegendComponent, VisualMapComponent } from 'echarts/components'
import { echarts } from '../../charts/echarts'
import { NEUTRAL, PRIMARY, SUCCESS, TONE_COLOR, WARNING } from '../../charts/colors'
import type { FinanceLine, FinanceLineCode, FinanceMonth, FinanceResponse } from '../../api'
import { formatPercent } from '../../utils/format'

echarts.use([LineChart, HeatmapChart, LegendComponent, VisualMapComponent])

type T = (key: string, args?: Record<string, unknown>) => string
type Money = (v: number | null | undefined) => string
const narrow = () => typeof window !== 'undefined' && window.innerWidth < 768
/** r to two decimals, without a "−0.00". */
export const formatR = (r: number | null) => (r === null ? '—' : (Math.abs(r) < 0.005 ? 0 : r).toFixed(2))

/** The catalogue's label of each line (literal keys: the locale test reads them). */
export const LINE_LABEL: Record<FinanceLineCode, string> = {
  revenue: 'tables.p4.revenue', cost_of_sales: 'tables.p4.cost_of_sales', gross_profit: 'tables.p4.gross_profit',
  selling_expense: 'tables.p4.selling_expense', admin_expense: 'tables.p4.admin_expense',
  finance_expense: 'tables.p4.finance_expense', other_income: 'tables.p4.other_income',
  operating_profit: 'tables.p4.operating_profit',
}
export const MODEL_LABEL = { holt_winters: 'tables.p4.holt_winters', trend_seasonal_naive: 'tables.p4.trend_seasonal_naive' } as const
export const DIRECTION_LABEL = { together: 'tables.p4.together', opposite: 'tables.p4.opposite', none: 'tables.p4.none' } as const

/** The months from a to b inclusive ("YYYY-MM"). */
export function monthRange(a: string, b: string): string[] {
  const out: string[] = []
  let [y, m] = a.split('-').map(Number)
  for (let k = 0; k < 600; ++k) {
    const s = `${y}-${String(m).padStart(2, '0')}`
    if (s > b) break
    out.push(s)
    if (++m > 12) { m = 1; ++y }
  }
  return out
}

export function monthlyOption(months: FinanceMonth[], t: T, money: Money) {
  const rows = months.slice(-24)
  return {
    grid: { left: narrow() ? 52 : 64, right: 48, top: narrow() ? 60 : 40, bottom: 28 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rows.map((m) => m.month) },
    yAxis: [{ type: 'value', axisLabel: { formatter: (v: number) => money(v) } },
      { type: 'value', axisLabel: { formatter: (v: number) => formatPercent(v, 0) }, splitLine: { show: false } }],
    series: [
      { name: t('tables.p4.revenue'), type: 'bar', barMaxWidth: 14, data: rows.map((m) => m.revenue), itemStyle: { color: PRIMARY },
        tooltip: { valueFormatter: money } },
      { name: t('tables.p4.operating_profit'), type: 'bar', barMaxWidth: 14, data: rows.map((m) => m.operating_profit),
        itemStyle: { color: SUCCESS }, tooltip: { valueFormatter: money } },
      { name: t('tables.p4.gross_margin'), type: 'line', yAxisIndex: 1, data: rows.map((m) => m.gross_margin), itemStyle: { color: WARNING },
        tooltip: { valueFormatter: (v: number | null) => formatPercent(v) } },
      { name: t('tables.p4.operating_margin'), type: 'line', yAxisIndex: 1, data: rows.map((m) => m.operating_margin),
        itemStyle: { color: NEUTRAL }, tooltip: { valueFormatter: (v: number | null) => formatPercent(v) } },
    ],
  }
}

/** The last 24 months of history, the open month(s) between, then the forecast with its band. */
export function forecastOption(line: FinanceLine, t: T, money: Money) {
  const hist = line.months.slice(-24)
  if (!hist.length) return {}
  const last = line.forecast.length ? line.forecast[line.forecast.length - 1].month : hist[hist.length - 1].month
  const axis = monthRange(hist[0].month, last)
  const actual = new Map(hist.map((m) => [m.month, m.value]))
  const fc = new Map(line.forecast.map((p) => [p.month, p]))
  const low = axis.map((m) => fc.get(m)?.low ?? null)
  const width = axis.map((m) => { const p = fc.get(m); return p ? p.high - p.low : null })
  return {
    grid: { left: narrow() ? 52 : 64, right: 16, top: narrow() ? 56 : 36, bottom: 28 },
    legend: { top: 0, data: [t('p4.actual'), t('p4.forecast'), t('p4.band')] },
    tooltip: {
      trigger: 'axis',
      formatter: (ps: { axisValue: string }[]) => {
        const m = ps[0]?.axisValue ?? ''
        const p = fc.get(m)
        if (p) return `${m}<br/>${t('p4.forecast')} ${money(p.value)}<br/>${t('p4.band')} ${money(p.low)} – ${money(p.high)}`
        return actual.has(m) ? `${m}<br/>${t('p4.actual')} ${money(actual.get(m))}` : m
      },
    },
    xAxis: { type: 'category', data: axis },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => money(v) } },
    series: [
      { name: t('p4.actual'), type: 'line', data: axis.map((m) => actual.get(m) ?? null), itemStyle: { color: PRIMARY }, lineStyle: { width: 2 } },
      // The band: its low edge (invisible) with the width stacked on it, over the sign of the values.
      { name: 'low', type: 'line', stack: 'band', stackStrategy: 'all', data: low, symbol: 'none', lineStyle: { opacity: 0 }, tooltip: { show: false } },
      { name: t('p4.band'), type: 'line', stack: 'band', stackStrategy: 'all', data: width, symbol: 'none', lineStyle: { opacity: 0 },
        areaStyle: { color: WARNING, opacity: 0.25 }, itemStyle: { color: WARNING } },
      { name: t('p4.forecast'), type: 'line', data: axis.map((m) => fc.get(m)?.value ?? null), itemStyle: { color: WARNING },
        lineStyle: { type: 'dashed', width: 2 } },
    ],
  }
}

/** The 8 × 8 matrix of r; a pair that broke its direction in the latest month gets a red frame. */
export function correlationOption(d: FinanceResponse, t: T) {
  const codes = d.correlation.lines
  const names = codes.map((c) => t(LINE_LABEL[c]))
  const index = new Map(codes.map((c, i) => [c, i]))
  const cells: { value: [number, number, number | null]; itemStyle?: object }[] = []
  for (const p of d.correlation.pairs) {
    const a = index.get(p.a) ?? 0, b = index.get(p.b) ?? 0
    const frame = p.broken ? { borderColor: TONE_COLOR.down, borderWidth: 3 } : undefined
    cells.push({ value: [a, b, p.r], itemStyle: frame }, { value: [b, a, p.r], itemStyle: frame })
  }
  const th = d.correlation.threshold
  return {
    grid: { left: narrow() ? 84 : 110, right: 8, top: 8, bottom: narrow() ? 96 : 72 },
    tooltip: {
      formatter: (p: { value: [number, number, number | null] }) =>
        `${names[p.value[0]]} ~ ${names[p.value[1]]}<br/>r = ${formatR(p.value[2])}`,
    },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 45, fontSize: 10, interval: 0 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: 10, interval: 0 } },
    visualMap: {
      type: 'piecewise', show: false, dimension: 2,
      pieces: [{ min: th, color: SUCCESS }, { max: -th, color: WARNING }, { gt: -th, lt: th, color: NEUTRAL, opacity: 0.25 }],
    },
    series: [{
      type: 'heatmap', data: cells.filter((c) => c.value[2] !== null),
      label: { show: !narrow(), fontSize: 10, formatter: (p: { value: number[] }) => formatR(p.value[2]) },
    }],
  }
}
