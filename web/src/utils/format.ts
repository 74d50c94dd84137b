// Display helpers. Money arrives as integer fen; nothing here computes a metric,
// it only turns the server's numbers into text for the current locale.
export type Locale = 'zh-CN' | 'en'

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s
}

function group(n: number, digits: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

/** Money in fen → "1,234.5万" / "3.21亿" / "987.00" (zh-CN) or "1.23M" / "12.3K" / "987.00" (en). */
export function formatMoney(fen: number | null | undefined, locale: Locale): string {
  if (fen === null || fen === undefined || Number.isNaN(fen)) return '—'
  if (fen === 0) return '0'
  const yuan = fen / 100
  const abs = Math.abs(yuan)
  const sign = yuan < 0 ? '-' : ''
  if (locale === 'zh-CN') {
    if (abs >= 1e8) return sign + trimZeros(group(abs / 1e8, 2)) + '亿'
    if (abs >= 1e4) return sign + trimZeros(group(abs / 1e4, 1)) + '万'
    return sign + group(abs, 2)
  }
  if (abs >= 1e9) return sign + trimZeros(group(abs / 1e9, 2)) + 'B'
  if (abs >= 1e6) return sign + trimZeros(group(abs / 1e6, 2)) + 'M'
  if (abs >= 1e3) return sign + trimZeros(group(abs / 1e3, 1)) + 'K'
  return sign + group(abs, 2)
}

/** The one unit of a column or a card's money figures (docs/metrics.md, "Money units"):
 *  zh-CN counts in 万元 when the largest figure is ≥ 1万 yuan, else in 元; en counts in
 *  thousands of yuan (K) when the largest is ≥ 1,000 yuan, else in yuan. */
export type MoneyUnit = 'yuan' | 'wan' | 'k'

const UNIT_YUAN: Record<MoneyUnit, number> = { yuan: 1, wan: 1e4, k: 1e3 }
const UNIT_SUFFIX: Record<MoneyUnit, string> = { yuan: '', wan: '万', k: 'K' }

/** The unit for a set of figures in fen (nulls and non-numbers ignored). */
export function moneyUnit(fens: readonly unknown[], locale: Locale): MoneyUnit {
  let max = 0
  for (const f of fens) {
    const n = typeof f === 'number' ? f : f === null || f === undefined || f === '' ? NaN : Number(f)
    if (!Number.isNaN(n)) max = Math.max(max, Math.abs(n) / 100)
  }
  if (locale === 'zh-CN') return max >= 1e4 ? 'wan' : 'yuan'
  return max >= 1e3 ? 'k' : 'yuan'
}

/** Money in fen in a given unit, without the unit's suffix: 万 and K with one decimal
 *  ("0.9", "354.5"), yuan with two ("9,000.00"); 0 → "0", null → "—". */
export function formatMoneyNumber(fen: number | null | undefined, unit: MoneyUnit): string {
  if (fen === null || fen === undefined || Number.isNaN(fen)) return '—'
  if (fen === 0) return '0'
  const v = fen / 100 / UNIT_YUAN[unit]
  const s = group(Math.abs(v), unit === 'yuan' ? 2 : 1)
  return (v < 0 && /[1-9]/.test(s) ? '-' : '') + s
}

/** Money in fen in a given unit, with the short suffix of a scaled unit: "0.9万", "12.3K", "9,000.00". */
export function formatMoneyIn(fen: number | null | undefined, unit: MoneyUnit): string {
  const s = formatMoneyNumber(fen, unit)
  return s === '—' || s === '0' ? s : s + UNIT_SUFFIX[unit]
}

/** Ratio (0.853) → "85.3%". */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '—'
  return (ratio * 100).toFixed(digits) + '%'
}

/** Growth ratio as a signed percentage (0.123 → "+12.3%", −0.05 → "-5.0%"). */
export function formatGrowth(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '—'
  return (ratio > 0 ? '+' : '') + (ratio * 100).toFixed(digits) + '%'
}

/** How the server judged a growth's base (docs/metrics.md): a percentage on a normal base;
 *  none below the minimum base ("new" when this period's amount is real, else "small") or
 *  for a month not over ("partial"). Absent (older answers): treated as normal. */
export type GrowthBasis = 'normal' | 'new' | 'small' | 'partial'

/** A growth with its basis: "+12.3%" on a normal base, the locale's "new" label (新增 / New)
 *  for a new one, "—" otherwise. Nothing is computed: a null growth stays "—". */
export function formatGrowthBasis(ratio: number | null | undefined, basis: GrowthBasis | null | undefined, newLabel: string, digits = 1): string {
  if (basis === 'new') return newLabel
  if (basis && basis !== 'normal') return '—'
  return formatGrowth(ratio, digits)
}

/** Gap as signed percentage points (−0.12 → "-12.0"). */
export function formatPoints(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '—'
  const v = ratio * 100
  const s = Math.abs(v).toFixed(digits)
  if (Number(s) === 0) return (0).toFixed(digits)
  return (v > 0 ? '+' : '-') + s
}

export const FEN_PER_WAN = 1_000_000 // 1 万元 = 10,000 yuan = 1,000,000 fen

/** fen → 万元 number for an input cell (null stays null). */
export function fenToWan(fen: number | null): number | null {
  if (fen === null || fen === undefined) return null
  return fen / FEN_PER_WAN
}

/** 万元 → integer fen (rounded to the fen). */
export function wanToFen(wan: number | null): number | null {
  if (wan === null || wan === undefined) return null
  return Math.round(wan * FEN_PER_WAN)
}

/** Parse a typed or pasted cell: "" → null, "1,234.5" → 1234.5; returns undefined when invalid. */
export function parseWan(text: string): number | null | undefined {
  const t = text.trim().replace(/,/g, '').replace(/，/g, '')
  if (t === '') return null
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return undefined
  return Number(t)
}

/** Text for a 万元 input: up to 4 decimals (1 fen = 0.000001 万, targets are whole yuan in practice). */
export function wanText(wan: number | null): string {
  if (wan === null) return ''
  return trimZeros(wan.toFixed(6))
}
