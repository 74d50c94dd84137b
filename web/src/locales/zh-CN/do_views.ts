// D pages' default period, early-days figures, unfinished months and rep links (issue 9 items 6, 14, 20).
export default {
  doViews: {
    thisMonth: '本月',
    lastMonthHint: '本月刚开始（第 {day} 天），默认显示上月',
    tooEarly: '期间刚开始：满 {days} 天（期间的 20%）后才显示',
    notStarted: '期间尚未开始，无可预测',
    unfinished: '{month} 尚未结束（截至 {as_of}）：虚线、空心点为本月至今',
    openCockpit: '打开 {name} 的驾驶舱',
  },
}
