// C1 销售结果复盘分析 and 客户档案 (the customer profile), and the filter bar's customer size.
export default {
  menu: { review: '销售结果复盘分析', customerProfile: '客户档案' },
  kit: { size: '客户规模', sizes: { large: '大型客户', medium: '中型客户', small: '小型客户' } },
  check: {
    review: {
      title: '销售结果复盘分析',
      sales: '签单额', collections: '回款额', collectionRate: '回款率', lastYear: '去年同期 {v}', yoy: '同比',
      cohortShare: '本期签约已回款', cohortOf: '签约 {signed}，已回 {collected}',
      receivables: '应收账款', overdue: '逾期金额', overdueRate: '逾期占比 {v}',
      dso: '应收周转天数 DSO', dsoDays: '{v} 天', dsoHint: '近 90 天签单 {v}', days: '天',
      trend: '{year} 年各月签单与回款（虚线为去年）', thisYear: '本年', lastYearS: '去年',
      cohorts: '签约月回款进度（截至 {as_of}，累计回款率）', cohortMonth: '签约月', monthAfter: '第 {k} 月',
      aging: '逾期账龄', agingItems: '{n} 笔',
      bucket: { '1_30': '1–30 天', '31_60': '31–60 天', '61_90': '61–90 天', '91_180': '91–180 天', over_180: '180 天以上' },
      blockers: '阻塞：逾期最多的客户、销售代表与大区', customers: '逾期客户', reps: '逾期销售代表', regions: '逾期大区',
      topOf: '前 {n} / 共 {total}',
      col: {
        customer: '客户', owner: '负责人', region: '地区', rep: '销售代表', receivable: '应收', overdue: '逾期',
        items: '逾期笔数', maxDays: '最长逾期(天)', share: '占逾期',
      },
      sortBy: '排序', sort: { overdue: '按逾期金额', receivable: '按应收', max_days: '按逾期天数', items: '按逾期笔数' },
      categoryNote: '产品类别只筛选签单额；回款、应收与账龄按整张合同计算。',
    },
    customer: {
      title: '客户档案', back: '返回', customerCode: '客户编码', lostReason: '流失原因', downloads: '下载：', industry: '行业', size: '规模', region: '地区', owner: '负责人',
      class: '客户分级', classNone: '近 12 个月无签单', t12m: '近 12 月销售', segment: 'RFM 分群',
      rfm: 'R {r} 天 · F {f} 次 · M {m}', atRisk: '流失风险', notAtRisk: '无',
      reason: { gap: '久未签单：距上次签单 {days} 天，超过常规间隔 {gap} 天的两倍', decline: '销售下滑：近 12 月 {now}，去年同期 {prev}（{yoy}）' },
      salesTotal: '累计签单', receivable: '应收余额', overdue: '逾期金额',
      contracts: '合同（{shown} / {total}）', opportunities: '商机（{shown} / {total}）', timeline: '动态（{shown} / {total}）',
      code: '合同编号', signed: '签约日期', amount: '金额', paid: '已回款', maxDays: '最长逾期(天)', rep: '销售代表',
      lines: '明细', product: '产品', qty: '数量', payments: '回款', noPayments: '暂无回款',
      category: '品类', created: '创建', expectedClose: '预计成交', stage: '阶段',
      kind: { visit: '拜访', call: '电话', demo: '演示', proposal: '方案', contract: '签约', payment: '回款', opportunity: '新建商机', won: '赢单', lost: '输单' },
      segments: {
        important_value: '重要价值', important_develop: '重要发展', important_keep: '重要保持', important_retain: '重要挽留',
        general_value: '一般价值', general_develop: '一般发展', general_keep: '一般保持', general_retain: '一般挽留',
      },
      notFound: '客户不存在或不在您的权限范围内',
    },
  },
}
