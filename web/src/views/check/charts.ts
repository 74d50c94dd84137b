// C4's two charts as ECharts options: the growth-share scatter and the category potential bars.
import type { Composer } from 'vue-i18n'
import { ScatterChart } from 'echarts/charts'
import { LegendComponent } from 'echarts/components'
import { echarts } from '../../charts/echarts'
import { NEUTRAL, PRIMARY, SUCCESS, WARNING } from '../../charts/colors'
import type { ProductCategory, ProductsResponse, Quadrant } from '../../api'
import { formatGrowth } from '../../utils/format'

echarts.use([ScatterChart, LegendComponent])

export const QUADRANTS: Quadrant[] = ['star', 'cash_cow', 'question', 'dog']
const COLOR: Record<Quadrant, string> = { star: SUCCESS, cash_cow: PRIMARY, question: WARNING, dog: NEUTRAL }
const narrow = () => typeof window !== 'undefined' && window.innerWidth < 600

export function quadrantOption(d: ProductsResponse, t: Composer['t'], money: (v: number) => string) {
  const max = Math.max(1, ...d.points.map((p) => p.sales))
  // A log axis needs positive values: a product with no sales sits on the axis' floor.
  const x = (v: number) => Math.max(v, 0.01)
  // A product up from almost nothing would flatten every other point: YoY is drawn up to +300 %
  // (the tooltip tells the real figure).
  const y = (v: number) => Math.min(v, 3)
  return {
    grid: { left: 56, right: 24, top: narrow() ? 56 : 36, bottom: 40 },
    legend: { top: 0, data: QUADRANTS.map((q) => t('c4.' + q)) },
    tooltip: {
      trigger: 'item',
      formatter: (p: { data: [number, number, number, string, number, number] }) =>
        `${p.data[3]}<br/>${t('c4.col.relative')} ${p.data[5].toFixed(2)} · ${t('c4.yoy')} ${formatGrowth(p.data[4])}<br/>${t('c4.sales')} ${money(p.data[2])}`,
    },
    xAxis: { type: 'log', name: t('c4.col.relative'), nameLocation: 'middle', nameGap: 24, min: 0.01 },
    yAxis: { type: 'value', name: t('c4.yoy'), axisLabel: { formatter: (v: number) => formatGrowth(v, 0) } },
    series: QUADRANTS.map((q, k) => ({
      name: t('c4.' + q), type: 'scatter', itemStyle: { color: COLOR[q], opacity: 0.8 },
      data: d.points.filter((p) => p.quadrant === q).map((p) => [x(p.relative_share), y(p.yoy), p.sales, p.name, p.yoy, p.relative_share]),
      symbolSize: (v: number[]) => 8 + 28 * Math.sqrt(v[2] / max),
      // The thresholds as dashed lines, drawn once.
      markLine: k === 0 ? {
        silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: NEUTRAL },
        data: [{ xAxis: d.thresholds.share }, { yAxis: d.thresholds.growth }], label: { show: false },
      } : undefined,
    })),
  }
}

export function potentialOption(cats: ProductCategory[], t: Composer['t'], money: (v: number) => string) {
  const rows = [...cats].filter((c) => c.potential !== null).sort((a, b) => (b.potential ?? 0) - (a.potential ?? 0))
  return {
    grid: { left: narrow() ? 64 : 80, right: 24, top: 28, bottom: 28 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => money(v) },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => money(v) } },
    yAxis: { type: 'category', inverse: true, data: rows.map((c) => c.name) },
    series: [{ name: t('c4.col.potential'), type: 'bar', barMaxWidth: 22, data: rows.map((c) => c.potential),
      itemStyle: { color: PRIMARY } }],
  }
}
