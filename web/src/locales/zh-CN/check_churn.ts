export default {
  menu: { churn: '客户分级流失分析' },
  churn: {
    title: '客户分级流失分析',
    grain: '周期', quarter: '按季度', month: '按月', aPercent: 'A 类累计占比(%)', bPercent: 'B 类累计占比(%)',
    bAboveA: 'B 类占比须大于 A 类',
    lastActive: '本期活跃客户', lastChurned: '本期流失', lastRate: '本期流失率', atRisk: '风险重点客户',
    flow: '客户流动', pareto: '帕累托曲线（近12个月销售）', paretoX: '客户累计占比', paretoY: '销售累计占比',
    classes: '客户分级', keyAccounts: '重点客户（A 类）监控', onlyAtRisk: '只看风险客户', search: '按客户名称搜索',
    noGap: '仅一笔合同，无常规间隔', reasons: '流失原因', reasonsHint: '已登记流失原因、且曾在本范围签单的客户',
    by: { industry: '按行业', size: '按规模', region: '按大区' },
    risk: { gap: '超过常规间隔两倍未签单', decline: '近12个月销售同比降幅 >30%' },
    col: {
      period: '期间', active: '活跃', new: '新增', retained: '留存', returned: '回流', churned: '流失', churnRate: '流失率', activePrev: '上期活跃',
      class: '等级', customers: '客户数', amount: '近12个月销售', share: '销售占比',
      name: '客户', industry: '行业', contracts: '合同数', purchases: '购买次数(按天)', t12m: '近12个月销售', t12mPrev: '上年同期', yoy: '同比',
      daysSince: '距上次签单(天)', medianGap: '常规间隔(天)', risk: '风险原因',
      reason: '流失原因', churnedCustomers: '流失客户', lostAmount: '历史签单额', response: '建议应对', dim: '分组',
    },
  },
}
