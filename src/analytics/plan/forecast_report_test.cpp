// P5 accuracy, ranking and the by-month table on the hand-worked fixture.
#include "analytics/plan/forecast_report.h"

#include <gtest/gtest.h>

#include "analytics/plan/forecast_fixture_test_util.h"

using namespace sl;
using namespace sl::analytics;
using plan_test::D;

namespace {

const ForecastMonth& month_of(const ForecastReport& r, int y, int m) {
  for (const auto& x : r.months)
    if (x.month == Month::of(y, m)) return x;
  throw std::runtime_error("no such month");
}

}  // namespace

TEST(ForecastReport, RanksRepsOverTheTrailingSixCompleteMonths) {
  auto s = engine::build_snapshot(plan_test::forecasts(), 1);
  const auto& d = *s->dims;
  auto r = forecast_report(*s, engine::scope_all(d), {D("2026-06-15")});
  EXPECT_EQ(r.first, Month::of(2025, 12));
  EXPECT_EQ(r.last, Month::of(2026, 5));
  // Rep 13 left before December, rep 12 came in June: neither is judged.
  ASSERT_EQ(r.ranking.size(), 2u);
  // Rep 10: (A, F) = (100, 80), (300, 360) — the late 999 does not count: WAPE 80/400.
  EXPECT_EQ(r.ranking[0].rep, d.find_rep(10));
  EXPECT_EQ(r.ranking[0].rank, 1);
  EXPECT_DOUBLE_EQ(*r.ranking[0].acc.wape, 0.2);
  EXPECT_DOUBLE_EQ(*r.ranking[0].acc.accuracy, 0.8);
  EXPECT_DOUBLE_EQ(*r.ranking[0].acc.bias, 0.1);
  EXPECT_STREQ(bias_label(r.ranking[0].acc.bias), "over_promising");
  // Rep 11: (200, 500): WAPE 1.5, accuracy floored at 0.
  EXPECT_EQ(r.ranking[1].rank, 2);
  EXPECT_DOUBLE_EQ(*r.ranking[1].acc.wape, 1.5);
  EXPECT_DOUBLE_EQ(*r.ranking[1].acc.accuracy, 0.0);
  // Company: Σ|A − F| = 20 + 60 + 300 = 380 over ΣA = 600; bias (−20 + 60 + 300) / 600.
  EXPECT_DOUBLE_EQ(*r.overall.wape, 380.0 / 600);
  EXPECT_DOUBLE_EQ(*r.overall.accuracy, 1 - 380.0 / 600);
  EXPECT_DOUBLE_EQ(*r.overall.bias, 340.0 / 600);
  EXPECT_EQ(r.forecast, 940);
  EXPECT_EQ(r.actual, 600);
}

TEST(ForecastReport, ByMonthForecastTargetActual) {
  auto s = engine::build_snapshot(plan_test::forecasts(), 1);
  auto r = forecast_report(*s, engine::scope_all(*s->dims), {D("2026-06-15")});
  // 12 complete months to May, then June and three more.
  ASSERT_EQ(r.months.size(), 16u);
  EXPECT_EQ(r.months.front().month, Month::of(2025, 6));
  EXPECT_EQ(r.months.back().month, Month::of(2026, 9));
  const auto& may = month_of(r, 2026, 5);
  EXPECT_TRUE(may.complete);
  EXPECT_EQ(*may.forecast, 860);
  EXPECT_EQ(may.forecasters, 2);
  EXPECT_EQ(may.actual, 500);
  EXPECT_EQ(*may.target, 1000);
  EXPECT_DOUBLE_EQ(*may.acc.wape, 360.0 / 500);
  EXPECT_DOUBLE_EQ(*may.acc.accuracy, 1 - 360.0 / 500);
  const auto& jun = month_of(r, 2026, 6);
  EXPECT_FALSE(jun.complete);
  EXPECT_EQ(*jun.forecast, 150);  // rep 10's 70 came after the lock
  EXPECT_EQ(jun.actual, 50);
  EXPECT_FALSE(jun.acc.accuracy);  // not judged before the month is over
  EXPECT_FALSE(jun.target);
  // July's forecast came on 20 June: after as_of, not yet known.
  EXPECT_FALSE(month_of(r, 2026, 7).forecast);
  EXPECT_FALSE(month_of(r, 2025, 6).forecast);
}

TEST(ForecastReport, ScopeOwnsTheTarget) {
  auto s = engine::build_snapshot(plan_test::forecasts(), 1);
  const auto& d = *s->dims;
  auto east = forecast_report(*s, engine::scope_region(d, d.find_region(2)), {D("2026-06-15")});
  ASSERT_EQ(east.ranking.size(), 1u);  // rep 10 only
  EXPECT_EQ(*month_of(east, 2026, 5).target, 450);
  EXPECT_EQ(month_of(east, 2026, 5).actual, 300);
  auto rep = forecast_report(*s, engine::scope_rep(d, d.find_rep(10)), {D("2026-06-15")});
  EXPECT_EQ(*month_of(rep, 2026, 5).target, 320);
  EXPECT_DOUBLE_EQ(*rep.overall.accuracy, 0.8);
}

TEST(ForecastReport, AnEarlierAsOfReadsWhatWasKnown) {
  auto s = engine::build_snapshot(plan_test::forecasts(), 1);
  // On 31 May, May is complete (its last day).
  auto r = forecast_report(*s, engine::scope_all(*s->dims), {D("2026-05-31")});
  EXPECT_EQ(r.last, Month::of(2026, 5));
  // June's 150 came on 30 May: known; July's not.
  EXPECT_EQ(*month_of(r, 2026, 6).forecast, 150);
  auto r2 = forecast_report(*s, engine::scope_all(*s->dims), {D("2026-05-30")});
  EXPECT_EQ(r2.last, Month::of(2026, 4));
  EXPECT_FALSE(month_of(r2, 2026, 5).acc.accuracy);
  // Window November to April: rep 13 (left 30 Nov) is listed, unranked like rep 11 (no forecast in it).
  ASSERT_EQ(r2.ranking.size(), 3u);
  EXPECT_EQ(r2.ranking[0].rank, 1);
  EXPECT_DOUBLE_EQ(*r2.ranking[0].acc.accuracy, 0.8);  // rep 10, April: 1 − 20/100
  EXPECT_EQ(r2.ranking[1].rank, 0);
  EXPECT_EQ(r2.ranking[2].rank, 0);
}

TEST(ForecastReport, BiasLabels) {
  EXPECT_STREQ(bias_label(0.2), "over_promising");
  EXPECT_STREQ(bias_label(-0.1), "sandbagging");
  EXPECT_STREQ(bias_label(0.0), "even");
  EXPECT_EQ(bias_label(std::nullopt), nullptr);
}
