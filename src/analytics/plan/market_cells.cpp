#include "analytics/plan/market_cells.h"

#include <algorithm>

#include "analytics/check/products.h"

namespace sl::analytics {

MarketFrame market_frame(const engine::Snapshot& s, const engine::Scope& scope, const RowFilter& rf) {
  const engine::Facts& f = *s.facts;
  const engine::MarketTables& mk = *f.market;
  MarketFrame m;
  m.counted = market_regions(*s.dims, scope);
  m.category = rf.category;
  m.industry_of.assign(f.customers.industries.size(), engine::kNone);
  for (size_t i = 0; i < f.customers.industries.size(); ++i) {
    auto it = std::find(mk.industries.begin(), mk.industries.end(), f.customers.industries[i]);
    if (it != mk.industries.end()) m.industry_of[i] = static_cast<int32_t>(it - mk.industries.begin());
  }
  if (rf.industry != engine::kNone) {
    m.industry = m.industry_of[static_cast<size_t>(rf.industry)];
    m.empty = m.industry == engine::kNone;
  }
  return m;
}

std::optional<double> share_of(Money own, Money market) {
  if (market == 0) return std::nullopt;
  return static_cast<double>(own) / static_cast<double>(market);
}

}  // namespace sl::analytics
