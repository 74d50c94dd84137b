#include "forecast/holt_winters.h"

#include <algorithm>
#include <cmath>

#include "forecast/minimise.h"
#include "forecast/normal_quantile.h"

namespace sl::forecast {
namespace {

double clamp01(double v) { return std::clamp(v, 0.0, 1.0); }

// The recursion of R's C_HoltWinters (additive, with trend and season). Returns the SSE;
// when `out` is given, also the residual variance and the final coefficients.
double recurse(std::span<const double> x, const HwStart& st, HwParams p, HwModel* out) {
  const double a = clamp01(p.alpha), b = clamp01(p.beta), g = clamp01(p.gamma);
  double level = st.level, trend = st.trend, sse = 0;
  std::array<double, kSeason> season = st.season;  // season index k lives in slot k % 12
  double mean = 0, m2 = 0;                         // Welford, for var(residuals)
  int count = 0;
  const size_t n = x.size();
  for (size_t i = kSeason; i < n; ++i) {
    size_t k = i - kSeason;  // R's s0 − period: the seasonal of this month
    double s = season[k % kSeason];
    double res = x[i] - (level + trend + s);
    sse += res * res;
    double next_level = a * (x[i] - s) + (1 - a) * (level + trend);
    trend = b * (next_level - level) + (1 - b) * trend;
    level = next_level;
    season[k % kSeason] = g * (x[i] - level) + (1 - g) * s;  // R's season[s0], s0 = k + 12
    ++count;
    double d = res - mean;
    mean += d / count;
    m2 += d * (res - mean);
  }
  if (out) {
    out->params = {a, b, g};
    out->sse = sse;
    out->residual_variance = count > 1 ? m2 / (count - 1) : 0;
    out->level = level, out->trend = trend;
    size_t len = n - kSeason;  // R's coefficients s = season[len + 0..11]
    for (int j = 0; j < kSeason; ++j) out->season[j] = season[(len + j) % kSeason];
  }
  return sse;
}

}  // namespace

HwStart hw_start(std::span<const double> x) {
  // decompose(ts(x[1:24], frequency = 12)): the centred moving average with weights
  // (0.5, 1 × 11, 0.5) / 12 is defined at positions 6..17 (0-based).
  constexpr int wind = kHwMinMonths, half = kSeason / 2;
  std::array<double, wind> ma{};
  std::array<bool, wind> has{};
  for (int i = half; i < wind - half; ++i) {
    double s = 0.5 * x[i - half] + 0.5 * x[i + half];
    for (int j = -half + 1; j < half; ++j) s += x[i + j];
    ma[i] = s / kSeason, has[i] = true;
  }
  HwStart st;
  std::array<double, kSeason> figure{};
  for (int m = 0; m < kSeason; ++m) {
    double sum = 0;
    int k = 0;
    for (int i = m; i < wind; i += kSeason)
      if (has[i]) sum += x[i] - ma[i], ++k;
    figure[m] = sum / k;
  }
  double fmean = 0;
  for (double f : figure) fmean += f / kSeason;
  for (int m = 0; m < kSeason; ++m) st.season[m] = figure[m] - fmean;
  // .lm.fit(cbind(1, seq_along(dat)), dat): least squares of the averages on t = 1, 2, …
  double tn = 0, tm = 0, ym = 0;
  for (int i = 0; i < wind; ++i)
    if (has[i]) tn += 1;
  for (int i = 0, t = 1; i < wind; ++i)
    if (has[i]) tm += t / tn, ym += ma[i] / tn, ++t;
  double sxy = 0, sxx = 0;
  for (int i = 0, t = 1; i < wind; ++i)
    if (has[i]) sxy += (t - tm) * (ma[i] - ym), sxx += (t - tm) * (t - tm), ++t;
  st.trend = sxy / sxx;
  st.level = ym - st.trend * tm;
  return st;
}

HwModel hw_run(std::span<const double> x, const HwStart& start, HwParams p) {
  HwModel m;
  recurse(x, start, p, &m);
  return m;
}

double hw_sse(std::span<const double> x, const HwStart& start, HwParams p) {
  return recurse(x, start, p, nullptr);
}

HwModel hw_fit(std::span<const double> x) {
  const HwStart st = hw_start(x);
  auto sse = [&](const std::vector<double>& v) { return hw_sse(x, st, {v[0], v[1], v[2]}); };
  // A coarse grid first: the SSE surface has several valleys (often one on a bound), and a
  // local search from one start can end in the worse one.
  static constexpr double grid[] = {0.02, 0.15, 0.35, 0.6, 0.85, 1.0};
  std::vector<double> best_grid{0.3, 0.1, 0.1};
  double best_value = sse(best_grid);
  for (double a : grid)
    for (double b : grid)
      for (double g : grid) {
        double v = sse({a, b, g});
        if (v < best_value) best_value = v, best_grid = {a, b, g};
      }
  const std::vector<double> lo{0, 0, 0}, hi{1, 1, 1};
  Minimum m = minimise_in_box(sse, best_grid, lo, hi, 0.1);
  Minimum r = minimise_in_box(sse, {0.3, 0.1, 0.1}, lo, hi, 0.1);
  if (r.value < m.value) m = r;
  return hw_run(x, st, {m.x[0], m.x[1], m.x[2]});
}

std::vector<Band> hw_predict(const HwModel& m, int horizon, double level) {
  std::vector<Band> out;
  if (horizon <= 0) return out;
  out.reserve(horizon);
  const double z = normal_quantile((1 + level) / 2);
  const auto [a, b, g] = m.params;
  double psi_sum = 0;  // Σ_{j=1}^{h−1} ψ_j², ψ_j = α(1 + jβ) + [j mod 12 = 0] γ(1 − α)
  for (int h = 1; h <= horizon; ++h) {
    if (h > 1) {
      int j = h - 1;
      double psi = a * (1 + j * b) + (j % kSeason == 0 ? g * (1 - a) : 0.0);
      psi_sum += psi * psi;
    }
    double value = m.level + h * m.trend + m.season[(h - 1) % kSeason];
    double half = z * std::sqrt(m.residual_variance * (1 + psi_sum));
    out.push_back({value, value - half, value + half});
  }
  return out;
}

}  // namespace sl::forecast
