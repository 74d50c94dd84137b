#include "forecast/trend_seasonal_naive.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace sl::forecast;

namespace {
const double kZ80 = 1.2815515655446004;  // qnorm(0.9)
}

TEST(TrendSeasonalNaive, PureLinearTrendIsExtended) {
  std::vector<double> x;
  for (int t = 0; t < 10; ++t) x.push_back(3 + 2 * t);
  auto f = trend_seasonal_naive(x, 14, 0.8);
  ASSERT_EQ(f.size(), 14u);
  for (int h = 1; h <= 14; ++h) {
    EXPECT_NEAR(f[h - 1].value, 3 + 2 * (9 + h), 1e-9);
    EXPECT_NEAR(f[h - 1].high, f[h - 1].value, 1e-9);  // no residuals, no width
  }
}

TEST(TrendSeasonalNaive, ThreeMonthsByHand) {
  // {1, 2, 4}: line 5/6 + 1.5t, residuals 1/6, −1/3, 1/6: Σr²/(n − 2) = 1/6. No month a year
  // back, so the line alone: 5/6 + 4.5 = 16/3 at t = 3.
  auto f = trend_seasonal_naive(std::vector<double>{1, 2, 4}, 2, 0.8);
  EXPECT_NEAR(f[0].value, 16.0 / 3, 1e-12);
  EXPECT_NEAR(f[1].value, 16.0 / 3 + 1.5, 1e-12);
  EXPECT_NEAR(f[0].high - f[0].value, kZ80 * std::sqrt(1.0 / 6), 1e-12);
}

TEST(TrendSeasonalNaive, DecemberSpikeCopiedWithTheYearsTrend) {
  // Two years of 0 with 12 in December: ȳ = 1, slope = Σ(t − 11.5)(y − 1) / Σ(t − 11.5)² =
  // 132 / 1150. A forecast is last year's month plus 12 slopes.
  std::vector<double> x(24, 0.0);
  x[11] = x[23] = 12;
  const double b = 132.0 / 1150;
  auto f = trend_seasonal_naive(x, 24, 0.8);
  EXPECT_NEAR(f[0].value, 12 * b, 1e-12);
  EXPECT_NEAR(f[11].value, 12 + 12 * b, 1e-12);
  EXPECT_NEAR(f[23].value, 12 + 24 * b, 1e-12);  // two years out: last December + 24 slopes
  // The detrended seasonal differences are all 12·b: σ = 12b; a second year doubles the variance.
  EXPECT_NEAR(f[0].high - f[0].value, kZ80 * 12 * b, 1e-12);
  EXPECT_NEAR(f[12].high - f[12].value, kZ80 * 12 * b * std::sqrt(2.0), 1e-12);
}
