// P1's and P2's charts as ECharts options: share bars, the industry × region heat map, the
// share trend (market bars, share line) and every entrant's monthly share.
import type { Composer } from 'vue-i18n'
import { HeatmapChart, LineChart } from 'echarts/charts'
import { LegendComponent, VisualMapComponent } from 'echarts/components'
import { echarts } from '../../charts/echarts'
import { NEUTRAL, PRIMARY, SUCCESS, WARNING } from '../../charts/colors'
import type { Entrant, MarketResponse, ShareRow } from '../../api'
import { formatPercent } from '../../utils/format'

echarts.use([HeatmapChart, LineChart, LegendComponent, VisualMapComponent])

type Money = (v: number) => string
const narrow = () => typeof window !== 'undefined' && window.innerWidth < 600
const pct = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100)  // percent, 2 decimals

/** Share of each row (bars), this period against last year's. */
export function shareBarsOption(rows: ShareRow[], t: Composer['t']) {
  return {
    grid: { left: narrow() ? 64 : 90, right: 24, top: 28, bottom: 24 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name) },
    series: [
      { name: t('p1.share'), type: 'bar', barMaxWidth: 14, itemStyle: { color: PRIMARY }, data: rows.map((r) => pct(r.now.share)) },
      { name: t('p1.shareLy'), type: 'bar', barMaxWidth: 14, itemStyle: { color: NEUTRAL }, data: rows.map((r) => pct(r.ly.share)) },
    ],
  }
}

/** The industry × region share as a heat map (cells without a market are left out). */
export function heatOption(d: MarketResponse, t: Composer['t'], money: Money) {
  const cells = d.heat.filter((h) => h.share !== null).map((h) => [h.region, h.industry, pct(h.share), h.market, h.own])
  // The colour scale tops out at the 90th percentile: one outlier cell would wash out the rest.
  const sorted = cells.map((c) => Number(c[2])).sort((x, y) => x - y)
  const max = Math.max(1, sorted[Math.floor(0.9 * (sorted.length - 1))] ?? 1)
  return {
    grid: { left: narrow() ? 52 : 64, right: 16, top: 8, bottom: narrow() ? 96 : 72 },
    tooltip: {
      formatter: (p: { data: number[] }) =>
        `${d.industries[p.data[1]].name} · ${d.regions[p.data[0]].name}<br/>${t('p1.share')} ${p.data[2]}%<br/>${t('p1.market')} ${money(p.data[3])}<br/>${t('p1.own')} ${money(p.data[4])}`,
    },
    xAxis: { type: 'category', data: d.regions.map((r) => r.name), axisLabel: { rotate: narrow() ? 45 : 0, interval: 0 } },
    yAxis: { type: 'category', data: d.industries.map((r) => r.name) },
    visualMap: { min: 0, max, dimension: 2, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
      formatter: (v: number) => `${v.toFixed(1)}%`, inRange: { color: ['#ecf5ff', PRIMARY] } },
    series: [{ name: t('p1.share'), type: 'heatmap', data: cells, label: { show: !narrow(), formatter: (p: { data: number[] }) => `${p.data[2].toFixed(1)}` } }],
  }
}

/** Market size (bars, left axis) and our share (line, right axis) by month. */
export function trendOption(d: MarketResponse, t: Composer['t'], money: Money) {
  return {
    grid: { left: 64, right: 48, top: 36, bottom: 28 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: d.trend.map((p) => p.month) },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (v: number) => money(v) } },
      { type: 'value', axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: t('p1.market'), type: 'bar', itemStyle: { color: NEUTRAL, opacity: 0.5 }, data: d.trend.map((p) => p.market),
        tooltip: { valueFormatter: (v: number) => money(v) } },
      { name: t('p1.own'), type: 'bar', itemStyle: { color: SUCCESS }, data: d.trend.map((p) => p.own),
        tooltip: { valueFormatter: (v: number) => money(v) } },
      { name: t('p1.share'), type: 'line', yAxisIndex: 1, itemStyle: { color: PRIMARY }, data: d.trend.map((p) => pct(p.share)),
        tooltip: { valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) } },
    ],
  }
}

const ENTRANT_COLORS = [PRIMARY, WARNING, SUCCESS, NEUTRAL]

/** Every entrant's monthly share; ours drawn thick. */
export function entrantTrendOption(months: string[], entrants: Entrant[], name: (e: Entrant) => string) {
  return {
    grid: { left: 48, right: 16, top: narrow() ? 72 : 48, bottom: 28 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: entrants.map((e, k) => ({
      name: name(e), type: 'line', symbolSize: e.own ? 7 : 4,
      lineStyle: { width: e.own ? 3 : 1.5 }, itemStyle: { color: e.own ? PRIMARY : ENTRANT_COLORS[1 + (k % 3)] },
      data: (e.trend ?? []).map(pct),
    })),
  }
}

/** The entrants' shares as bars, ours highlighted. */
export function entrantBarsOption(entrants: Entrant[], name: (e: Entrant) => string) {
  return {
    grid: { left: narrow() ? 84 : 120, right: 40, top: 8, bottom: 24 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: entrants.map(name) },
    series: [{ type: 'bar', barMaxWidth: 18, data: entrants.map((e) => ({ value: pct(e.share), itemStyle: { color: e.own ? PRIMARY : NEUTRAL } })),
      label: { show: true, position: 'right', formatter: (p: { value: number | null }) => (p.value === null ? '' : formatPercent(p.value / 100)) } }],
  }
}
