// P2 同行业同类型竞品分析
export default {
  menu: { planCompetitors: '同行业同类型竞品分析' },
  p2: {
    title: '同行业同类型竞品分析',
    window: '{first} – {last}',
    hint: '点击品类查看其竞品明细；占有率 = 销售额 ÷ 该品类市场规模（本公司各产品合计为一个参与者）',
    own: '本公司', categories: '品类竞争', market: '市场规模', ownShare: '本公司占有率', rank: '本公司排名',
    relative: '相对份额', relativeHint: '本公司占有率 ÷ 最大竞品占有率', leader: '最大竞品',
    entrants: '{name} · 竞品排名', trend: '{name} · 占有率月度趋势（近 {n} 个月）', flagships: '本公司主打产品',
    flagshipCount: '每品类前', focus: '当前品类', none: '—',
    col: { category: '品类', market: '市场规模', ownSales: '本公司销售额', ownShare: '占有率', rank: '排名', leader: '最大竞品',
      leaderShare: '最大竞品占有率', relative: '相对份额', flagship: '主打产品', entrant: '参与者', company: '厂商', sales: '销售额',
      share: '占有率', code: '编码', name: '产品', ownPart: '占本公司品类销售' },
  },
}
