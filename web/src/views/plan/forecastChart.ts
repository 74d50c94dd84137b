// P5's chart: forecast, target and actual sales by month (bars, 万/K-M by locale), accuracy as a
// line on its own axis (complete months only). Unfinished months are the months the server marks
// not complete: their actual is month to date.
import { LineChart } from 'echarts/charts'
import { LegendComponent } from 'echarts/components'
import type { ForecastMonthRow } from '../../api'
import { echarts } from '../../charts/echarts'
import { NEUTRAL, PRIMARY, SUCCESS, WARNING } from '../../charts/colors'
import { formatMoney, formatPercent, type Locale } from '../../utils/format'

echarts.use([LineChart, LegendComponent])

export function forecastOption(months: ForecastMonthRow[], label: (k: string) => string, locale: Locale, narrow: boolean) {
  const money = (v: number) => formatMoney(v, locale)
  const bar = (name: string, color: string, data: (number | null)[]) =>
    ({ name, type: 'bar', data, itemStyle: { color }, barMaxWidth: 16, tooltip: { valueFormatter: (v: number | null) => (v === null ? '—' : money(v)) } })
  return {
    grid: { left: 56, right: 44, top: narrow ? 64 : 40, bottom: 28 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: months.map((m) => (m.complete ? m.month : m.month + '*')) },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (v: number) => money(v) } },
      { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => formatPercent(v, 0) } },
    ],
    series: [
      bar(label('forecast'), PRIMARY, months.map((m) => m.forecast)),
      bar(label('target'), NEUTRAL, months.map((m) => m.target)),
      bar(label('actual'), SUCCESS, months.map((m) => m.actual)),
      { name: label('accuracy'), type: 'line', yAxisIndex: 1, data: months.map((m) => m.accuracy), itemStyle: { color: WARNING },
        connectNulls: false, tooltip: { valueFormatter: (v: number | null) => (v === null ? '—' : formatPercent(v)) } },
    ],
  }
}
