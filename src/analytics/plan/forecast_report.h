// P5 forecast accuracy over a scope (shared/METRICS.md P5, docs/metrics.md "P5"): per rep over
// the trailing complete months (default 6) with WAPE and bias beside the accuracy, ranked by
// accuracy; the scope's accuracy per month; forecast vs target vs actual by month, up to a few
// months after as_of's.
#pragma once
#include <optional>
#include <vector>

#include "analytics/plan/forecast_accuracy.h"
#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

struct ForecastReportParams {
  Date as_of;
  int months = 6;         // the ranking window: the last `months` complete months
  int trend_months = 12;  // the by-month table: the last 12 complete months …
  int ahead = 3;          // … then as_of's month and the `ahead` months after it
  int lock_day = kForecastLockDay;
};

struct RepAccuracy {
  int32_t rep = engine::kNone;
  SetAccuracy acc;                // over the months the rep was employed and forecast
  Money forecast = 0, actual = 0;  // Σ over those months
  int rank = 0;                   // 1.. by accuracy; 0: nothing to judge (no counted forecast)
};

struct ForecastMonth {
  Month month;
  bool complete = false;
  std::optional<Money> forecast;  // Σ counted forecasts of the scope's employed reps; none: nobody forecast
  int forecasters = 0;            // reps with a counted forecast
  std::optional<Money> target;    // the scope owner's sales target (company, region or rep)
  Money actual = 0;               // every sale of the scope, through as_of
  SetAccuracy acc;                // complete months: over the reps with a forecast (their own sales)
};

struct ForecastReport {
  Month first, last;   // the ranking window
  SetAccuracy overall;  // over every (rep, month) pair of the ranking window
  Money forecast = 0, actual = 0;
  std::vector<RepAccuracy> ranking;  // ranked first (accuracy down, then rep index), then the unranked
  std::vector<ForecastMonth> months;
};

// "over_promising" (bias > 0), "sandbagging" (< 0), "even" (0), nullptr without a bias.
const char* bias_label(const std::optional<double>& bias);

ForecastReport forecast_report(const engine::Snapshot& s, const engine::Scope& scope, const ForecastReportParams& p);

}  // namespace sl::analytics
