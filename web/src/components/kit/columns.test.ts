import { describe, it, expect } from 'vitest'
import { alignOf, cellValue, compareValues, formatValue, toneOf, type Column } from './columns'

describe('formatValue by locale', () => {
  it('money: 万 / 亿 in zh-CN, K / M in en, from fen', () => {
    expect(formatValue(1234_5000_00, 'money', 'zh-CN')).toBe('1,234.5万')   // 12,345,000 yuan
    expect(formatValue(3_2100_0000_00, 'money', 'zh-CN')).toBe('3.21亿')    // 321,000,000 yuan
    expect(formatValue(4_560_000_00, 'money', 'en')).toBe('4.56M')              // 4,560,000 yuan
    expect(formatValue(4_560_000_00, 'money', 'zh-CN')).toBe('456万')
    expect(formatValue(12_300_00, 'money', 'en')).toBe('12.3K')             // 12,300 yuan
    expect(formatValue(12_300_00, 'money', 'zh-CN')).toBe('1.2万')
    expect(formatValue(98765, 'money', 'en')).toBe('987.65')
    expect(formatValue(-5_0000_00, 'money', 'zh-CN')).toBe('-5万')
  })
  it('a missing number or date reads "—" in every format but text', () => {
    for (const f of ['money', 'count', 'percent', 'growth', 'points', 'score', 'date'] as const) {
      expect(formatValue(null, f, 'zh-CN')).toBe('—')
      expect(formatValue(undefined, f, 'en')).toBe('—')
    }
    expect(formatValue(null, 'text', 'en')).toBe('')
  })
  it('counts, ratios, points, scores, dates and text', () => {
    expect(formatValue(1234567, 'count', 'en')).toBe('1,234,567')
    expect(formatValue(1234567, 'count', 'zh-CN')).toBe('1,234,567')
    expect(formatValue(42, 'count', 'zh-CN')).toBe('42')
    expect(formatValue(0.853, 'percent', 'en')).toBe('85.3%')
    expect(formatValue(0.123, 'growth', 'en')).toBe('+12.3%')
    expect(formatValue(-0.05, 'growth', 'zh-CN')).toBe('-5.0%')
    expect(formatValue(0, 'growth', 'zh-CN')).toBe('0.0%')
    expect(formatValue(-0.12, 'points', 'en')).toBe('-12.0')
    expect(formatValue(87.456, 'score', 'en')).toBe('87.5')
    expect(formatValue('2026-06-15', 'date', 'en')).toBe('2026-06-15')
    expect(formatValue('华东', undefined, 'zh-CN')).toBe('华东')
  })
})

describe('columns', () => {
  type Row = { name: string; metrics: { amount: number }[] }
  const row: Row = { name: 'A', metrics: [{ amount: 5 }, { amount: 7 }] }
  it('reads a dotted path or the value function', () => {
    expect(cellValue({ key: 'metrics.1.amount' }, row)).toBe(7)
    expect(cellValue({ key: 'metrics.5.amount' }, row)).toBe(undefined)
    expect(cellValue<Row>({ key: 'x', value: (r) => r.name + '!' }, row)).toBe('A!')
  })
  it('aligns numbers right and text left unless told', () => {
    expect(alignOf({ key: 'a', format: 'money' })).toBe('right')
    expect(alignOf({ key: 'a', format: 'date' })).toBe('left')
    expect(alignOf({ key: 'a' })).toBe('left')
    expect(alignOf({ key: 'a', format: 'count', align: 'center' })).toBe('center')
  })
  it('sorts missing values first, numbers by value, text by collation', () => {
    const vals = [3, null, -1, 10]
    expect([...vals].sort((a, b) => compareValues(a, b, 'en'))).toEqual([null, -1, 3, 10])
    expect(['b', 'a', ''].sort((a, b) => compareValues(a, b, 'en'))).toEqual(['', 'a', 'b'])
  })
  it('tones by sign only when asked', () => {
    const toned: Column = { key: 'gap', format: 'points', tone: true }
    expect(toneOf(toned, 0.1)).toBe('up')
    expect(toneOf(toned, 0)).toBe('up')
    expect(toneOf(toned, -0.1)).toBe('down')
    expect(toneOf(toned, null)).toBe('')
    expect(toneOf({ key: 'gap', format: 'points' }, -0.1)).toBe('')
  })
})
