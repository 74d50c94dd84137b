export default {
  menu: { forecast: '月度销售目标预测' },
  forecast: {
    title: '月度销售目标预测',
    entry: '预测填报', month: '月份', rep: '销售代表', value: '预测销售额（万元）', submit: '提交预测', resubmit: '重新提交',
    chooseRep: '选择销售代表', saved: '已提交 {month} 的预测', open: '可填报', locked: '已锁定',
    lockRule: '每月 {day} 日 00:00（北京时间）锁定当月预测；锁定前可重复提交，以最后一次为准。',
    lockOf: '{month} 的预测锁定于 {date} 00:00（北京时间）',
    lockedHint: '{month} 已锁定，不能再提交；可填报月份：{months}',
    submitted: '已填报', notSubmitted: '未填报', allSubmitted: '所有在职销售代表均已填报',
    team: '填报情况', mine: '我的填报',
    accuracy: '预测准确率', wapeBeside: 'WAPE {wape}', bias: '偏差', pairs: '计入 {n} 个代表·月',
    window: '近 {n} 个完整月（{first} 至 {last}）',
    overPromising: '过度承诺', sandbagging: '保守压低', even: '无偏差',
    chart: '预测 · 目标 · 实际（按月）', ranking: '准确率排名（近 6 个完整月）', months: '按月明细',
    floorNote: '准确率 = max(0, 1 − WAPE)，WAPE 并列显示',
    search: '按销售代表姓名搜索', monthShort: '月',
  },
}
