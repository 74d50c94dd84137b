// P3's charts as ECharts options: the monthly trend of one series, this year against each
// previous year; the funnel of reached counts; the weighted pipeline by expected close month.
import type { Composer } from 'vue-i18n'
import { FunnelChart, LineChart } from 'echarts/charts'
import { LegendComponent } from 'echarts/components'
import { echarts } from '../../charts/echarts'
import { MEDAL_COLORS, NEUTRAL, PRIMARY, STATUS_COLOR, SUCCESS, WARNING } from '../../charts/colors'
import type { FunnelResponse, FunnelTrendYear } from '../../api'
import { formatPercent } from '../../utils/format'

echarts.use([FunnelChart, LineChart, LegendComponent])

export type TrendSeries = 'created' | 'created_amount' | 'sales'
export const TREND_SERIES: TrendSeries[] = ['created', 'created_amount', 'sales']
export const SERIES_LABEL: Record<TrendSeries, string> = {
  created: 'planFunnel.series.created', created_amount: 'planFunnel.series.created_amount', sales: 'planFunnel.series.sales',
}
const narrow = () => typeof window !== 'undefined' && window.innerWidth < 600
// This year stands out; earlier years fade from the most recent back.
const YEAR_COLORS = [PRIMARY, SUCCESS, WARNING, NEUTRAL, ...MEDAL_COLORS]
// lead … won, from grey to green.
export const STAGE_COLORS = [NEUTRAL, MEDAL_COLORS[1], PRIMARY, WARNING, STATUS_COLOR.at_risk, SUCCESS]

export function trendOption(years: FunnelTrendYear[], series: TrendSeries, t: Composer['t'], money: (v: number) => string) {
  const recent = [...years].reverse()
  const fmt = (v: number) => (series === 'created' ? String(v) : money(v))
  return {
    grid: { left: narrow() ? 52 : 64, right: 16, top: 36, bottom: 28 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : fmt(v)) },
    xAxis: { type: 'category', data: Array.from({ length: 12 }, (_, m) => t('planFunnel.monthN', { n: m + 1 })) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt(v) } },
    series: recent.map((y, k) => ({
      name: String(y.year), type: 'line', data: y[series], connectNulls: false,
      lineStyle: { width: k === 0 ? 3 : 1.5, type: k === 0 ? 'solid' : 'dashed' }, symbolSize: k === 0 ? 6 : 3,
      itemStyle: { color: YEAR_COLORS[k % YEAR_COLORS.length] }, z: 10 - k,
    })),
  }
}

export function funnelOption(d: FunnelResponse, t: Composer['t'], selected: string) {
  const top = Math.max(1, d.stages[0]?.reached ?? 1)
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const s = d.stages[p.dataIndex]
        return `${t('do.stage.' + s.stage)}: ${s.reached}` + (s.conversion === null ? '' : ` · ${t('planFunnel.col.conversion')} ${formatPercent(s.conversion)}`)
      },
    },
    series: [{
      type: 'funnel', sort: 'none', left: narrow() ? '4%' : '10%', width: narrow() ? '92%' : '80%', top: 8, bottom: 8, minSize: '12%',
      max: top, gap: 2,
      label: { show: true, position: 'inside', formatter: (p: { dataIndex: number }) => `${t('do.stage.' + d.stages[p.dataIndex].stage)} ${d.stages[p.dataIndex].reached}` },
      data: d.stages.map((s, i) => ({
        name: s.stage, value: Math.max(s.reached, 0),
        itemStyle: { color: STAGE_COLORS[i], opacity: s.stage === selected ? 1 : 0.55 },
      })),
    }],
  }
}

export function pipelineOption(d: FunnelResponse, t: Composer['t'], money: (v: number) => string) {
  const m = d.pipeline_months
  return {
    grid: { left: narrow() ? 52 : 64, right: 16, top: 36, bottom: 28 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => money(v) },
    xAxis: { type: 'category', data: m.map((x) => x.month) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => money(v) } },
    series: [
      { name: t('planFunnel.openAmount'), type: 'bar', data: m.map((x) => x.amount), itemStyle: { color: NEUTRAL }, barMaxWidth: 26 },
      { name: t('planFunnel.weightedAmount'), type: 'bar', data: m.map((x) => x.weighted), itemStyle: { color: PRIMARY }, barMaxWidth: 26 },
    ],
  }
}
