export default {
  menu: { rfm: '客户价值分析' },
  rfm: {
    title: '客户价值分析（RFM）',
    window: '统计窗口(天)', threshold: '高低分界', mean: '均值', median: '中位数',
    scored: '参评客户', amount: '窗口内签单额', thresholdR: 'R 分界(天)', thresholdF: 'F 分界(次)', thresholdM: 'M 分界',
    windowHint: '{first} 至 {last}；R 越小越好（近期购买），F、M 严格高于分界为高',
    segments: '八类客户', treemap: '客户分群（面积 = 客户数）', list: '分群客户', allSegments: '全部分群',
    search: '按客户名称搜索', rule: 'R{r} F{f} M{m}', good: '优', bad: '差', high: '高', low: '低',
    col: {
      segment: '客户分群', customers: '客户数', customerShare: '客户占比', amount: '金额', amountShare: '金额占比', action: '建议动作',
      name: '客户', industry: '行业', size: '规模', recency: '最近购买(天)', frequency: '购买次数', monetary: '购买金额',
    },
  },
}
