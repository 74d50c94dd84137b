// P4's forecast per finance line: the rest of as_of's year (the months after as_of's month up
// to December; in December, the next January), fitted on the line's complete ledger months by
// forecast_line (src/forecast/forecast.h: the method the backtest chose, its 80 % band).
// Each line is fitted on its own history: gross and operating profit are forecast as series,
// not as sums of the other lines' forecasts.
#pragma once
#include <vector>

#include "analytics/plan/finance.h"
#include "forecast/forecast.h"

namespace sl::analytics {

constexpr double kFinanceForecastLevel = 0.8;

struct FinanceForecastPoint {
  Month month;
  Money value = 0, low = 0, high = 0;  // rounded to fen
};

struct FinanceLineForecast {
  FinanceLine line = FinanceLine::revenue;
  std::vector<FinanceForecastPoint> forecast;  // months after as_of's month only
  forecast::LineForecast fit;                  // the method, its backtest and both backtests
};

struct FinanceForecast {
  std::optional<Month> first, last;  // the forecast months (none without history)
  std::vector<FinanceLineForecast> lines;  // every line, in FinanceLine order
};

// The months the forecast covers at as_of: as_of's month + 1 .. December, at least one month.
std::pair<Month, Month> finance_forecast_months(Date as_of);

// `months` as finance_months gives them (consecutive, complete at as_of).
FinanceForecast finance_forecast(const std::vector<FinanceMonthRow>& months, Date as_of);

}  // namespace sl::analytics
