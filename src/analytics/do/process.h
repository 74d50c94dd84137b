// D2 业绩完成过程 (shared/METRICS.md): bids won, contracts signed and collections for a
// period, each against target, the same period last year (YoY) and the previous period
// (PoP); by region and rep; the monthly trend this year vs last; anomalies (anomalies.h).
//
// Comparison windows are like-for-like. A period not yet over is read through as_of; its
// YoY window ends on the same calendar day a year earlier (29 Feb → 28 Feb) and its PoP
// window covers the same number of days from the start of the previous period. A period
// that is over compares with the whole comparison period. YoY and PoP are percentages only
// on a base of at least the unit's minimum base (yoy.h), scaled to the window's length.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "analytics/do/anomalies.h"
#include "analytics/do/do_filter.h"

namespace sl::analytics {

struct ProcessParams {
  Period period;
  Date as_of;
  DoFilter filter;
};

struct Window {
  Date first, last;  // empty when last < first
};
// Read windows for a period as of a date (see the header comment).
Window current_window(const Period& p, Date as_of);
Window yoy_window(const Period& p, Date as_of);
Window pop_window(const Period& p, Date as_of);
// The same calendar day one year earlier; 29 Feb → 28 Feb.
Date one_year_earlier(Date d);

struct MetricFigures {
  DoMetric metric = DoMetric::sales;
  Money amount = 0;
  std::optional<int64_t> count;      // nullopt for sales under a category filter (lines, not contracts)
  std::optional<int64_t> target;     // fen for sales/collection, a count for bids won; nullopt when unset
  std::optional<double> completion;  // bids won: count / target; else amount / target
  Money yoy_amount = 0, pop_amount = 0;
  std::optional<double> yoy, pop;  // growth (x − base) / base; nullopt unless its basis is normal
  YoyBasis yoy_basis = YoyBasis::small, pop_basis = YoyBasis::small;  // yoy.h: below a minimum base
};

struct BreakdownRow {
  Id id = 0;
  std::string name;
  std::array<MetricFigures, 3> metrics;  // in kDoMetrics order
};

struct TrendMonth {
  Month month;
  std::array<std::optional<Money>, 3> this_year;  // nullopt after as_of's month
  std::array<Money, 3> last_year{};
};

struct ProcessResult {
  Period period;
  Window current, yoy, pop;
  double time_progress = 0;
  std::array<MetricFigures, 3> totals;
  std::vector<BreakdownRow> regions, reps;
  int trend_year = 0;
  std::vector<TrendMonth> trend;
  std::vector<Anomaly> anomalies;
};

// Throws AppError 403/404/422 as narrow_scope/row_filter do.
ProcessResult performance_process(const engine::Snapshot& s, const engine::Scope& scope, const ProcessParams& p);

}  // namespace sl::analytics
