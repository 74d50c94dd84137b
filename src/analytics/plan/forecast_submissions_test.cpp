// P5 填报: counted and latest submissions of a month, who has not submitted, the lock boundary.
#include "analytics/plan/forecast_submissions.h"

#include <gtest/gtest.h>

#include "analytics/plan/forecast_fixture_test_util.h"

using namespace sl;
using namespace sl::analytics;
using plan_test::at;
using plan_test::D;

TEST(ForecastSubmissions, CountedLatestAndMissing) {
  auto s = engine::build_snapshot(plan_test::forecasts(), 1);
  const auto& d = *s->dims;
  auto m = forecast_submissions(*s, engine::scope_all(d), Month::of(2026, 6));
  EXPECT_EQ(m.lock_at, at("2026-06-03", 0));
  // Reps 10, 11, 12 were employed in June; rep 13 had left and never submitted: not listed.
  ASSERT_EQ(m.rows.size(), 3u);
  EXPECT_EQ(m.employed, 3);
  EXPECT_EQ(m.submitted, 1);
  const auto& r10 = m.rows[0];
  EXPECT_EQ(r10.rep, d.find_rep(10));
  EXPECT_FALSE(r10.counted);  // 70 came at 10:00 on the lock day
  EXPECT_EQ(*r10.latest, 70);
  EXPECT_EQ(r10.latest_at, at("2026-06-03", 10));
  EXPECT_EQ(r10.submissions, 1);
  EXPECT_EQ(*m.rows[1].counted, 150);
  EXPECT_EQ(m.counted_total, 150);
  EXPECT_EQ(m.not_submitted, (std::vector<int32_t>{d.find_rep(10), d.find_rep(12)}));
  auto may = forecast_submissions(*s, engine::scope_all(d), Month::of(2026, 5));
  EXPECT_EQ(*may.rows[0].counted, 360);
  EXPECT_EQ(*may.rows[0].latest, 999);
  EXPECT_EQ(may.rows[0].submissions, 2);
  EXPECT_EQ(*may.rows[0].target, 320);
}

TEST(ForecastSubmissions, ScopeHoldsOnlyWhatTheCallerSees) {
  auto s = engine::build_snapshot(plan_test::forecasts(), 1);
  const auto& d = *s->dims;
  auto rep = forecast_submissions(*s, engine::scope_rep(d, d.find_rep(11)), Month::of(2026, 6));
  ASSERT_EQ(rep.rows.size(), 1u);
  EXPECT_EQ(rep.rows[0].rep, d.find_rep(11));
  EXPECT_TRUE(rep.not_submitted.empty());
  auto south = forecast_submissions(*s, engine::scope_region(d, d.find_region(3)), Month::of(2026, 6));
  EXPECT_EQ(south.rows.size(), 1u);
  auto east = forecast_submissions(*s, engine::scope_region(d, d.find_region(2)), Month::of(2026, 6));
  EXPECT_EQ(east.not_submitted.size(), 2u);  // reps 10 and 12
}

TEST(ForecastLock, DayTwoIsOpenDayThreeIsLocked) {
  const Month june = Month::of(2026, 6);
  EXPECT_TRUE(forecast_open(june, D("2026-06-02")));
  EXPECT_FALSE(forecast_open(june, D("2026-06-03")));
  EXPECT_FALSE(forecast_open(june, D("2026-06-30")));
  EXPECT_TRUE(forecast_open(Month::of(2026, 7), D("2026-06-30")));
  EXPECT_TRUE(forecast_open(june, D("2026-06-04"), 5));  // another lock day
  EXPECT_FALSE(forecast_open(june, D("2026-06-05"), 5));
  // The server's clock on a pinned day 2 is before the lock whatever the real time of day.
  for (int64_t real : {int64_t{0}, int64_t{1780000000}, int64_t{1780043199}}) {
    const int64_t now = server_now(D("2026-06-02"), real);
    EXPECT_GE(now, at("2026-06-02", 0));
    EXPECT_LT(now, forecast_lock_at(june));
  }
  // 2026-06-02 15:59:59 UTC is 23:59:59 in Beijing on the 2nd: the real clock on that date.
  EXPECT_EQ(server_now(D("2026-06-02"), at("2026-06-02", 23) + 3599), at("2026-06-02", 23) + 3599);
}
