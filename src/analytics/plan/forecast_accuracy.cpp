#include "analytics/plan/forecast_accuracy.h"

#include <algorithm>
#include <cstdlib>

namespace sl::analytics {

int64_t forecast_lock_at(Month m, int lock_day) {
  return static_cast<int64_t>(m.first_day().days + lock_day - 1) * 86400 - kBeijingOffsetSeconds;
}

std::optional<Money> counted_forecast(const engine::ForecastTable& t, int32_t rep, Month m, int lock_day) {
  // Rows are sorted by (rep, month, submitted_at): find the (rep, month) run, keep the last
  // one submitted strictly before the lock.
  auto key_less = [&](size_t i, int32_t r, int32_t mo) { return t.rep[i] < r || (t.rep[i] == r && t.month[i] < mo); };
  size_t lo = 0, hi = t.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (key_less(mid, rep, m.index))
      lo = mid + 1;
    else
      hi = mid;
  }
  const int64_t lock = forecast_lock_at(m, lock_day);
  std::optional<Money> out;
  for (size_t i = lo; i < t.size() && t.rep[i] == rep && t.month[i] == m.index; ++i)
    if (t.submitted_at[i] < lock) out = t.value[i];
  return out;
}

double forecast_accuracy(Money actual, Money forecast) {
  if (actual == 0) return forecast == 0 ? 1.0 : 0.0;
  double err = std::abs(static_cast<double>(actual - forecast)) / static_cast<double>(actual);
  return std::max(0.0, 1.0 - err);
}

SetAccuracy set_accuracy(const std::vector<ForecastPair>& pairs) {
  SetAccuracy s;
  s.months = static_cast<int>(pairs.size());
  if (pairs.empty()) return s;
  double abs_err = 0, signed_err = 0, total = 0;
  for (const auto& p : pairs) {
    abs_err += std::abs(static_cast<double>(p.actual - p.forecast));
    signed_err += static_cast<double>(p.forecast - p.actual);
    total += static_cast<double>(p.actual);
  }
  if (total == 0) {
    // ΣA = 0: WAPE is undefined; follow the single-month rule (all forecasts 0 → 1, else 0).
    s.accuracy = abs_err == 0 ? 1.0 : 0.0;
    return s;
  }
  s.wape = abs_err / total;
  // Like the single-month accuracy, a set's accuracy is floored at 0 (WAPE may exceed 1).
  s.accuracy = std::max(0.0, 1.0 - *s.wape);
  s.bias = signed_err / total;
  return s;
}

}  // namespace sl::analytics
