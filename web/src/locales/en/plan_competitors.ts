// P2 Competitors in our categories
export default {
  menu: { planCompetitors: 'Competitor analysis' },
  p2: {
    title: 'Competitors in our categories',
    window: '{first} – {last}',
    hint: 'Click a category for its competitor detail; share = sales ÷ the category\'s market size (all our products together are one entrant)',
    own: 'Our company', categories: 'Categories', market: 'Market size', ownShare: 'Our share', rank: 'Our rank',
    relative: 'Relative share', relativeHint: 'our share ÷ the largest competitor\'s share', leader: 'Largest competitor',
    entrants: '{name} · entrants ranked', trend: '{name} · monthly share (last {n} months)', flagships: 'Our flagship products',
    flagshipCount: 'Top per category', focus: 'Category', none: '—',
    col: { category: 'Category', market: 'Market size', ownSales: 'Our sales', ownShare: 'Share', rank: 'Rank', leader: 'Largest competitor',
      leaderShare: 'Its share', relative: 'Relative share', flagship: 'Flagship', entrant: 'Entrant', company: 'Company', sales: 'Sales',
      share: 'Share', code: 'Code', name: 'Product', ownPart: 'Part of our category sales' },
  },
}
