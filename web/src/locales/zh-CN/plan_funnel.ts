export default {
  menu: { planFunnel: '商机数量变化趋势分析' },
  planFunnel: {
    title: '商机数量变化趋势分析',
    cohort: '期间新增商机', winRate: '赢单率', winRateHint: '赢单 /（赢单 + 输单）', weighted: '加权商机金额', open: '在途商机',
    wonAmount: '赢单金额', trend: '商机与签单趋势（今年对比往年同月）', funnel: '商机漏斗（期间新增商机）',
    funnelHint: '到达某阶段：历史中出现该阶段或其后任一阶段（输单不算）；点击阶段查看商机',
    pipeline: '加权商机（按预计成交月份）', pipelineHint: '在途商机金额 × 所处阶段的赢单概率',
    list: '到达「{stage}」的商机', search: '按客户名称搜索',
    series: { created: '新增商机数', created_amount: '新增商机金额', sales: '签单金额' },
    openAmount: '在途金额', weightedAmount: '加权金额', monthN: '{n}月',
    basis: {
      scope: '本范围', company: '全公司（本范围不足20单）', none: '无关闭商机',
    },
    col: {
      stage: '阶段', reached: '到达数', conversion: '转化率', meanDays: '平均停留(天)', probability: '赢单概率',
      basis: '概率依据', closed: '近12个月关闭', openAmount: '在途金额', weighted: '加权金额',
      id: '商机编号', customer: '客户', rep: '销售代表', amount: '金额', created: '创建日期', expectedClose: '预计成交',
      current: '当前阶段', daysInStage: '本阶段天数',
    },
  },
}
