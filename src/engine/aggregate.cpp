#include "engine/aggregate.h"

namespace sl::engine {

std::vector<Money> sum_by_rep(const FactTable& t, const Scope& scope, Date first, Date last) {
  std::vector<Money> out(scope.rep.size(), 0);
  // The scope's bit vector resolved once into bytes: one plain load per row in the loop.
  std::vector<uint8_t> visible(scope.rep.begin(), scope.rep.end());
  RowRange rr = t.range(first, last);
  const int32_t* rep = t.rep.data();
  const Money* amount = t.amount.data();
  for (size_t i = rr.begin; i < rr.end; ++i) {
    int32_t p = rep[i];
    if (p != kNone && visible[static_cast<size_t>(p)]) out[static_cast<size_t>(p)] += amount[i];
  }
  return out;
}

std::vector<Money> roll_up_regions(const Dims& d, const std::vector<Money>& by_rep) {
  std::vector<Money> out(d.region_count(), 0);
  for (int32_t p = 0; p < d.rep_count(); ++p) {
    // Add the rep's total to its region and every ancestor.
    for (int32_t r = d.rep_region[p]; r != kNone; r = d.region_parent[r]) out[r] += by_rep[p];
  }
  return out;
}

}  // namespace sl::engine
