#include "forecast/trend_seasonal_naive.h"

#include <cmath>

#include "forecast/holt_winters.h"
#include "forecast/normal_quantile.h"

namespace sl::forecast {

std::vector<Band> trend_seasonal_naive(std::span<const double> x, int horizon, double level) {
  std::vector<Band> out;
  if (horizon <= 0) return out;
  const int n = static_cast<int>(x.size());
  if (n == 0) return std::vector<Band>(horizon);
  // Least squares on t = 0..n−1 (a flat line through a single month).
  double tm = (n - 1) / 2.0, ym = 0;
  for (double v : x) ym += v / n;
  double sxy = 0, sxx = 0;
  for (int t = 0; t < n; ++t) sxy += (t - tm) * (x[t] - ym), sxx += (t - tm) * (t - tm);
  const double b = sxx > 0 ? sxy / sxx : 0, a = ym - b * tm;
  auto resid = [&](int t) { return x[t] - (a + b * t); };
  double sigma2 = 0;
  if (n > kSeason) {
    for (int t = kSeason; t < n; ++t) {
      double e = resid(t) - resid(t - kSeason);
      sigma2 += e * e / (n - kSeason);
    }
  } else if (n > 2) {
    for (int t = 0; t < n; ++t) sigma2 += resid(t) * resid(t) / (n - 2);
  }
  const double z = normal_quantile((1 + level) / 2), sigma = std::sqrt(sigma2);
  out.reserve(horizon);
  for (int h = 1; h <= horizon; ++h) {
    int t = n - 1 + h;
    int k = (h - 1) / kSeason;          // whole years beyond the last copied season
    int same = t - (k + 1) * kSeason;   // the latest history month with t's month of year
    double value = a + b * t + (same >= 0 ? resid(same) : 0.0);
    double half = z * sigma * std::sqrt(k + 1.0);
    out.push_back({value, value - half, value + half});
  }
  return out;
}

}  // namespace sl::forecast
