#include "forecast/holt_winters.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "forecast/normal_quantile.h"

using namespace sl::forecast;

namespace {
const double kZ80 = 1.2815515655446004;  // qnorm(0.9)
const std::vector<double> kPattern = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};  // mean 52 / 12

std::vector<double> repeat(const std::vector<double>& p, int n) {
  std::vector<double> x;
  for (int i = 0; i < n; ++i) x.push_back(p[i % p.size()]);
  return x;
}
}  // namespace

TEST(NormalQuantile, MatchesTheTables) {
  EXPECT_NEAR(normal_quantile(0.9), kZ80, 1e-15);
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-15);
  EXPECT_NEAR(normal_quantile(0.3), -0.5244005127080407, 1e-15);
  EXPECT_NEAR(normal_quantile(1e-10), -6.361340902404056, 1e-13);
  EXPECT_NEAR(normal_quantile(1e-300), -37.0470962993612, 1e-11);
  EXPECT_EQ(normal_quantile(0.5), 0);
}

TEST(HoltWintersStart, PureSeasonalPattern) {
  // The moving average of a repeated pattern is its mean: level = mean, trend 0, seasonals
  // = pattern − mean.
  HwStart st = hw_start(repeat(kPattern, 24));
  EXPECT_NEAR(st.level, 52.0 / 12, 1e-12);
  EXPECT_NEAR(st.trend, 0, 1e-12);
  for (int m = 0; m < 12; ++m) EXPECT_NEAR(st.season[m], kPattern[m] - 52.0 / 12, 1e-12);
}

TEST(HoltWintersStart, PureLinearTrendStartsAtTheFirstAverage) {
  // x_t = 10 + 2t: the averages are the line itself, at positions 6..17, regressed on
  // 1..12: value 20 + 2t, so R's start level is 20 (the line at position 5) and trend 2.
  std::vector<double> x;
  for (int t = 0; t < 30; ++t) x.push_back(10 + 2 * t);
  HwStart st = hw_start(x);
  EXPECT_NEAR(st.level, 20, 1e-9);
  EXPECT_NEAR(st.trend, 2, 1e-12);
  for (double s : st.season) EXPECT_NEAR(s, 0, 1e-12);
  // alpha 1, beta 0, gamma 0: the first forecast (of month 13, x = 34) is 20 + 2 = 22, an
  // error of 12; after it the level is the data and the forecasts are exact: SSE = 144.
  HwModel m = hw_run(x, st, {1, 0, 0});
  EXPECT_NEAR(m.sse, 144, 1e-9);
  EXPECT_NEAR(m.level, 68, 1e-9);
  EXPECT_NEAR(m.trend, 2, 1e-12);
  auto f = hw_predict(m, 3, 0.8);
  EXPECT_NEAR(f[0].value, 70, 1e-9);
  EXPECT_NEAR(f[2].value, 74, 1e-9);
  // residuals {12, 0 × 17}: var = (144 − 18·(12/18)²) / 17 = 8 → h = 1 half-width z·√8.
  EXPECT_NEAR(m.residual_variance, 8, 1e-9);
  EXPECT_NEAR(f[0].high - f[0].value, kZ80 * std::sqrt(8.0), 1e-9);
  // h = 2: ψ₁ = α(1 + β) = 1 → variance 8 · 2.
  EXPECT_NEAR(f[1].value - f[1].low, kZ80 * std::sqrt(16.0), 1e-9);
}

TEST(HoltWinters, FlatSeriesForecastsItsLevelWithNoWidth) {
  std::vector<double> x(30, 5.0);
  HwModel m = hw_fit(x);
  EXPECT_EQ(m.sse, 0);
  for (const Band& b : hw_predict(m, 14, 0.8)) {
    EXPECT_NEAR(b.value, 5, 1e-12);
    EXPECT_NEAR(b.low, 5, 1e-12);
    EXPECT_NEAR(b.high, 5, 1e-12);
  }
}

TEST(HoltWinters, PureSeasonalPatternIsForecastExactly) {
  std::vector<double> x = repeat(kPattern, 36);
  HwModel m = hw_run(x, hw_start(x), {0.4, 0.3, 0.2});
  EXPECT_NEAR(m.sse, 0, 1e-20);
  auto f = hw_predict(m, 24, 0.8);
  for (int h = 0; h < 24; ++h) {
    EXPECT_NEAR(f[h].value, kPattern[h % 12], 1e-12) << h;
    EXPECT_NEAR(f[h].high, f[h].value, 1e-12);
  }
}

TEST(HoltWinters, IntervalGrowsWithTheSumOfSquaredPsi) {
  HwModel m;
  m.params = {0.5, 0.2, 0.3};
  m.level = 100, m.trend = 1, m.residual_variance = 4;
  m.season.fill(0);
  m.season[1] = 10;
  auto f = hw_predict(m, 3, 0.8);
  EXPECT_NEAR(f[0].value, 101, 1e-12);
  EXPECT_NEAR(f[1].value, 112, 1e-12);  // 100 + 2·1 + season 10
  EXPECT_NEAR(f[0].high - f[0].value, kZ80 * 2, 1e-12);
  // ψ₁ = 0.5 · 1.2 = 0.6, ψ₂ = 0.5 · 1.4 = 0.7
  EXPECT_NEAR(f[1].high - f[1].value, kZ80 * 2 * std::sqrt(1.36), 1e-12);
  EXPECT_NEAR(f[2].value - f[2].low, kZ80 * 2 * std::sqrt(1.85), 1e-12);
}

TEST(HoltWinters, FitClampsToTheUnitBoxAndBeatsRsStart) {
  std::vector<double> x;
  for (int t = 0; t < 40; ++t) x.push_back(50 + 2 * t + kPattern[t % 12] * 3 + ((t * 7) % 5 - 2));
  const HwStart st = hw_start(x);
  HwModel m = hw_fit(x);
  for (double p : {m.params.alpha, m.params.beta, m.params.gamma}) {
    EXPECT_GE(p, 0);
    EXPECT_LE(p, 1);
  }
  EXPECT_LE(m.sse, hw_sse(x, st, {0.3, 0.1, 0.1}));
  EXPECT_EQ(hw_sse(x, st, {2, -1, 0.5}), hw_sse(x, st, {1, 0, 0.5}));  // clamped as R does
}
