// C1 sales review and the customer profile, and the filter bar's customer size.
export default {
  menu: { review: 'Sales review', customerProfile: 'Customer profile' },
  kit: { size: 'Customer size', sizes: { large: 'Large', medium: 'Medium', small: 'Small' } },
  check: {
    review: {
      title: 'Sales review',
      sales: 'Sales', collections: 'Collections', collectionRate: 'Collection rate', lastYear: 'Last year {v}', yoy: 'YoY',
      cohortShare: 'Collected of this period\'s contracts', cohortOf: 'Signed {signed}, collected {collected}',
      receivables: 'Receivables', overdue: 'Overdue', overdueRate: '{v} of receivables',
      dso: 'DSO', dsoDays: '{v} days', dsoHint: 'Sales of the last 90 days {v}', days: 'days',
      trend: 'Sales and collections by month, {year} (dashed: last year)', thisYear: 'This year', lastYearS: 'Last year',
      cohorts: 'Collection by signing month (cumulative share, as of {as_of})', cohortMonth: 'Signed', monthAfter: 'Month {k}',
      aging: 'Overdue aging', agingItems: '{n} instalments',
      bucket: { '1_30': '1–30 days', '31_60': '31–60 days', '61_90': '61–90 days', '91_180': '91–180 days', over_180: 'Over 180 days' },
      blockers: 'Blockers: most overdue customers, reps and regions', customers: 'Overdue customers', reps: 'Overdue reps', regions: 'Overdue regions',
      topOf: 'Top {n} of {total}',
      col: {
        customer: 'Customer', owner: 'Owner', region: 'Region', rep: 'Rep', receivable: 'Receivable', overdue: 'Overdue',
        items: 'Instalments', maxDays: 'Oldest (days)', share: 'Share',
      },
      sortBy: 'Sort', sort: { overdue: 'By overdue', receivable: 'By receivable', max_days: 'By days past due', items: 'By instalments' },
      categoryNote: 'A category filters sales only; collections, receivables and aging count whole contracts.',
    },
    customer: {
      title: 'Customer profile', back: 'Back', customerCode: 'Customer code', lostReason: 'Lost reason', downloads: 'Download:', industry: 'Industry', size: 'Size', region: 'Region', owner: 'Owner',
      class: 'Class', classNone: 'No sales in 12 months', t12m: 'Sales, last 12 months', segment: 'RFM segment',
      rfm: 'R {r} days · F {f} · M {m}', atRisk: 'At risk', notAtRisk: 'No',
      reason: { gap: 'No contract for {days} days, more than twice the usual gap of {gap} days', decline: 'Sales down: {now} in the last 12 months against {prev} ({yoy})' },
      salesTotal: 'Sales to date', receivable: 'Receivable', overdue: 'Overdue',
      contracts: 'Contracts ({shown} of {total})', opportunities: 'Opportunities ({shown} of {total})', timeline: 'Timeline ({shown} of {total})',
      code: 'Contract', signed: 'Signed', amount: 'Amount', paid: 'Paid', maxDays: 'Oldest (days)', rep: 'Rep',
      lines: 'Lines', product: 'Product', qty: 'Qty', payments: 'Payments', noPayments: 'No payments',
      category: 'Category', created: 'Created', expectedClose: 'Expected close', stage: 'Stage',
      kind: { visit: 'Visit', call: 'Call', demo: 'Demo', proposal: 'Proposal', contract: 'Contract', payment: 'Payment', opportunity: 'New opportunity', won: 'Won', lost: 'Lost' },
      segments: {
        important_value: 'Important value', important_develop: 'Important develop', important_keep: 'Important keep', important_retain: 'Important retain',
        general_value: 'General value', general_develop: 'General develop', general_keep: 'General keep', general_retain: 'General retain',
      },
      notFound: 'No such customer, or not in your scope',
    },
  },
}
