// The figures D1 and D4 rank and score a set of reps by (one rep, or a 大区's reps), over a
// period read through as_of: sales, completion (D3), collections, collection rate, new
// customers, win rate, forecast accuracy (P5) and the KPI score (D1).
//
// KPI score = Σ weight × min(part, 120%) with weights sales completion 40, collection
// completion 30, new-customer completion 15, forecast accuracy 15. A part without a target
// (or without a forecast) is left out and the weights of the others are rescaled to 100, so
// the score stays on the same 0–120 scale. Forecast accuracy uses the period's months that
// are over by as_of; while none is (the current month), the latest month before as_of.
#pragma once
#include <array>
#include <optional>
#include <vector>

#include "analytics/do/do_filter.h"
#include "analytics/plan/forecast_accuracy.h"
#include "engine/snapshot.h"

namespace sl::analytics {

struct KpiPart {
  const char* code;  // sales_completion | collection_completion | new_customers | forecast_accuracy
  double weight;
  std::optional<double> value;  // the raw ratio, uncapped
};

struct RepFigures {
  Money sales = 0, collections = 0;
  std::optional<Money> sales_target, collection_target;
  std::optional<double> completion, collection_completion, collection_rate;
  int64_t new_customers = 0;
  std::optional<int64_t> new_customer_target;
  std::optional<double> win_rate;
  int64_t won = 0, lost = 0;
  std::optional<double> forecast_accuracy;
  std::array<KpiPart, 4> parts{};
  std::optional<double> kpi_score;
};

constexpr double kKpiCap = 1.2;

// Per-rep sums over a period read through as_of, made in one pass over each table: what
// rep_figures adds up for any set of reps. Ranking 2,000 reps costs one PeriodSums, not
// 2,000 passes over the facts.
struct PeriodSums {
  Period period;
  Date as_of;
  std::vector<SumCount> sales, collections, first_contracts;  // by rep index
  std::vector<int64_t> won, lost;                             // by rep index
  RepMonthGrid month_sales;  // sales by (rep, month) over the months forecast accuracy reads
  int lock_day = kForecastLockDay;  // the forecast that counts (P5: serve --forecast-lock-day)
};
PeriodSums period_sums(const engine::Snapshot& s, const Period& p, Date as_of, int lock_day = kForecastLockDay);

// The figures of a set of reps (by index) from the sums; slot: their target owner slot (a
// rep's, a region's or the company's), kNone for no targets.
RepFigures rep_figures(const engine::Snapshot& s, const PeriodSums& sums, const std::vector<int32_t>& reps,
                       int32_t slot);
// The same in one call, for one set of reps; members: by rep index.
RepFigures rep_figures(const engine::Snapshot& s, const std::vector<bool>& members, int32_t slot, const Period& p,
                       Date as_of);

// The score from its parts (exposed for tests).
std::optional<double> kpi_score(const std::array<KpiPart, 4>& parts);

}  // namespace sl::analytics
