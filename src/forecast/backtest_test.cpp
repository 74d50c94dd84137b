#include "forecast/backtest.h"

#include <gtest/gtest.h>

#include <vector>

#include "forecast/choice.h"

using namespace sl::forecast;

TEST(Accuracy, SkipsZeroActualsInMapeButNotInWape) {
  Accuracy a = accuracy(std::vector<double>{0, 10, 20}, std::vector<double>{5, 12, 15});
  ASSERT_TRUE(a.mape && a.wape);
  EXPECT_DOUBLE_EQ(*a.mape, (0.2 + 0.25) / 2);
  EXPECT_DOUBLE_EQ(*a.wape, 12.0 / 30);
  EXPECT_EQ(a.points, 3);
}

TEST(Accuracy, UndefinedWhenEveryActualIsZeroOrThereAreNone) {
  Accuracy zero = accuracy(std::vector<double>{0, 0}, std::vector<double>{1, 2});
  EXPECT_FALSE(zero.mape);
  EXPECT_FALSE(zero.wape);
  EXPECT_EQ(zero.points, 2);
  Accuracy none = accuracy(std::vector<double>{}, std::vector<double>{});
  EXPECT_FALSE(none.mape);
  EXPECT_EQ(none.points, 0);
}

TEST(Backtest, RollsTheOriginAndCapsTheHorizon) {
  // Naive (last value) on {1, 2, 3, 4} from origin 2: {2, 2} vs {3, 4}, then {3} vs {4}.
  auto last = [](std::span<const double> h, int n) { return std::vector<double>(n, h.back()); };
  Accuracy a = backtest(std::vector<double>{1, 2, 3, 4}, 2, last);
  EXPECT_EQ(a.points, 3);
  EXPECT_DOUBLE_EQ(*a.mape, (1.0 / 3 + 2.0 / 4 + 1.0 / 4) / 3);
  EXPECT_DOUBLE_EQ(*a.wape, 4.0 / 11);
  Accuracy one = backtest(std::vector<double>{1, 2, 3, 4}, 2, last, 1);  // horizon 1 only
  EXPECT_EQ(one.points, 2);
  EXPECT_EQ(backtest(std::vector<double>{1, 2}, 2, last).points, 0);
}

TEST(Choice, HoltWintersUnlessTheNaiveIsStrictlyBetter) {
  Accuracy lo, hi, none;
  lo.mape = 0.1, lo.wape = 0.3, hi.mape = 0.2, hi.wape = 0.2;
  EXPECT_EQ(choose_method(false, lo, hi), Method::trend_seasonal_naive);  // < 24 months
  EXPECT_EQ(choose_method(true, lo, hi), Method::holt_winters);
  EXPECT_EQ(choose_method(true, hi, lo), Method::trend_seasonal_naive);
  EXPECT_EQ(choose_method(true, lo, lo), Method::holt_winters);  // a tie keeps the default
  EXPECT_EQ(choose_method(true, none, lo), Method::holt_winters);  // nothing to compare
  Accuracy w1, w2;  // no MAPE: WAPE decides
  w1.wape = 0.5, w2.wape = 0.4;
  EXPECT_EQ(choose_method(true, w1, w2), Method::trend_seasonal_naive);
}

TEST(Choice, FirstOrigin) {
  EXPECT_EQ(first_origin(36), 24);
  EXPECT_EQ(first_origin(25), 24);
  EXPECT_EQ(first_origin(24), 12);
  EXPECT_EQ(first_origin(13), 12);
  EXPECT_EQ(first_origin(12), 2);
}
