// P6 目标建议's 采纳 in the target grid: "ID:month=fen,month=fen…" (the Suggestion page's link)
// typed into that row's open months, for the manager to review and save as usual.
import { fenToWan, wanText } from '../../utils/format'
import type { TargetCells } from './targetCells'

/** Fills the cells the suggestion names; returns how many were filled (locked months are skipped). */
export function applySuggestion(cells: TargetCells, suggest: string): number {
  const [idText, list = ''] = suggest.split(':')
  const id = Number(idText)
  if (!Number.isInteger(id) || !cells.rows.value.some((r) => r.id === id)) return 0
  let n = 0
  for (const part of list.split(',')) {
    const [m, v] = part.split('=').map(Number)
    if (!Number.isInteger(m) || m < 1 || m > 12 || !Number.isFinite(v) || v < 0 || cells.isLocked(m) || !cells.cell(id, m)) continue
    cells.setText(id, m, wanText(fenToWan(v)))
    n++
  }
  return n
}
