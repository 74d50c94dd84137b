// P1 Market size and share
export default {
  menu: { planMarket: 'Market size & share' },
  p1: {
    title: 'Market size and share',
    window: '{first} – {last}; last year {yf} – {yl}',
    scopeNote: 'The market is reported by 大区: a manager reads their 大区, a rep their own sales against their 大区\'s market; our sales count in the market cell of the customer\'s industry and 大区 and the product\'s category. The customer-size filter narrows our sales and opportunities only (the market has no size).',
    market: 'Market size', own: 'Our sales', share: 'Market share', shareLy: 'Share last year',
    change: 'vs last year', points: '{v} points', marketGrowth: 'Market growth', ownGrowth: 'Sales growth',
    opps: 'Opportunities created', oppAmount: 'Amount',
    byIndustry: 'By industry', byRegion: 'By region', heat: 'Share by industry × region', heatHint: 'Colour is the share; cells without a market are blank',
    trend: 'Monthly share trend', trendMonths: 'Last {n} months', oppByIndustry: 'Opportunities by industry', oppByRegion: 'Opportunities by region',
    outside: 'Outside every market region',
    col: { name: 'Name', industry: 'Industry', region: 'Region', market: 'Market size', own: 'Our sales', share: 'Share', shareLy: 'Share last year', count: 'Opportunities', amount: 'Amount' },
  },
}
