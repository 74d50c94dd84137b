import { describe, it, expect } from 'vitest'
import { formatMoney, formatPercent, formatPoints, formatGrowth, formatGrowthBasis, wanToFen, fenToWan, parseWan } from './format'

describe('formatMoney', () => {
  it('zh-CN 万 and 亿', () => {
    expect(formatMoney(1234_5000_00, 'zh-CN')).toBe('1,234.5万') // 12,345,000 yuan
    expect(formatMoney(3_2100_0000_00, 'zh-CN')).toBe('3.21亿') // 321,000,000 yuan
    expect(formatMoney(1_0000_00, 'zh-CN')).toBe('1万')
    expect(formatMoney(98765, 'zh-CN')).toBe('987.65')
    expect(formatMoney(0, 'zh-CN')).toBe('0')
    expect(formatMoney(-5_0000_00, 'zh-CN')).toBe('-5万')
  })
  it('en K and M', () => {
    expect(formatMoney(1_230_000_00, 'en')).toBe('1.23M')
    expect(formatMoney(12_300_00, 'en')).toBe('12.3K')
    expect(formatMoney(98765, 'en')).toBe('987.65')
  })
  it('null', () => {
    expect(formatMoney(null, 'en')).toBe('—')
  })
})

describe('percent and points', () => {
  it('formats', () => {
    expect(formatPercent(0.853)).toBe('85.3%')
    expect(formatPoints(-0.12)).toBe('-12.0')
    expect(formatPoints(0.05)).toBe('+5.0')
    expect(formatPoints(0)).toBe('0.0')
  })
})

describe('wan conversion', () => {
  it('1 万元 = 1,000,000 fen', () => {
    expect(wanToFen(1)).toBe(1_000_000)
    expect(wanToFen(12.5)).toBe(12_500_000)
    expect(fenToWan(25_000_000)).toBe(25)
    expect(wanToFen(0.1 + 0.2)).toBe(300_000)
  })
  it('parses', () => {
    expect(parseWan(' 1,234.5 ')).toBe(1234.5)
    expect(parseWan('')).toBe(null)
    expect(parseWan('abc')).toBe(undefined)
    expect(parseWan('-5')).toBe(-5)
  })
})

describe('growth', () => {
  it('signed percent', () => {
    expect(formatGrowth(0.123)).toBe('+12.3%')
    expect(formatGrowth(-0.3)).toBe('-30.0%')
    expect(formatGrowth(0)).toBe('0.0%')
    expect(formatGrowth(null)).toBe('—')
  })
})

describe('formatGrowthBasis', () => {
  it('a percentage only on a normal base', () => {
    expect(formatGrowthBasis(0.123, 'normal', '新增')).toBe('+12.3%')
    expect(formatGrowthBasis(-0.6, undefined, 'New')).toBe('-60.0%') // an answer without a basis
    expect(formatGrowthBasis(null, 'new', '新增')).toBe('新增')
    expect(formatGrowthBasis(null, 'new', 'New')).toBe('New')
    expect(formatGrowthBasis(null, 'small', '新增')).toBe('—')
    expect(formatGrowthBasis(null, 'partial', 'New')).toBe('—')
    expect(formatGrowthBasis(null, 'normal', 'New')).toBe('—')
  })
})
