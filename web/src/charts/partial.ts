// A trend whose last month is not over (as_of inside it) is drawn as unfinished (issue 9
// item 6): the line runs solid to the month before and dashed into the unfinished month, whose
// point is hollow, so a month-to-date figure does not read as a collapse to near 0.
//
// Two series under one name (one legend entry, toggled together): the whole line dashed with
// only the last point marked — it carries the tooltip — and over it the finished months solid,
// out of the tooltip, so the tooltip lists each series once.
type Value = number | null
export interface LineSeries {
  name: string
  type: 'line'
  data: Value[]
  lineStyle?: Record<string, unknown>
  [option: string]: unknown
}

/** The index of the unfinished month among `months` ("YYYY-MM"), or -1 when every month is over. */
export function partialIndex(months: string[], asOf: string): number {
  const current = asOf.slice(0, 7)
  const last = asOf.slice(8, 10)
  const i = months.indexOf(current)
  if (i < 0) return -1
  const [y, m] = current.split('-').map(Number)
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return Number(last) >= lastDay ? -1 : i
}

/** The series with the month at `index` drawn unfinished (unchanged when index < 1). */
export function withUnfinished(series: LineSeries, index: number): LineSeries[] {
  if (index < 1 || index >= series.data.length || series.data[index] === null) return [series]
  const dashed: LineSeries = {
    ...series,
    z: 2,
    symbol: 'none',
    lineStyle: { ...series.lineStyle, type: 'dashed' },
    data: series.data.map((v, i) => (i === index ? ({ value: v, symbol: 'emptyCircle', symbolSize: 9 } as unknown as Value) : v)),
    unfinished: true,
  }
  const solid: LineSeries = {
    ...series,
    z: 3,
    tooltip: { show: false },
    data: series.data.map((v, i) => (i < index ? v : null)),
  }
  return [dashed, solid]
}

/** Bar values with the bar at `index` drawn unfinished: faded, with a dashed outline. */
export function unfinishedBars(data: Value[], index: number, color: string): (Value | { value: Value; itemStyle: object })[] {
  return data.map((v, i) => (i === index && v !== null
    ? { value: v, itemStyle: { color, opacity: 0.45, borderColor: color, borderType: 'dashed', borderWidth: 1.5 } }
    : v))
}

/** How many series of an option draw an unfinished month (EChart shows it as data-unfinished, for tests). */
export function unfinishedCount(option: { series?: unknown }): number {
  const series = Array.isArray(option.series) ? option.series : []
  return series.filter((s) => (s as { unfinished?: boolean }).unfinished).length
}
