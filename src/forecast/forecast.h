// Forecasting of monthly series (issue 13, shared/METRICS.md P4): Holt-Winters additive with
// season 12 when there are at least 24 months of history, else linear trend plus seasonal naive;
// 80 % prediction intervals; a rolling-origin backtest (horizons 1–12) chooses the method.
// Depends on core only. This header is the interface the P pages call (P4 finance lines,
// P6 history evidence); the lower-level pieces (fit, predict, backtest) live beside it.
#pragma once
#include <optional>
#include <vector>

namespace sl::forecast {

enum class Method { holt_winters, trend_seasonal_naive };
const char* method_code(Method m);  // "holt_winters" | "trend_seasonal_naive"

struct Band {
  double value = 0, low = 0, high = 0;  // point forecast and its prediction interval
};

struct Accuracy {
  std::optional<double> mape, wape;  // nullopt when undefined (no points, or all actuals 0)
  int points = 0;                    // (origin, horizon) pairs scored
};

struct HwParams {
  double alpha = 0, beta = 0, gamma = 0;
};

struct LineForecast {
  Method method = Method::trend_seasonal_naive;  // the one with the lower backtest error
  std::vector<Band> forecast;                    // `horizon` months after the last history month
  Accuracy backtest;                             // the chosen method's rolling-origin backtest
  Accuracy holt_winters_backtest, naive_backtest;  // both, for the page (HW empty below 24 months)
  std::optional<HwParams> params;                // fitted parameters when holt_winters was fitted
};

// history: one value per month, oldest first, no gaps. horizon ≥ 1. level: the interval's
// coverage (0.8 → 10 % and 90 % bounds). Fewer than 2 months → a flat forecast of the last
// value (or 0) with low = high = value and empty backtests.
LineForecast forecast_line(const std::vector<double>& history, int horizon, double level = 0.8);

}  // namespace sl::forecast
