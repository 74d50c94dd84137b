#include "forecast/forecast.h"

#include <algorithm>
#include <span>
#include <stdexcept>

#include "forecast/backtest.h"
#include "forecast/choice.h"
#include "forecast/holt_winters.h"
#include "forecast/trend_seasonal_naive.h"

namespace sl::forecast {
namespace {

std::vector<double> points(const std::vector<Band>& bands) {
  std::vector<double> v;
  v.reserve(bands.size());
  for (const Band& b : bands) v.push_back(b.value);
  return v;
}

// The backtests score point forecasts only; the level does not change them.
std::vector<double> hw_points(std::span<const double> h, int horizon) {
  return points(hw_predict(hw_fit(h), horizon, 0.8));
}
std::vector<double> naive_points(std::span<const double> h, int horizon) {
  return points(trend_seasonal_naive(h, horizon, 0.8));
}

}  // namespace

const char* method_code(Method m) {
  return m == Method::holt_winters ? "holt_winters" : "trend_seasonal_naive";
}

LineForecast forecast_line(const std::vector<double>& history, int horizon, double level) {
  if (!(level > 0 && level < 1)) throw std::invalid_argument("forecast_line: level must be in (0, 1)");
  LineForecast out;
  if (horizon <= 0) horizon = 0;
  const int n = static_cast<int>(history.size());
  if (n < 2) {
    double v = n ? history.back() : 0.0;
    out.forecast.assign(horizon, Band{v, v, v});
    return out;
  }
  const std::span<const double> x(history);
  const int first = first_origin(n);
  out.naive_backtest = backtest(x, first, naive_points);
  const bool hw = n >= kHwMinMonths;
  HwModel model;
  if (hw) {
    out.holt_winters_backtest = backtest(x, std::max(first, kHwMinMonths), hw_points);  // none at n = 24
    model = hw_fit(x);
    out.params = model.params;
  }
  out.method = choose_method(hw, out.holt_winters_backtest, out.naive_backtest);
  if (out.method == Method::holt_winters) {
    out.backtest = out.holt_winters_backtest;
    out.forecast = hw_predict(model, horizon, level);
  } else {
    out.backtest = out.naive_backtest;
    out.forecast = trend_seasonal_naive(x, horizon, level);
  }
  return out;
}

}  // namespace sl::forecast
