// P6's chart: the owner's monthly sales (last 24 history months), each evidence by month over
// the period (dashed) and the suggestion split by month (bars). Colours from charts/colors.ts.
import { BarChart, LineChart } from 'echarts/charts'
import { LegendComponent } from 'echarts/components'
import { echarts } from '../../charts/echarts'
import { NEUTRAL, PRIMARY, SUCCESS, WARNING } from '../../charts/colors'
import type { EvidenceMethod, SuggestionResponse } from '../../api'
import { monthRange } from './financeCharts'

echarts.use([LineChart, BarChart, LegendComponent])

type T = (key: string, args?: Record<string, unknown>) => string
type Money = (v: number | null | undefined) => string
export const EVIDENCE_COLOR: Record<EvidenceMethod, string> = { market: WARNING, pipeline: SUCCESS, history: NEUTRAL }
const narrow = () => typeof window !== 'undefined' && window.innerWidth < 768

export function suggestionOption(d: SuggestionResponse, t: T, money: Money) {
  const hist = d.history.months.slice(-24)
  const first = hist[0]?.month ?? d.period.label.slice(0, 7)
  const tail = d.split.length ? d.split : d.evidence[0]?.months ?? []
  const last = tail.length ? tail[tail.length - 1].month : first
  const axis = monthRange(first, last)
  const at = (rows: { month: string; value: number }[]) => {
    const m = new Map(rows.map((r) => [r.month, r.value]))
    return axis.map((x) => m.get(x) ?? null)
  }
  return {
    grid: { left: narrow() ? 52 : 64, right: 16, top: narrow() ? 64 : 40, bottom: 28 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: money },
    xAxis: { type: 'category', data: axis },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => money(v) } },
    series: [
      { name: t('suggestion.sales'), type: 'line', data: at(hist), itemStyle: { color: PRIMARY }, showSymbol: false },
      ...d.evidence.map((e) => ({
        name: t(`suggestion.method.${e.method}`), type: 'line', data: at(e.months), itemStyle: { color: EVIDENCE_COLOR[e.method] },
        lineStyle: { type: 'dashed' },
      })),
      { name: t('suggestion.split'), type: 'bar', barMaxWidth: 18, data: at(d.split), itemStyle: { color: PRIMARY, opacity: 0.35 } },
    ],
  }
}

/** The coming periods a suggestion can be asked for at as_of: 12 months, 4 quarters, 2 years. */
export function comingPeriods(asOf: string): { months: string[]; quarters: string[]; years: string[] } {
  const [y, m] = asOf.split('-').map(Number)
  const months = Array.from({ length: 12 }, (_, k) => { const i = y * 12 + m - 1 + k; return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}` })
  const quarters: string[] = []
  for (let i = y * 12 + m - 1; quarters.length < 4; ++i) if (i % 3 === 0) quarters.push(`${Math.floor(i / 12)}-Q${(i % 12) / 3 + 1}`)
  const years = m === 1 ? [String(y), String(y + 1)] : [String(y + 1), String(y + 2)]
  return { months, quarters, years }
}
