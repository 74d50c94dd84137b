#include "forecast/backtest.h"

#include <algorithm>
#include <cmath>

namespace sl::forecast {

Accuracy accuracy(std::span<const double> actual, std::span<const double> forecast) {
  Accuracy acc;
  double ape = 0, abs_err = 0, abs_actual = 0;
  int ape_points = 0;
  for (size_t i = 0; i < actual.size(); ++i) {
    double e = std::fabs(actual[i] - forecast[i]);
    abs_err += e, abs_actual += std::fabs(actual[i]);
    if (actual[i] != 0) ape += e / std::fabs(actual[i]), ++ape_points;
  }
  acc.points = static_cast<int>(actual.size());
  if (ape_points > 0) acc.mape = ape / ape_points;
  if (abs_actual > 0) acc.wape = abs_err / abs_actual;
  return acc;
}

Accuracy backtest(std::span<const double> x, int first_origin, const PointForecaster& method, int max_horizon) {
  const int n = static_cast<int>(x.size());
  std::vector<double> actual, predicted;
  for (int o = std::max(first_origin, 0); o < n; ++o) {
    int h = std::min(max_horizon, n - o);
    std::vector<double> f = method(x.first(o), h);
    for (int j = 0; j < h; ++j) actual.push_back(x[o + j]), predicted.push_back(f[j]);
  }
  return accuracy(actual, predicted);
}

}  // namespace sl::forecast
