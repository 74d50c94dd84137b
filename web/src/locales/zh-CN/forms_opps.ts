// 商机维护 and 合同录入 (opps).
export default {
  menu: { opportunities: '商机维护', contractEntry: '合同录入' },
  opps: {
    title: '商机维护', new: '新建商机', create: '创建商机', createdMsg: '已创建商机 {code}', search: '搜索编号或客户', status: '状态',
    statuses: { open: '进行中', won: '赢单', lost: '输单' },
    code: '编号', customer: '客户', rep: '销售', category: '产品类别', amount: '金额', amountYuan: '金额（元）',
    stage: '阶段', expectedClose: '预计成交日', created: '创建日', closeMonth: '预计成交月', total: '共 {n} 条商机',
    pickCustomer: '搜索客户名称或编码', pickRep: '选择销售', pickCategory: '选择类别', pickStage: '选择阶段',
    required: '请填写', badAmount: '请输入不小于 0 的金额（最多两位小数）', closeBeforeToday: '预计成交日不能早于今天',
    drawerTitle: '商机 {code}', history: '阶段历史', move: '推进阶段', toStage: '推进到',
    moveDate: '日期', lostReason: '输单原因', reasonRequired: '输单时请填写原因', moveSubmit: '保存阶段',
    moved: '已推进到「{stage}」', audit: '变更记录', noAudit: '暂无变更记录', auditAt: '时间', auditUser: '操作人',
    auditChange: '变更',
  },
  contractEntry: {
    title: '合同录入', code: '合同编号', signedDate: '签约日期', customer: '客户', rep: '签约销售', pickRep: '选择销售',
    opportunity: '关联商机（可选）', noOpportunity: '不关联商机', lines: '合同明细', product: '产品', qty: '数量',
    amountYuan: '金额（元）', cost: '成本（按产品单位成本）', addLine: '添加明细', remove: '删除', total: '合同金额 {amount}',
    plan: '回款计划', due: '计划回款日', addPlan: '添加分期', planSum: '分期合计 {planned}，差额 {gap}',
    planMismatch: '回款计划合计 {planned} 应等于合同金额 {total}', submit: '保存合同', saved: '合同 {code} 已保存，金额 {amount}',
    required: '请填写', future: '签约日期不能晚于今天', wholeNumber: '请输入整数数量', badAmount: '请输入不小于 0 的金额（最多两位小数）',
    positive: '合同金额应大于 0', dueBeforeSigned: '计划回款日不能早于签约日期',
  },
}
