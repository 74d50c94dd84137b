// C4 产品市场预警管理
export default {
  menu: { checkProducts: '产品市场预警管理' },
  c4: {
    title: '产品市场预警管理',
    window: '{first} – {last}，同比 {yf} – {yl}',
    sales: '销售额', yoy: '同比', margin: '毛利率', share: '品类份额', market: '市场规模',
    thresholds: '象限阈值', growth: '增长率 ≥', relShare: '相对份额 ≥', apply: '应用',
    quadrantChart: '增长-份额矩阵', quadrantHint: '横轴相对份额（对数），纵轴同比增长；圆点大小为销售额',
    star: '明星', cash_cow: '金牛', question: '问题', dog: '瘦狗', none: '未定义',
    categories: '品类与潜力', potentialChart: '品类潜力 = 市场增长 × (1 − 份额) × 市场规模',
    products: '产品', warnings: '预警', noWarnings: '没有预警', shown: '显示前 {shown} 条，共 {total} 条（导出含全部）',
    col: {
      code: '编码', name: '名称', category: '类别', sales: '销售额', yoy: '同比', margin: '毛利率', share: '份额',
      relative: '相对份额', quadrant: '象限', lastSale: '最近销售', market: '市场规模', growth: '市场增长',
      potential: '潜力', rival: '最大竞品', products: '产品数', severity: '级别', unit: '对象', rule: '规则',
      value: '数值', ack: '确认',
    },
    rule: { yoy_decline: '同比下滑', share_down: '份额下降', margin_down: '毛利率下降', no_sale: '90 天无销售' },
    severity: { warn: '预警', severe: '严重' },
    unit: { product: '产品', category: '类别' },
    days: '{n} 天未售', points: '{v} 个百分点',
    ack: '确认', ackTitle: '确认预警', ackPh: '说明原因或已采取的措施', ackDone: '已确认', cancel: '取消', submit: '提交',
  },
}
