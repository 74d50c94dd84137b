export default {
  menu: { churn: 'Customer classes & churn' },
  churn: {
    title: 'Customer classes & churn',
    grain: 'Grain', quarter: 'Quarterly', month: 'Monthly', aPercent: 'Class A cumulative share (%)', bPercent: 'Class B cumulative share (%)',
    bAboveA: 'Class B share must be above class A',
    lastActive: 'Active this period', lastChurned: 'Churned this period', lastRate: 'Churn rate this period', atRisk: 'Key accounts at risk',
    flow: 'Customer flow', pareto: 'Pareto curve (trailing-12-month sales)', paretoX: 'Cumulative share of customers', paretoY: 'Cumulative share of sales',
    classes: 'Customer classes', keyAccounts: 'Key-account watch (class A)', onlyAtRisk: 'At risk only', search: 'Search by customer name',
    noGap: 'One contract only: no usual gap', reasons: 'Churn reasons', reasonsHint: 'Customers recorded as lost that this scope has sold to',
    by: { industry: 'By industry', size: 'By size', region: 'By region' },
    risk: { gap: 'Silent for over twice the usual gap', decline: 'Trailing-12-month sales down over 30% YoY' },
    col: {
      period: 'Period', active: 'Active', new: 'New', retained: 'Retained', returned: 'Returned', churned: 'Churned', churnRate: 'Churn rate', activePrev: 'Active before',
      class: 'Class', customers: 'Customers', amount: 'Trailing-12-month sales', share: 'Share of sales',
      name: 'Customer', industry: 'Industry', contracts: 'Contracts', purchases: 'Purchase days', t12m: 'Trailing 12 months', t12mPrev: 'Year before', yoy: 'YoY',
      daysSince: 'Days since last', medianGap: 'Usual gap (days)', risk: 'Risk reasons',
      reason: 'Lost reason', churnedCustomers: 'Churned customers', lostAmount: 'Contract amount to date', response: 'Suggested response', dim: 'Group',
    },
  },
}
