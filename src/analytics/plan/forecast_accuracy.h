// P5 forecast accuracy (shared/METRICS.md): the forecast that counts for month m is the
// last one a rep submitted before the lock date (default day 3 of m, 00:00 Beijing time);
// accuracy = max(0, 1 − |A − F| / A), and when A = 0: 1 if F = 0 else 0. Over a set of
// (A, F) pairs: WAPE = Σ|A − F| / ΣA, accuracy = 1 − WAPE, bias = Σ(F − A) / ΣA.
#pragma once
#include <optional>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "engine/records.h"

namespace sl::analytics {

constexpr int kForecastLockDay = 3;
constexpr int kBeijingOffsetSeconds = 8 * 3600;

// Unix second at which month m's forecasts lock: 00:00 Beijing time on day lock_day of m.
int64_t forecast_lock_at(Month m, int lock_day = kForecastLockDay);

// The counted forecast of rep (index) for m, or nullopt when none was submitted in time.
std::optional<Money> counted_forecast(const engine::ForecastTable& t, int32_t rep, Month m,
                                      int lock_day = kForecastLockDay);

// One month's accuracy.
double forecast_accuracy(Money actual, Money forecast);

struct ForecastPair {
  Money actual = 0, forecast = 0;
};
struct SetAccuracy {
  std::optional<double> wape, accuracy, bias;  // nullopt for an empty set; when ΣA = 0 see .cpp
  int months = 0;
};
SetAccuracy set_accuracy(const std::vector<ForecastPair>& pairs);

}  // namespace sl::analytics
