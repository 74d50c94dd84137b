// A table's money columns each get one unit from their own values (issue 9 item 7).
import { describe, it, expect } from 'vitest'
import { formatValue, moneyUnits, type Column } from './columns'

type Row = { name: string; target: number; daily: number | null; m: { amount: number }[] }
const rows: Row[] = [
  { name: 'a', target: 354_5000_00, daily: 1_133_33, m: [{ amount: 9_000_00 }] },
  { name: 'b', target: 9_000_00, daily: null, m: [{ amount: 500_00 }] },
]
const columns: Column<Row>[] = [
  { key: 'name', label: 'x.name' },
  { key: 'target', label: 'x.target', format: 'money' },
  { key: 'daily', label: 'x.daily', format: 'money' },
  { key: 'group', label: 'x.group', children: [{ key: 'm.0.amount', label: 'x.amount', format: 'money' }] },
  { key: 'share', label: 'x.share', format: 'percent', value: () => 0.5 },
]

describe('moneyUnits', () => {
  it('one unit per money column, grouped columns included', () => {
    const zh = moneyUnits(columns, rows, 'zh-CN')
    expect(Object.fromEntries(zh)).toEqual({ target: 'wan', daily: 'yuan', 'm.0.amount': 'yuan' })
    const en = moneyUnits(columns, rows, 'en')
    expect(Object.fromEntries(en)).toEqual({ target: 'k', daily: 'k', 'm.0.amount': 'k' })
  })
  it('every cell of a column in its unit', () => {
    const u = moneyUnits(columns, rows, 'zh-CN')
    expect(rows.map((r) => formatValue(r.target, 'money', 'zh-CN', u.get('target')))).toEqual(['354.5万', '0.9万'])
    expect(rows.map((r) => formatValue(r.daily, 'money', 'zh-CN', u.get('daily')))).toEqual(['1,133.33', '—'])
    const en = moneyUnits(columns, rows, 'en')
    expect(rows.map((r) => formatValue(r.m[0].amount, 'money', 'en', en.get('m.0.amount')))).toEqual(['9.0K', '0.5K'])
  })
  it('no rows: yuan', () => {
    expect(moneyUnits(columns, [], 'zh-CN').get('target')).toBe('yuan')
  })
})
