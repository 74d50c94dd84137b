// The editable cells of the target grid: the text typed in each (万元), what it parses to
// (fen), what changed since the load, what is invalid, row / column totals, and pasting a
// block copied from Excel. The page owns loading and saving; this owns the edit state.
import { computed, reactive, type Ref } from 'vue'
import type { GridCell, GridResponse } from '../../api'
import { fenToWan, parseWan, wanText, wanToFen } from '../../utils/format'

export interface Cell { text: string; orig: number | null; serverError?: string }
export const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)
const key = (id: number, m: number) => `${id}:${m}`

/** A typed cell in fen; undefined = invalid (not a number, or negative). */
export function valueOf(c: Cell): number | null | undefined {
  const w = parseWan(c.text)
  if (w === undefined || (w !== null && w < 0)) return undefined
  return wanToFen(w)
}

export function useTargetCells(grid: Ref<GridResponse | null>, invalidText: () => string) {
  const cells = reactive<Record<string, Cell>>({})
  const rows = computed(() => grid.value?.rows ?? [])
  const cell = (id: number, m: number): Cell | undefined => cells[key(id, m)]

  function isLocked(m: number): boolean {
    const g = grid.value
    if (!g) return true
    return `${g.year}-${String(m).padStart(2, '0')}` < g.locked_before
  }
  function cellError(id: number, m: number): string | null {
    const c = cell(id, m)
    if (!c) return null
    if (valueOf(c) === undefined) return invalidText()
    return c.serverError ?? null
  }
  function isChanged(id: number, m: number): boolean {
    const c = cell(id, m)
    if (!c) return false
    const v = valueOf(c)
    return v !== undefined && v !== c.orig
  }

  const invalidCount = computed(() => {
    let n = 0
    for (const r of rows.value) for (const m of MONTHS) { const c = cell(r.id, m); if (c && valueOf(c) === undefined) n++ }
    return n
  })
  const changes = computed<GridCell[]>(() => {
    const out: GridCell[] = []
    for (const r of rows.value) for (const m of MONTHS) {
      const c = cell(r.id, m)
      if (!c || isLocked(m)) continue
      const v = valueOf(c)
      if (v !== undefined && v !== c.orig) out.push({ id: r.id, month: m, value: v })
    }
    return out
  })
  // Invalid edits count as unsaved too.
  const dirtyCount = computed(() => changes.value.length + invalidCount.value)

  function fenAt(id: number, m: number): number {
    const c = cell(id, m)
    const v = c ? valueOf(c) : null
    return typeof v === 'number' ? v : 0
  }
  const rowTotal = (id: number) => MONTHS.reduce((s, m) => s + fenAt(id, m), 0)
  const colTotal = (m: number) => rows.value.reduce((s, r) => s + fenAt(r.id, m), 0)
  const grandTotal = computed(() => rows.value.reduce((s, r) => s + rowTotal(r.id), 0))
  const parentVal = (m: number) => grid.value?.parent?.values[m - 1] ?? null
  const parentTotal = computed(() => MONTHS.reduce((s, m) => s + (parentVal(m) ?? 0), 0))
  const diff = (m: number) => colTotal(m) - (parentVal(m) ?? 0)

  /** Start over from a loaded grid. */
  function fill(g: GridResponse) {
    for (const k of Object.keys(cells)) delete cells[k]
    for (const r of g.rows) r.values.forEach((v, i) => { cells[key(r.id, i + 1)] = { text: v === null ? '' : wanText(fenToWan(v)), orig: v } })
  }
  function setText(id: number, m: number, text: string) {
    const c = cell(id, m)
    if (!c) return
    c.text = text
    c.serverError = undefined
  }
  function setServerError(id: number, m: number, message: string) {
    const c = cell(id, m)
    if (c) c.serverError = message
  }
  function discard() {
    for (const c of Object.values(cells)) { c.text = c.orig === null ? '' : wanText(fenToWan(c.orig)); c.serverError = undefined }
  }
  /** A block pasted at (row, month): tab-separated columns, one line per row. Returns cells filled and skipped (locked). */
  function paste(rowIndex: number, m: number, text: string): { filled: number; skipped: number } {
    const lines = text.replace(/\r/g, '').replace(/\n$/, '').split('\n')
    let filled = 0
    let skipped = 0
    lines.forEach((line, dr) => {
      const r = rows.value[rowIndex + dr]
      if (!r) return
      line.split('\t').forEach((val, dc) => {
        const month = m + dc
        if (month > 12) return
        if (isLocked(month)) { skipped++; return }
        setText(r.id, month, val.trim())
        filled++
      })
    })
    return { filled, skipped }
  }

  return {
    rows, cell, isLocked, cellError, isChanged, invalidCount, changes, dirtyCount,
    rowTotal, colTotal, grandTotal, parentVal, parentTotal, diff, fill, setText, setServerError, discard, paste,
  }
}
export type TargetCells = ReturnType<typeof useTargetCells>
