// D2's anomalies grouped by unit, in plain words (issue 9 item 4): the sentences are built
// from the figures the server sends (views/do/anomalyWords.ts).
export default {
  do: {
    anomalies: {
      summary: '{groups} 个对象 · 高 {high} 条 · 中 {medium} 条',
      rest: '另有 {groups} 个对象的 {n} 条中等异常',
      showAll: '显示全部',
      showHigh: '只看高严重度',
      allMedium: '本期没有高严重度异常，以下为全部中等异常',
      groupCount: '{count} 条异常（高 {high}）',
      groupCountMedium: '{count} 条异常',
      months: '{n} 个月：{first} 至 {last}',
      oneMonth: '{month}',
      atStake: '涉及金额 {amount}',
      atStakeHint: '涉及金额：每条异常按其触发规则的实际值与预期值（去年同期、近 12 个月中位数或按时间进度的目标）之差取最大者，按对象合计',
      what: '情况',
      say: {
        yoy: '{metric}较去年同期下降 {pct}（去年 {last} → 今年 {now}）',
        zBelow: '{metric} {now}，远低于近 12 个月的常态（中位数 {median}）',
        zAbove: '{metric} {now}，远高于近 12 个月的常态（中位数 {median}）',
        completion: '{metric}完成率 {completion}，落后时间进度 {points} 个百分点（按进度应完成 {pace}，实际 {now}；目标 {target}）',
        completionBids: '中标完成率 {completion}，落后时间进度 {points} 个百分点（按进度应中标 {pace} 个，实际 {count} 个；目标 {target} 个）',
      },
      stats: {
        z: '稳健 z = {z}（中位数 {median}，MAD {mad}，近 12 个月）',
        madZero: 'MAD 为 0，按平均绝对偏差折算',
        noZ: '稳健 z：历史不足或无波动，不计算',
        yoy: '同比 {yoy}',
        completion: '完成率 {completion}，时间进度 {progress}',
        stake: '涉及金额 {amount}',
      },
    },
  },
}
