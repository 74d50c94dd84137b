#include "forecast/forecast.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

using namespace sl::forecast;

namespace {
const std::vector<double> kPattern = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};

std::vector<double> seasonal_with_trend(int n) {
  std::vector<double> x;
  for (int t = 0; t < n; ++t) x.push_back(100 + t + 10 * kPattern[t % 12] + ((t * 7) % 5 - 2));
  return x;
}
}  // namespace

TEST(ForecastLine, FewerThanTwoMonthsIsFlat) {
  LineForecast none = forecast_line({}, 3);
  ASSERT_EQ(none.forecast.size(), 3u);
  EXPECT_EQ(none.forecast[2].value, 0);
  LineForecast one = forecast_line({7}, 2);
  EXPECT_EQ(one.method, Method::trend_seasonal_naive);
  for (const Band& b : one.forecast) {
    EXPECT_EQ(b.value, 7);
    EXPECT_EQ(b.low, 7);
    EXPECT_EQ(b.high, 7);
  }
  EXPECT_EQ(one.backtest.points, 0);
  EXPECT_FALSE(one.params);
}

TEST(ForecastLine, UnderTwentyFourMonthsUsesTrendSeasonalNaive) {
  LineForecast f = forecast_line(seasonal_with_trend(23), 12);
  EXPECT_EQ(f.method, Method::trend_seasonal_naive);
  EXPECT_STREQ(method_code(f.method), "trend_seasonal_naive");
  EXPECT_FALSE(f.params);
  EXPECT_EQ(f.holt_winters_backtest.points, 0);
  // origins 12..22, horizons up to 12 months ahead of each: 11 + 10 + … + 1 pairs
  EXPECT_EQ(f.naive_backtest.points, 66);
  EXPECT_EQ(f.backtest.points, 66);
  EXPECT_EQ(f.forecast.size(), 12u);
}

TEST(ForecastLine, TwentyFourMonthsFitsHoltWintersWithNothingToScoreIt) {
  LineForecast f = forecast_line(seasonal_with_trend(24), 6);
  EXPECT_TRUE(f.params);
  EXPECT_EQ(f.holt_winters_backtest.points, 0);
  EXPECT_EQ(f.method, Method::holt_winters);  // METRICS' default stands
}

TEST(ForecastLine, TheBacktestChoosesAndBothAreReported) {
  LineForecast f = forecast_line(seasonal_with_trend(36), 12, 0.8);
  ASSERT_TRUE(f.params);
  EXPECT_EQ(f.holt_winters_backtest.points, 78);  // origins 24..35: 12 + 11 + … + 1
  EXPECT_EQ(f.naive_backtest.points, 78);
  const Accuracy& chosen = f.method == Method::holt_winters ? f.holt_winters_backtest : f.naive_backtest;
  const Accuracy& other = f.method == Method::holt_winters ? f.naive_backtest : f.holt_winters_backtest;
  EXPECT_EQ(f.backtest.mape, chosen.mape);
  EXPECT_LE(*chosen.mape, *other.mape);
  for (const Band& b : f.forecast) {
    EXPECT_LT(b.low, b.value);
    EXPECT_GT(b.high, b.value);
  }
}

TEST(ForecastLine, WiderLevelWiderBand) {
  auto x = seasonal_with_trend(30);
  LineForecast a = forecast_line(x, 3, 0.8), b = forecast_line(x, 3, 0.95);
  EXPECT_EQ(a.forecast[0].value, b.forecast[0].value);
  EXPECT_GT(b.forecast[0].high, a.forecast[0].high);
  EXPECT_THROW(forecast_line(x, 3, 1.0), std::invalid_argument);
  EXPECT_TRUE(forecast_line(x, 0).forecast.empty());
}
