// P5 accuracy on hand-worked numbers.
#include "analytics/plan/forecast_accuracy.h"

#include <gtest/gtest.h>

#include "engine/snapshot.h"

using namespace sl;
using namespace sl::analytics;

TEST(ForecastAccuracy, OneMonth) {
  EXPECT_DOUBLE_EQ(forecast_accuracy(100, 80), 0.8);   // 1 − 20/100
  EXPECT_DOUBLE_EQ(forecast_accuracy(100, 130), 0.7);  // 1 − 30/100
  EXPECT_DOUBLE_EQ(forecast_accuracy(100, 250), 0.0);  // 1 − 150/100 < 0 → 0
  EXPECT_DOUBLE_EQ(forecast_accuracy(0, 0), 1.0);
  EXPECT_DOUBLE_EQ(forecast_accuracy(0, 5), 0.0);
}

TEST(ForecastAccuracy, SetIsWapeBased) {
  // A = 100, 300; F = 80, 360: Σ|A−F| = 20 + 60 = 80, ΣA = 400 → WAPE 0.2, accuracy 0.8,
  // bias = (−20 + 60) / 400 = 0.1 (over-promising).
  auto s = set_accuracy({{100, 80}, {300, 360}});
  EXPECT_DOUBLE_EQ(*s.wape, 0.2);
  EXPECT_DOUBLE_EQ(*s.accuracy, 0.8);
  EXPECT_DOUBLE_EQ(*s.bias, 0.1);
  EXPECT_EQ(s.months, 2);
  EXPECT_FALSE(set_accuracy({}).accuracy);
  EXPECT_DOUBLE_EQ(*set_accuracy({{0, 0}}).accuracy, 1.0);
  EXPECT_DOUBLE_EQ(*set_accuracy({{0, 10}}).accuracy, 0.0);
}

TEST(ForecastAccuracy, LastSubmissionBeforeTheLockCounts) {
  auto D = [](const char* s) { return *parse_date(s); };
  // 2026-06-03 00:00 Beijing = 2026-06-02 16:00 UTC.
  const int64_t lock = static_cast<int64_t>(D("2026-06-02").days) * 86400 + 16 * 3600;
  EXPECT_EQ(forecast_lock_at(Month::of(2026, 6)), lock);
  model::Dataset d;
  d.regions = {{1, "公司", 0, 0}};
  d.reps = {{7, "甲", 1, 0, D("2020-01-01"), std::nullopt}, {8, "乙", 1, 0, D("2020-01-01"), std::nullopt}};
  d.forecasts = {{1, Month::of(2026, 6), 7, 100, lock - 3600},  // counted: the last before the lock
                 {2, Month::of(2026, 6), 7, 90, lock - 86400},
                 {3, Month::of(2026, 6), 7, 999, lock},  // at the lock: too late
                 {4, Month::of(2026, 5), 7, 50, lock - 40 * 86400},
                 {5, Month::of(2026, 6), 8, 70, lock + 10}};  // rep 8 only late
  auto s = engine::build_snapshot(d, 1);
  const auto& f = s->facts->forecasts;
  EXPECT_EQ(counted_forecast(f, s->dims->find_rep(7), Month::of(2026, 6)), 100);
  EXPECT_EQ(counted_forecast(f, s->dims->find_rep(7), Month::of(2026, 5)), 50);
  EXPECT_FALSE(counted_forecast(f, s->dims->find_rep(8), Month::of(2026, 6)));
  EXPECT_FALSE(counted_forecast(f, s->dims->find_rep(7), Month::of(2026, 7)));
}
