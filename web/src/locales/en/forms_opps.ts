// 商机维护 and 合同录入 (opps).
export default {
  menu: { opportunities: 'Opportunities', contractEntry: 'Contract entry' },
  opps: {
    title: 'Opportunities', new: 'New opportunity', create: 'Create', createdMsg: 'Opportunity {code} created',
    search: 'Search code or customer', status: 'Status',
    statuses: { open: 'Open', won: 'Won', lost: 'Lost' },
    code: 'Code', customer: 'Customer', rep: 'Rep', category: 'Category', amount: 'Amount', amountYuan: 'Amount (yuan)',
    stage: 'Stage', expectedClose: 'Expected close', created: 'Created', closeMonth: 'Close month', total: '{n} opportunities',
    pickCustomer: 'Search customer name or code', pickRep: 'Choose a rep', pickCategory: 'Choose a category', pickStage: 'Choose a stage',
    required: 'Required', badAmount: 'Enter an amount of 0 or more (at most two decimals)',
    closeBeforeToday: 'The expected close cannot be before today',
    drawerTitle: 'Opportunity {code}', history: 'Stage history', move: 'Move stage', toStage: 'Move to',
    moveDate: 'Date', lostReason: 'Lost reason', reasonRequired: 'A lost opportunity needs a reason', moveSubmit: 'Save stage',
    moved: 'Moved to "{stage}"', audit: 'Change log', noAudit: 'No changes yet', auditAt: 'When', auditUser: 'By',
    auditChange: 'Change',
  },
  contractEntry: {
    title: 'Contract entry', code: 'Contract code', signedDate: 'Signing date', customer: 'Customer', rep: 'Signing rep',
    pickRep: 'Choose a rep', opportunity: 'Opportunity (optional)', noOpportunity: 'No opportunity', lines: 'Lines',
    product: 'Product', qty: 'Qty', amountYuan: 'Amount (yuan)', cost: 'Cost (product unit cost)', addLine: 'Add line',
    remove: 'Remove', total: 'Contract amount {amount}', plan: 'Payment plan', due: 'Due date', addPlan: 'Add instalment',
    planSum: 'Instalments {planned}, difference {gap}',
    planMismatch: 'The payment plan ({planned}) must add up to the contract amount ({total})', submit: 'Save contract',
    saved: 'Contract {code} saved, amount {amount}', required: 'Required', future: 'The signing date cannot be after today',
    wholeNumber: 'Enter a whole quantity', badAmount: 'Enter an amount of 0 or more (at most two decimals)',
    positive: 'The contract amount must be above 0', dueBeforeSigned: 'The due date cannot be before the signing date',
  },
}
