// One unit per column or card (issue 9 item 7): expectations worked out by hand from fen.
import { describe, it, expect } from 'vitest'
import { formatMoneyIn, formatMoneyNumber, moneyUnit } from './format'

describe('moneyUnit', () => {
  it('zh-CN: 万 once the largest figure reaches 10,000 yuan, else 元', () => {
    expect(moneyUnit([9_000_00, 354_5000_00], 'zh-CN')).toBe('wan')   // 9,000 and 3,545,000 yuan
    expect(moneyUnit([9_000_00, 1_133_33], 'zh-CN')).toBe('yuan')     // all under 10,000 yuan
    expect(moneyUnit([1_0000_00], 'zh-CN')).toBe('wan')               // exactly 10,000 yuan
    expect(moneyUnit([9_999_99], 'zh-CN')).toBe('yuan')               // 9,999.99 yuan
    expect(moneyUnit([-2_0000_00, 5_00], 'zh-CN')).toBe('wan')        // by size, not sign
    expect(moneyUnit([3_2100_0000_00], 'zh-CN')).toBe('wan')          // no 亿 in a column: 32,100.0万
  })
  it('en: K once the largest figure reaches 1,000 yuan, else yuan', () => {
    expect(moneyUnit([9_000_00, 354_5000_00], 'en')).toBe('k')
    expect(moneyUnit([999_99, 5_00], 'en')).toBe('yuan')
    expect(moneyUnit([1_000_00], 'en')).toBe('k')
  })
  it('ignores missing figures; none at all is yuan', () => {
    expect(moneyUnit([null, undefined, '', 'x', 2_0000_00], 'zh-CN')).toBe('wan')
    expect(moneyUnit([null, undefined], 'zh-CN')).toBe('yuan')
    expect(moneyUnit([], 'en')).toBe('yuan')
    expect(moneyUnit(['1500000'], 'en')).toBe('k') // a number sent as text: 15,000 yuan
  })
})

describe('formatMoneyIn', () => {
  it('万: one decimal, the small ones too (0.9万, not 9,000.00)', () => {
    expect(formatMoneyIn(9_000_00, 'wan')).toBe('0.9万')            // 9,000 yuan
    expect(formatMoneyIn(354_5000_00, 'wan')).toBe('354.5万')       // 3,545,000 yuan
    expect(formatMoneyIn(1_133_33, 'wan')).toBe('0.1万')            // 1,133.33 yuan
    expect(formatMoneyIn(3_764_00, 'wan')).toBe('0.4万')            // 3,764 yuan
    expect(formatMoneyIn(3_2100_0000_00, 'wan')).toBe('32,100.0万') // 321,000,000 yuan
    expect(formatMoneyIn(456_0000_00, 'wan')).toBe('456.0万')
    expect(formatMoneyIn(-5_0000_00, 'wan')).toBe('-5.0万')
    expect(formatMoneyIn(4_00, 'wan')).toBe('0.0万')                // 4 yuan
    expect(formatMoneyIn(-4_00, 'wan')).toBe('0.0万')               // no "-0.0"
  })
  it('K: one decimal; yuan: two, no suffix', () => {
    expect(formatMoneyIn(9_000_00, 'k')).toBe('9.0K')
    expect(formatMoneyIn(1_230_000_00, 'k')).toBe('1,230.0K')       // 1,230,000 yuan
    expect(formatMoneyIn(12_345_00, 'k')).toBe('12.3K')             // 12,345 yuan
    expect(formatMoneyIn(9_000_00, 'yuan')).toBe('9,000.00')
    expect(formatMoneyIn(1_133_33, 'yuan')).toBe('1,133.33')
    expect(formatMoneyIn(-98765, 'yuan')).toBe('-987.65')
  })
  it('zero and missing', () => {
    expect(formatMoneyIn(0, 'wan')).toBe('0')
    expect(formatMoneyIn(null, 'wan')).toBe('—')
    expect(formatMoneyIn(undefined, 'k')).toBe('—')
    expect(formatMoneyIn(NaN, 'yuan')).toBe('—')
  })
  it('the number alone, for a card that names the unit beside it', () => {
    expect(formatMoneyNumber(354_5000_00, 'wan')).toBe('354.5')
    expect(formatMoneyNumber(12_345_00, 'k')).toBe('12.3')
    expect(formatMoneyNumber(9_000_00, 'yuan')).toBe('9,000.00')
  })
})
