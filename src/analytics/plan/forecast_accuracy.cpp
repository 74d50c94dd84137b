#include "analytics/plan/forecast_accuracy.h"

#include <algorithm>
#include <cstdlib>

namespace sl::analytics {

int64_t beijing_midnight(Date d) { return static_cast<int64_t>(d.days) * 86400 - kBeijingOffsetSeconds; }

int64_t forecast_lock_at(Month m, int lock_day) { return beijing_midnight(Date{m.first_day().days + lock_day - 1}); }

int64_t server_now(Date today, int64_t real_now) {
  // Seconds since 00:00 in Beijing (the offset is whole days apart from 8 h, so no DST).
  const int64_t of_day = ((real_now + kBeijingOffsetSeconds) % 86400 + 86400) % 86400;
  return beijing_midnight(today) + of_day;
}

bool forecast_open(Month m, Date today, int lock_day) { return today.days < m.first_day().days + lock_day - 1; }

Submissions submissions_before(const engine::ForecastTable& t, int32_t rep, Month m, int64_t before) {
  // Rows are sorted by (rep, month, submitted_at): find the (rep, month) run, keep the last
  // one submitted strictly before the cut-off.
  auto key_less = [&](size_t i, int32_t r, int32_t mo) { return t.rep[i] < r || (t.rep[i] == r && t.month[i] < mo); };
  size_t lo = 0, hi = t.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (key_less(mid, rep, m.index))
      lo = mid + 1;
    else
      hi = mid;
  }
  Submissions out;
  for (size_t i = lo; i < t.size() && t.rep[i] == rep && t.month[i] == m.index && t.submitted_at[i] < before; ++i) {
    ++out.count;
    out.last = i;
  }
  return out;
}

std::optional<Money> counted_forecast(const engine::ForecastTable& t, int32_t rep, Month m, int lock_day) {
  auto s = submissions_before(t, rep, m, forecast_lock_at(m, lock_day));
  if (s.count == 0) return std::nullopt;
  return t.value[s.last];
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
