// P5 forecast accuracy (shared/METRICS.md): the forecast that counts for month m is the
// last one a rep submitted before the lock date (default day 3 of m, 00:00 Beijing time);
// accuracy = max(0, 1 − |A − F| / A), and when A = 0: 1 if F = 0 else 0. Over a set of
// (A, F) pairs: WAPE = Σ|A − F| / ΣA, accuracy = max(0, 1 − WAPE) (floored like one month's;
// WAPE is shown beside it), bias = Σ(F − A) / ΣA (> 0 over-promising, < 0 sandbagging).
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

// The rows of rep's submissions for m submitted strictly before `before` (unix seconds):
// how many, and the last one (its row in t; only meaningful when count > 0).
struct Submissions {
  int count = 0;
  size_t last = 0;
};
Submissions submissions_before(const engine::ForecastTable& t, int32_t rep, Month m, int64_t before);

// The 00:00 Beijing time of a date as a unix second.
int64_t beijing_midnight(Date d);
// The server's clock: its `today` (pinned by serve --today in tests) at the real time of day
// in Beijing. `real_now` is the system clock; when today is the real Beijing date this is it.
int64_t server_now(Date today, int64_t real_now);
// Whether m still takes submissions on `today`: before its lock day (then every later month too).
bool forecast_open(Month m, Date today, int lock_day = kForecastLockDay);

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
