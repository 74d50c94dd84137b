// P5 填报 for one month: each rep of the scope with the forecast that counts (the last one
// submitted before the lock), the latest submission and when it came, and the employed reps
// that have not submitted in time (shared/METRICS.md P5, docs/metrics.md).
#pragma once
#include <optional>
#include <vector>

#include "analytics/plan/forecast_accuracy.h"
#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

struct SubmissionRow {
  int32_t rep = engine::kNone;
  bool employed = false;          // on some day of the month
  std::optional<Money> counted;   // the last submission before the lock
  std::optional<Money> latest;    // the last submission of all
  int64_t latest_at = 0;          // its submitted_at (unix seconds), 0 = none
  int submissions = 0;            // every submission for the month
  std::optional<Money> target;    // the rep's sales target of the month
};

struct MonthSubmissions {
  Month month;
  int64_t lock_at = 0;
  // Reps the scope sees that were employed in the month or submitted for it, by rep index.
  std::vector<SubmissionRow> rows;
  std::vector<int32_t> not_submitted;  // employed, and no forecast counted (none before the lock)
  int employed = 0, submitted = 0;     // submitted: employed reps with a counted forecast
  Money counted_total = 0;             // Σ counted over the rows
};

MonthSubmissions forecast_submissions(const engine::Snapshot& s, const engine::Scope& scope, Month m,
                                      int lock_day = kForecastLockDay);

}  // namespace sl::analytics
