// Column specs of the dashboards' tables, declared as data: which field, which label (an
// i18n key), how its value reads (money in 万/亿 or K/M by locale, a count, a percentage …),
// alignment and sorting. DataTable renders them; the formatting lives here so it is tested
// without a browser.
import { formatGrowth, formatMoney, formatMoneyIn, formatPercent, formatPoints, moneyUnit, type Locale, type MoneyUnit } from '../../utils/format'

export type ColumnFormat =
  | 'money'    // integer fen → "1,234.5万" / "1.23M"; in a table, one unit per column (moneyUnits)
  | 'count'    // integer → "1,234"
  | 'percent'  // ratio → "85.3%"
  | 'growth'   // ratio → "+12.3%"
  | 'points'   // ratio → "+5.0" (percentage points)
  | 'score'    // number → "87.5"
  | 'date'     // "2026-06-15" as sent
  | 'text'

export interface Column<R = object> {
  /** The row's field, or a dotted path ("metrics.0.amount"); also the cell slot's name: #cell-<key>. */
  key: string
  /** i18n key of the header. */
  label?: string
  format?: ColumnFormat
  /** Default: right for numbers, left for text. */
  align?: 'left' | 'center' | 'right'
  sortable?: boolean
  width?: number
  minWidth?: number
  fixed?: 'left' | 'right'
  /** The cell's value when it is not a plain field of the row. */
  value?: (row: R) => unknown
  /** For text: the value is the last part of an i18n key, shown translated (prefix + value). */
  i18n?: string
  /** Colour the number by its sign (green ≥ 0, red < 0). */
  tone?: boolean
  /** data-test of the cell's text (browser tests read some cells by it). */
  testId?: string
  /** A header over several columns. */
  children?: Column<R>[]
}

const NUMERIC: ReadonlySet<ColumnFormat> = new Set(['money', 'count', 'percent', 'growth', 'points', 'score'])
export const isNumeric = (c: Column<never>) => NUMERIC.has(c.format ?? 'text')
export const alignOf = (c: Column<never>) => c.align ?? (isNumeric(c) ? 'right' : 'left')

export function cellValue<R>(c: Column<R>, row: R): unknown {
  if (c.value) return c.value(row)
  let v: unknown = row
  for (const part of c.key.split('.')) v = v === null || v === undefined ? undefined : (v as Record<string, unknown>)[part]
  return v
}

/** A value as the cell shows it; "—" for a missing number or date. Money in the column's
 *  unit when one is given ("0.9万" beside "354.5万"), else scaled by its own size. */
export function formatValue(v: unknown, format: ColumnFormat = 'text', locale: Locale, unit?: MoneyUnit): string {
  if (format === 'text') return v === null || v === undefined ? '' : String(v)
  if (v === null || v === undefined || v === '') return '—'
  if (format === 'date') return String(v)
  const n = Number(v)
  if (Number.isNaN(n)) return '—'
  switch (format) {
    case 'money': return unit ? formatMoneyIn(n, unit) : formatMoney(n, locale)
    case 'count': return n.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-US')
    case 'percent': return formatPercent(n)
    case 'growth': return formatGrowth(n)
    case 'points': return formatPoints(n)
    case 'score': return n.toFixed(1)
  }
}

/** The unit of each money column (grouped columns' children included), chosen from the
 *  column's values in these rows: one unit per column, stated in its header. */
export function moneyUnits<R>(columns: readonly Column<R>[], rows: readonly R[], locale: Locale): Map<string, MoneyUnit> {
  const units = new Map<string, MoneyUnit>()
  for (const c of columns.flatMap((c) => c.children ?? [c])) {
    if (c.format === 'money') units.set(c.key, moneyUnit(rows.map((r) => cellValue(c, r)), locale))
  }
  return units
}

/** i18n keys of the units' names, for headers ("目标（万元）") and cards. */
export const UNIT_LABEL: Record<MoneyUnit, string> = { yuan: 'common.yuan', wan: 'common.wan', k: 'kit.unitK' }

/** Sort order of two cell values: missing values first, numbers by value, text by the locale's collation. */
export function compareValues(a: unknown, b: unknown, locale: Locale): number {
  const missing = (v: unknown) => v === null || v === undefined || v === ''
  if (missing(a) || missing(b)) return missing(a) === missing(b) ? 0 : missing(a) ? -1 : 1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a).localeCompare(String(b), locale)
}

/** "up" / "down" by sign for a toned column; "" otherwise. */
export function toneOf(c: Column<never>, v: unknown): '' | 'up' | 'down' {
  if (!c.tone || typeof v !== 'number') return ''
  return v >= 0 ? 'up' : 'down'
}
