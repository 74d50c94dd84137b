export default {
  menu: { planFunnel: 'Opportunity trend & funnel' },
  planFunnel: {
    title: 'Opportunity trend and funnel',
    cohort: 'Opportunities created', winRate: 'Win rate', winRateHint: 'won / (won + lost)', weighted: 'Weighted pipeline', open: 'Open pipeline',
    wonAmount: 'Won amount', trend: 'Opportunities and sales: this year against previous years', funnel: 'Funnel (opportunities created in the period)',
    funnelHint: 'Reached a stage: the history holds it or any later stage (lost is not one); click a stage to list its opportunities',
    pipeline: 'Weighted pipeline by expected close month', pipelineHint: 'open amount × win probability of its stage',
    list: 'Opportunities that reached “{stage}”', search: 'Search by customer name',
    series: { created: 'Opportunities created', created_amount: 'Amount created', sales: 'Sales' },
    openAmount: 'Open amount', weightedAmount: 'Weighted amount', monthN: 'M{n}',
    basis: {
      scope: 'This scope', company: 'Company (< 20 closed here)', none: 'Nothing closed',
    },
    col: {
      stage: 'Stage', reached: 'Reached', conversion: 'Conversion', meanDays: 'Mean days', probability: 'Win probability',
      basis: 'Basis', closed: 'Closed (12 mo.)', openAmount: 'Open amount', weighted: 'Weighted',
      id: 'Opportunity', customer: 'Customer', rep: 'Rep', amount: 'Amount', created: 'Created', expectedClose: 'Expected close',
      current: 'Current stage', daysInStage: 'Days in stage',
    },
  },
}
