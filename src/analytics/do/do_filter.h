// The filter bar of the D dashboards (period aside): region, rep, industry, category.
// Region and rep narrow the caller's Scope (403 outside it, 404 when unknown); industry
// (by the row's customer) and category (by the row's product category) are row filters.
// Category applies to tables that carry one: sales through contract lines, bids won through
// the opportunity; collections are not split by category and ignore it (see docs/api.md).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

struct DoFilter {
  Id region = 0;  // 0 = the whole scope
  Id rep = 0;     // 0 = every rep of the (narrowed) scope
  std::string industry, category;  // empty = any
};

struct RowFilter {
  int32_t industry = engine::kNone;  // code, kNone = any
  int32_t category = engine::kNone;
  bool by_category() const { return category != engine::kNone; }
  bool pass(const engine::Facts& f, const engine::FactTable& t, size_t i) const {
    if (industry != engine::kNone) {
      int32_t c = t.customer[i];
      if (c == engine::kNone || f.customers.industry[c] != industry) return false;
    }
    return category == engine::kNone || t.category[i] == category;
  }
};

// Throws 403/404 for region/rep as above and 422 for an unknown industry/category name.
engine::Scope narrow_scope(const engine::Snapshot& s, const engine::Scope& scope, const DoFilter& f);
RowFilter row_filter(const engine::Snapshot& s, const DoFilter& f);

// The table holding a metric under a filter: sales read contract lines when a category is set.
enum class DoMetric { bids_won, sales, collection };
const char* do_metric_code(DoMetric m);
const engine::FactTable& metric_table(const engine::Facts& f, DoMetric m, const RowFilter& rf);

struct SumCount {
  Money amount = 0;
  int64_t count = 0;
};
// Per-rep amount and row count over [first, last] for reps the scope sees and rows passing rf.
std::vector<SumCount> sum_by_rep(const engine::Facts& f, const engine::FactTable& t, const engine::Scope& scope,
                                 const RowFilter& rf, Date first, Date last);
SumCount total(const std::vector<SumCount>& by_rep);

// Growth (x − base) / base, nullopt when base is 0.
std::optional<double> growth(Money x, Money base);

}  // namespace sl::analytics
