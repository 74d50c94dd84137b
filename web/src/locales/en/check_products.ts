// C4 Product and market warnings
export default {
  menu: { checkProducts: 'Product warnings' },
  c4: {
    title: 'Product and market warnings',
    window: '{first} – {last}, YoY {yf} – {yl}',
    sales: 'Sales', yoy: 'YoY', margin: 'Gross margin', share: 'Category share', market: 'Market size',
    thresholds: 'Quadrant thresholds', growth: 'Growth ≥', relShare: 'Relative share ≥', apply: 'Apply',
    quadrantChart: 'Growth-share matrix', quadrantHint: 'x: relative share (log), y: YoY growth; dot size: sales',
    star: 'Star', cash_cow: 'Cash cow', question: 'Question mark', dog: 'Dog', none: 'Undefined',
    categories: 'Categories and potential', potentialChart: 'Potential = market growth × (1 − share) × market size',
    products: 'Products', warnings: 'Warnings', noWarnings: 'No warnings', shown: 'First {shown} of {total} shown (the export has all)',
    col: {
      code: 'Code', name: 'Name', category: 'Category', sales: 'Sales', yoy: 'YoY', margin: 'Margin', share: 'Share',
      relative: 'Relative share', quadrant: 'Quadrant', lastSale: 'Last sale', market: 'Market size', growth: 'Market growth',
      potential: 'Potential', rival: 'Largest competitor', products: 'Products', severity: 'Level', unit: 'Object', rule: 'Rule',
      value: 'Value', ack: 'Acknowledge',
    },
    rule: { yoy_decline: 'YoY decline', share_down: 'Share down', margin_down: 'Margin down', no_sale: 'No sale for 90 days' },
    severity: { warn: 'Warning', severe: 'Severe' },
    unit: { product: 'Product', category: 'Category' },
    days: '{n} days without a sale', points: '{v} points',
    ack: 'Acknowledge', ackTitle: 'Acknowledge the warning', ackPh: 'The reason, or what was done', ackDone: 'Acknowledged', cancel: 'Cancel', submit: 'Submit',
  },
}
