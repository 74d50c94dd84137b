// P1 市场规模及占有率分析
export default {
  menu: { planMarket: '市场规模及占有率分析' },
  p1: {
    title: '市场规模及占有率分析',
    window: '{first} – {last}，去年同期 {yf} – {yl}',
    scopeNote: '市场按大区统计：经理看本大区，销售代表看本人业绩对所在大区的市场；本公司销售额按客户所在行业、大区与产品类别计入对应市场单元。客户规模筛选只作用于本公司销售与商机（市场数据不分规模）。',
    market: '市场规模', own: '本公司销售额', share: '市场占有率', shareLy: '去年同期占有率',
    change: '较去年同期', points: '{v} 个百分点', marketGrowth: '市场增长', ownGrowth: '销售增长',
    opps: '新增商机', oppAmount: '金额',
    byIndustry: '按行业', byRegion: '按大区', heat: '行业 × 大区 占有率', heatHint: '颜色为占有率；无市场数据的格子留空',
    trend: '占有率月度趋势', trendMonths: '近 {n} 个月', oppByIndustry: '新增商机 · 按行业', oppByRegion: '新增商机 · 按大区',
    outside: '市场区域外',
    col: { name: '名称', industry: '行业', region: '大区', market: '市场规模', own: '本公司销售额', share: '占有率', shareLy: '去年同期占有率', count: '商机数', amount: '商机金额' },
  },
}
