// with_forecast puts the row where a rebuild puts it.
#include "engine/append_forecast.h"

#include <gtest/gtest.h>

using namespace sl;

TEST(WithForecast, SameTableAsARebuild) {
  model::Dataset d;
  d.regions = {{1, "公司", 0, 0}};
  d.reps = {{7, "甲", 1, 0, from_ymd(2020, 1, 1), std::nullopt, "E7"},
            {8, "乙", 1, 0, from_ymd(2020, 1, 1), std::nullopt, "E8"}};
  d.forecasts = {{1, Month::of(2026, 6), 7, 100, 500}, {2, Month::of(2026, 7), 7, 90, 400},
                 {3, Month::of(2026, 6), 8, 70, 300}};
  auto s = engine::build_snapshot(d, 1);
  const std::vector<model::Forecast> added = {{4, Month::of(2026, 6), 7, 110, 600},   // after rep 7's June
                                              {5, Month::of(2026, 6), 8, 60, 300},    // same second: after id 3
                                              {6, Month::of(2026, 5), 8, 50, 900}};  // before rep 8's June
  auto next = s;
  int64_t version = 1;
  for (const auto& f : added) {
    next = engine::with_forecast(*next, f, ++version);
    ASSERT_TRUE(next);
    d.forecasts.push_back(f);
  }
  EXPECT_EQ(next->version, 4);
  auto rebuilt = engine::build_snapshot(d, 4);
  const auto &a = next->facts->forecasts, &b = rebuilt->facts->forecasts;
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a.rep[i], b.rep[i]) << i;
    EXPECT_EQ(a.month[i], b.month[i]) << i;
    EXPECT_EQ(a.value[i], b.value[i]) << i;
    EXPECT_EQ(a.submitted_at[i], b.submitted_at[i]) << i;
  }
  EXPECT_EQ(s->facts->forecasts.size(), 3u);  // the earlier Snapshot is untouched
  EXPECT_FALSE(engine::with_forecast(*s, {9, Month::of(2026, 6), 99, 1, 1}, 9));
}
