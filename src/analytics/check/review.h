// C1 销售结果复盘 (shared/METRICS.md "C1 Sales review"): sales and collections of the period
// and by month (this year vs last), collection rate = collections / sales; cohort collection
// = collected share (payments by as_of) of the contracts signed in the period and in each of
// the 12 months ending with the period (or as_of) month, with each month's collection curve;
// receivables, overdue and aging (aging.h); DSO = receivables / (sales of the 90 days ending
// on as_of / 90); blockers: customers, reps and 大区 with overdue amounts, largest first.
//
// Sales under a category filter read contract lines; collections, cohorts and receivables
// belong to whole contracts and take the customer filters (industry, size) only. The period
// is read through as_of and compared with the same days a year earlier (process.h windows).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/check/aging.h"
#include "analytics/do/do_filter.h"
#include "analytics/do/process.h"

namespace sl::analytics {

struct ReviewParams {
  Period period;
  Date as_of;
  RowFilter filter{};
};

struct ReviewTotals {
  Money sales = 0, collections = 0;
  std::optional<double> collection_rate;  // nullopt when sales are 0
  Money sales_last_year = 0, collections_last_year = 0;
  std::optional<double> collection_rate_last_year, sales_yoy, collections_yoy;
};

struct ReviewMonth {
  Month month;
  std::optional<Money> sales, collections;  // nullopt after as_of's month
  std::optional<double> collection_rate;
  Money sales_last_year = 0, collections_last_year = 0;
  std::optional<double> collection_rate_last_year;
};

struct CohortRow {
  Month month;                             // signing month (unused for the period's cohort)
  Money signed_amount = 0, collected = 0;  // collected: payments by as_of on those contracts
  std::optional<double> share;             // collected / signed; nullopt when nothing was signed
  // Cumulative collected share by the end of month + k (the last point as of as_of), k = 0…
  std::vector<double> curve;
};

// Names are views of the Snapshot's own names (valid while the Snapshot lives, as every
// reader of a result holds it): a company's ~100,000 blocking customers cost no string copies.
struct BlockerRow {
  Id id = 0;
  std::string_view name;
  Id owner = 0;                 // customers: the owner rep's id (0: none)
  std::string_view owner_name;  // customers: the owner's name
  std::string_view region;      // customers: their region; reps: theirs; regions: empty
  AgingParty figures;
  double share = 0;  // of the scope's overdue
};

struct ReviewResult {
  Window current, yoy;
  ReviewTotals totals;
  int trend_year = 0;
  std::vector<ReviewMonth> trend;  // January to December of trend_year
  CohortRow cohort;                // contracts signed in the current window
  std::vector<CohortRow> cohorts;  // the 12 signing months ending with cohort_last
  AgingResult aging;               // without by_customer / by_rep
  Money sales_90d = 0;
  std::optional<double> dso;                         // days; nullopt when sales_90d is 0
  std::vector<BlockerRow> customers, reps, regions;  // overdue > 0, largest first (ties: id)
};

ReviewResult sales_review(const engine::Snapshot& s, const engine::Scope& scope, const ReviewParams& p);

// DSO = receivable / (sales / days); nullopt when sales are 0.
std::optional<double> dso_days(Money receivable, Money sales, int days = 90);

}  // namespace sl::analytics
