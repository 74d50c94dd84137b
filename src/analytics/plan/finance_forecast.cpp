#include "analytics/plan/finance_forecast.h"

#include <cmath>

namespace sl::analytics {

std::pair<Month, Month> finance_forecast_months(Date as_of) {
  const Month m = Month::of(as_of);
  const Month first{m.index + 1};
  const Month december = Month::of(m.year(), 12);
  return {first, december < first ? first : december};
}

FinanceForecast finance_forecast(const std::vector<FinanceMonthRow>& months, Date as_of) {
  FinanceForecast out;
  const auto [first, last] = finance_forecast_months(as_of);
  if (!months.empty()) out.first = first, out.last = last;
  for (int k = 0; k < kFinanceLines; ++k) {
    FinanceLineForecast f;
    f.line = finance_line(k);
    if (!months.empty()) {
      std::vector<double> history;
      history.reserve(months.size());
      for (const auto& r : months) history.push_back(static_cast<double>(r.v[static_cast<size_t>(k)]));
      const Month end = months.back().month;  // ≤ as_of's month: the forecast starts right after it
      f.fit = forecast::forecast_line(history, last.index - end.index, kFinanceForecastLevel);
      for (size_t h = 0; h < f.fit.forecast.size(); ++h) {
        const Month m{end.index + 1 + static_cast<int32_t>(h)};
        if (m < first) continue;  // the month of as_of (not closed yet) is not shown
        const auto& b = f.fit.forecast[h];
        f.forecast.push_back({m, std::llround(b.value), std::llround(b.low), std::llround(b.high)});
      }
    }
    out.lines.push_back(std::move(f));
  }
  return out;
}

}  // namespace sl::analytics
