export default {
  menu: { rfm: 'Customer value (RFM)' },
  rfm: {
    title: 'Customer value (RFM)',
    window: 'Window (days)', threshold: 'High/low split', mean: 'Mean', median: 'Median',
    scored: 'Customers scored', amount: 'Sales in window', thresholdR: 'R split (days)', thresholdF: 'F split (orders)', thresholdM: 'M split',
    windowHint: '{first} to {last}; low R is good (recent), F and M are high when strictly above the split',
    segments: 'Eight segments', treemap: 'Segments (area = customers)', list: 'Segment customers', allSegments: 'All segments',
    search: 'Search by customer name', rule: 'R {r} · F {f} · M {m}', good: 'good', bad: 'poor', high: 'high', low: 'low',
    col: {
      segment: 'Segment', customers: 'Customers', customerShare: 'Share of customers', amount: 'Amount', amountShare: 'Share of amount', action: 'Suggested action',
      name: 'Customer', industry: 'Industry', size: 'Size', recency: 'Recency (days)', frequency: 'Frequency', monetary: 'Monetary',
    },
  },
}
