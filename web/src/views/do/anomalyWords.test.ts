// The plain words of D2's anomalies in both languages, for hand-made anomalies.
import { describe, it, expect } from 'vitest'
import { i18n } from '../../locales'
import type { GroupedAnomaly } from '../../api'
import { anomalyPhrases, anomalyStats } from './anomalyWords'

const base: GroupedAnomaly = {
  key: 'region:2/sales/2026-03/yoy', metric: 'sales', month: '2026-03', rules: ['yoy'], severity: 'high',
  value: 0, count: 12, last_year: 0, yoy: -0.678, yoy_basis: 'normal', z: null,
  median: null, mad: null, target: null, completion: null, time_progress: 1, acks: [], at_stake: 0, pace_target: null, gap: null,
}
function say(a: GroupedAnomaly, locale: 'zh-CN' | 'en') {
  i18n.global.locale.value = locale
  const t = (k: string, n?: Record<string, unknown>) => i18n.global.t(k, n ?? {})
  return { phrases: anomalyPhrases(a, t, locale), stats: anomalyStats(a, t, locale) }
}

describe('anomaly phrases', () => {
  it('says a YoY fall with last year → this year, money in 万 / M', () => {
    // 949.1万 yuan = 949_100_000 fen; 305.2万 = 305_200_000 fen.
    const a = { ...base, value: 305_200_000, last_year: 949_100_000 }
    expect(say(a, 'zh-CN').phrases).toEqual(['签单较去年同期下降 68%（去年 949.1万 → 今年 305.2万）'])
    expect(say(a, 'en').phrases).toEqual(['Contracts down 68% on the same month last year (9.49M → 3.05M)'])
  })
  it('says a z below or above the usual month, and keeps z, median and MAD for the tooltip', () => {
    const a: GroupedAnomaly = { ...base, rules: ['z'], yoy: null, value: 100_000_000, z: -4.214, median: 500_000_000, mad: 0 }
    const zh = say(a, 'zh-CN')
    expect(zh.phrases).toEqual(['签单 100万，远低于近 12 个月的常态（中位数 500万）'])
    expect(zh.stats).toEqual(['稳健 z = -4.21（中位数 500万，MAD 0，近 12 个月）', 'MAD 为 0，按平均绝对偏差折算', '涉及金额 0'])
    expect(say({ ...a, z: 3.5 }, 'en').phrases).toEqual(['Contracts 1M, far above the usual month (12-month median 5M)'])
  })
  it('says a completion gap in money, and in bids for bids won', () => {
    // Target 1,000万, time progress 62%: 620万 due; 350万 done = 35%, 27 points behind.
    const a: GroupedAnomaly = { ...base, rules: ['completion'], yoy: null, value: 350_000_000, target: 1_000_000_000,
      completion: 0.35, time_progress: 0.62, pace_target: 620_000_000, gap: -0.27, at_stake: 270_000_000 }
    expect(say(a, 'zh-CN').phrases).toEqual(['签单完成率 35%，落后时间进度 27 个百分点（按进度应完成 620万，实际 350万；目标 1,000万）'])
    expect(say(a, 'en').stats).toEqual(['Robust z: too little or flat history, not computed', 'Completion 35.0%, time progress 62.0%', 'At stake 2.7M'])
    const bids: GroupedAnomaly = { ...a, metric: 'bids_won', count: 3, target: 10, pace_target: 5, completion: 0.3, gap: -0.2 }
    expect(say(bids, 'en').phrases).toEqual(['Bids won at 30% of target, 20 points behind time progress (5 due by now, 3 won; target 10)'])
    expect(say(bids, 'zh-CN').phrases).toEqual(['中标完成率 30%，落后时间进度 20 个百分点（按进度应中标 5 个，实际 3 个；目标 10 个）'])
  })
  it('never rounds a fall of 99.8 % to 100 %, nor 0.4 % to 0 %', () => {
    const a = { ...base, yoy: -0.998, value: 18_000_00, last_year: 9_316_000_00 }
    expect(say(a, 'zh-CN').phrases).toEqual(['签单较去年同期下降 99.8%（去年 931.6万 → 今年 1.8万）'])
    expect(say({ ...a, yoy: -1, value: 0 }, 'en').phrases).toEqual(['Contracts down 100% on the same month last year (9.32M → 0)'])
    const c: GroupedAnomaly = { ...base, rules: ['completion'], yoy: null, value: 4_000, target: 1_000_000, completion: 0.004,
      time_progress: 1, pace_target: 1_000_000, gap: -0.996 }
    expect(say(c, 'en').phrases).toEqual(['Contracts at 0.4% of target, 100 points behind time progress (10K due by now, 40.00 done; target 10K)'])
  })
  it('one phrase per rule that fired, in the rules’ order', () => {
    const a: GroupedAnomaly = { ...base, rules: ['yoy', 'z'], value: 305_200_000, last_year: 949_100_000, z: -3.4, median: 800_000_000, mad: 100_000_000 }
    expect(say(a, 'en').phrases).toHaveLength(2)
  })
})
