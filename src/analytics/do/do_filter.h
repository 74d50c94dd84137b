// The filter bar of the D and C dashboards (period aside): region, rep, industry, category,
// customer size.
// Region and rep narrow the caller's Scope (403 outside it, 404 when unknown); industry
// (by the row's customer) and category (by the row's product category) are row filters.
// Category applies to tables that carry one: sales through contract lines, bids won through
// the opportunity; collections are not split by category and ignore it (see docs/api.md).
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

struct DoFilter {
  Id region = 0;                   // 0 = the whole scope
  Id rep = 0;                      // 0 = every rep of the (narrowed) scope
  std::string industry, category;  // empty = any
  std::string size;                // customer size "large" | "medium" | "small"; empty = any
};

struct RowFilter {
  int32_t industry = engine::kNone;  // code, kNone = any
  int32_t category = engine::kNone;
  int32_t size = engine::kNone;  // model::CustomerSize as int
  bool by_category() const { return category != engine::kNone; }
  bool any() const { return industry != engine::kNone || size != engine::kNone || by_category(); }
  // Whether a customer (by index) passes the customer filters (industry, size).
  bool pass_customer(const engine::Facts& f, int32_t c) const {
    if (industry == engine::kNone && size == engine::kNone) return true;
    if (c == engine::kNone) return false;
    return (industry == engine::kNone || f.customers.industry[c] == industry) &&
           (size == engine::kNone || f.customers.size[c] == size);
  }
  bool pass(const engine::Facts& f, const engine::FactTable& t, size_t i) const {
    if (!pass_customer(f, t.customer[i])) return false;
    return category == engine::kNone || t.has_category(i, category);
  }
};

// Throws 403/404 for region/rep as above and 422 for an unknown industry/category name or size.
engine::Scope narrow_scope(const engine::Snapshot& s, const engine::Scope& scope, const DoFilter& f);
RowFilter row_filter(const engine::Snapshot& s, const DoFilter& f);

// The table holding a metric under a filter: sales read contract lines when a category is set.
enum class DoMetric { bids_won, sales, collection };
constexpr std::array<DoMetric, 3> kDoMetrics = {DoMetric::bids_won, DoMetric::sales, DoMetric::collection};
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

// Σ amount and row count by (rep, month) over the months [first, last], rows read through
// as_of, for reps the scope sees and rows passing rf. Each month is a row range (rows are in
// date order), so no row's month is computed; one pass serves a trend and its anomalies.
struct RepMonthGrid {
  Month first;
  int months = 0;
  std::vector<Money> amount;   // [rep × months + month offset]
  std::vector<int64_t> count;  // same layout
  bool covers(Month m) const { return m.index >= first.index && m.index < first.index + months; }
  size_t at(int32_t rep, Month m) const { return static_cast<size_t>(rep) * months + (m.index - first.index); }
};
RepMonthGrid rep_month_grid(const engine::Facts& f, const engine::FactTable& t, const engine::Scope& scope,
                            const RowFilter& rf, Month first, Month last, Date as_of);

}  // namespace sl::analytics
