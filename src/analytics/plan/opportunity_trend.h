// P3 商机数量变化趋势: opportunities created (count, amount) and sales per calendar month, this
// year (as_of's) against each previous year, same months. Years run from the first year
// holding any sale or opportunity company-wide (at most 10 years back), so every caller sees the
// same years; months after as_of are absent, as_of's month counts through as_of.
#pragma once
#include <array>
#include <optional>
#include <vector>

#include "analytics/do/do_filter.h"
#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

struct TrendYear {
  int year = 0;
  std::array<std::optional<int64_t>, 12> created;  // by month (index 0 = January)
  std::array<std::optional<Money>, 12> created_amount, sales;
};

struct OpportunityTrendParams {
  Date as_of;
  RowFilter rf;  // sales by category read contract lines; opportunities by their category
};

// Oldest year first; the last is as_of's year.
std::vector<TrendYear> opportunity_trend(const engine::Snapshot& s, const engine::Scope& scope,
                                         const OpportunityTrendParams& p);

}  // namespace sl::analytics
