// C1 sales review on a hand-made fixture (as_of 2026-06-15, period 2026-Q2); the expected
// values are worked out in the comments.
#include "analytics/check/review.h"

#include <gtest/gtest.h>

#include "analytics/check/check_fixture_test_util.h"

using namespace sl;
using namespace sl::check_test;

namespace {

// Q2 2026 read through 06-15: window 04-01..06-15; a year earlier 2025-04-01..2025-06-15.
std::shared_ptr<const engine::Snapshot> snapshot() {
  auto d = org();
  d.customers[3].industry = "零售";  // customer 4
  d.customers[3].owner_rep = 11;
  d.contracts = {
      // 300 + 200 paid; 500 of the 05-10 instalment overdue by 36 days (31–60).
      contract(1, 1, 10, "2026-04-10", 1000, {{D("2026-05-10"), 1000}}),
      contract(2, 2, 10, "2025-04-05", 2000, {{D("2025-05-05"), 2000}}),  // paid 2025-05-01
      contract(3, 3, 11, "2026-05-20", 600, {{D("2026-07-01"), 600}}),    // receivable, not due
      // Paid only after as_of: 400 overdue by 165 days (91–180).
      contract(4, 4, 11, "2025-12-01", 400, {{D("2026-01-01"), 400}}),
      contract(5, 2, 10, "2026-06-20", 999, {{D("2026-06-30"), 999}}),  // after as_of
      contract(6, 5, 11, "2025-06-10", 800, {{D("2025-06-10"), 800}}),  // paid 2025-06-30
  };
  d.payments = {{1, 1, D("2026-04-20"), 300},
                {2, 1, D("2026-06-01"), 200},
                {3, 2, D("2025-05-01"), 2000},
                {4, 4, D("2026-06-20"), 400},
                {5, 6, D("2025-06-30"), 800}};
  return engine::build_snapshot(d, 1);
}

analytics::ReviewParams params() { return {*parse_period("2026-Q2"), D("2026-06-15"), {}}; }

}  // namespace

TEST(C1Review, PeriodTotalsAgainstLastYear) {
  auto s = snapshot();
  auto r = analytics::sales_review(*s, engine::scope_all(*s->dims), params());
  EXPECT_EQ(r.totals.sales, 1600);       // contracts 1 and 3
  EXPECT_EQ(r.totals.collections, 500);  // 04-20 and 06-01
  EXPECT_DOUBLE_EQ(*r.totals.collection_rate, 500.0 / 1600);
  EXPECT_EQ(r.totals.sales_last_year, 2800);        // contracts 2 and 6
  EXPECT_EQ(r.totals.collections_last_year, 2000);  // 2025-06-30 is after 2025-06-15
  EXPECT_DOUBLE_EQ(*r.totals.sales_yoy, (1600.0 - 2800) / 2800);
  EXPECT_DOUBLE_EQ(*r.totals.collections_yoy, -0.75);
}

TEST(C1Review, MonthlyTrendThisYearAndLast) {
  auto s = snapshot();
  auto r = analytics::sales_review(*s, engine::scope_all(*s->dims), params());
  ASSERT_EQ(r.trend.size(), 12u);
  EXPECT_EQ(r.trend_year, 2026);
  EXPECT_EQ(*r.trend[3].sales, 1000);
  EXPECT_EQ(*r.trend[3].collections, 300);
  EXPECT_DOUBLE_EQ(*r.trend[3].collection_rate, 0.3);
  EXPECT_EQ(*r.trend[4].sales, 600);
  EXPECT_DOUBLE_EQ(*r.trend[4].collection_rate, 0);
  EXPECT_EQ(*r.trend[5].sales, 0);  // contract 5 is after as_of
  EXPECT_EQ(*r.trend[5].collections, 200);
  EXPECT_FALSE(r.trend[5].collection_rate);  // no sales: no rate
  EXPECT_FALSE(r.trend[6].sales);            // July: after as_of's month
  EXPECT_EQ(r.trend[3].sales_last_year, 2000);
  EXPECT_EQ(r.trend[4].collections_last_year, 2000);
  EXPECT_EQ(r.trend[5].collections_last_year, 800);  // last year's months are whole
  EXPECT_EQ(r.trend[11].sales_last_year, 400);
}

TEST(C1Review, CohortCollection) {
  auto s = snapshot();
  auto r = analytics::sales_review(*s, engine::scope_all(*s->dims), params());
  EXPECT_EQ(r.cohort.signed_amount, 1600);
  EXPECT_EQ(r.cohort.collected, 500);
  EXPECT_DOUBLE_EQ(*r.cohort.share, 0.3125);
  ASSERT_EQ(r.cohorts.size(), 12u);  // 2025-07 .. 2026-06
  EXPECT_EQ(format_month(r.cohorts[0].month), "2025-07");
  const auto& dec = r.cohorts[5];  // contract 4: nothing collected by as_of, 7 month-ends
  EXPECT_EQ(dec.signed_amount, 400);
  EXPECT_DOUBLE_EQ(*dec.share, 0);
  EXPECT_EQ(dec.curve.size(), 7u);
  const auto& apr = r.cohorts[9];  // 300 in April, 200 in June
  EXPECT_EQ(apr.collected, 500);
  ASSERT_EQ(apr.curve.size(), 3u);
  EXPECT_DOUBLE_EQ(apr.curve[0], 0.3);
  EXPECT_DOUBLE_EQ(apr.curve[1], 0.3);
  EXPECT_DOUBLE_EQ(apr.curve[2], 0.5);
  EXPECT_FALSE(r.cohorts[11].share);  // June: nothing signed by as_of
  EXPECT_TRUE(r.cohorts[11].curve.empty());
  EXPECT_FALSE(r.cohorts[0].share);
}

TEST(C1Review, ReceivablesAgingAndDso) {
  auto s = snapshot();
  auto r = analytics::sales_review(*s, engine::scope_all(*s->dims), params());
  EXPECT_EQ(r.aging.receivable, 500 + 600 + 400);
  EXPECT_EQ(r.aging.overdue, 900);
  EXPECT_EQ(r.aging.buckets[1].amount, 500);
  EXPECT_EQ(r.aging.buckets[3].amount, 400);
  EXPECT_EQ(r.sales_90d, 1600);  // 2026-03-18 .. 06-15
  EXPECT_DOUBLE_EQ(*r.dso, 1500.0 * 90 / 1600);
  EXPECT_FALSE(analytics::dso_days(100, 0));
}

TEST(C1Review, BlockersLargestFirst) {
  auto s = snapshot();
  auto r = analytics::sales_review(*s, engine::scope_all(*s->dims), params());
  ASSERT_EQ(r.customers.size(), 2u);
  EXPECT_EQ(r.customers[0].id, 1);
  EXPECT_EQ(r.customers[0].figures.overdue, 500);
  EXPECT_EQ(r.customers[0].figures.max_days, 36);
  EXPECT_EQ(r.customers[0].owner, 10);
  EXPECT_EQ(r.customers[0].region, "上海");
  EXPECT_DOUBLE_EQ(r.customers[0].share, 500.0 / 900);
  EXPECT_EQ(r.customers[1].id, 4);
  EXPECT_EQ(r.customers[1].owner, 11);
  EXPECT_EQ(r.customers[1].figures.max_days, 165);
  ASSERT_EQ(r.reps.size(), 2u);
  EXPECT_EQ(r.reps[0].id, 10);
  EXPECT_EQ(r.reps[1].id, 11);
  EXPECT_EQ(r.reps[1].figures.receivable, 1000);  // contracts 3 and 4
  ASSERT_EQ(r.regions.size(), 2u);
  EXPECT_EQ(r.regions[0].name, "华东");
  EXPECT_EQ(r.regions[1].figures.overdue, 400);
}

TEST(C1Review, ScopesAndCustomerFilter) {
  auto s = snapshot();
  const auto& d = *s->dims;
  auto m = analytics::sales_review(*s, engine::scope_region(d, d.find_region(2)), params());
  EXPECT_EQ(m.aging.receivable, 500);
  EXPECT_EQ(m.totals.sales, 1000);
  ASSERT_EQ(m.regions.size(), 1u);
  EXPECT_EQ(m.regions[0].figures.overdue, 500);
  auto rep = analytics::sales_review(*s, engine::scope_rep(d, d.find_rep(11)), params());
  EXPECT_EQ(rep.aging.overdue, 400);
  EXPECT_EQ(rep.reps.size(), 1u);
  EXPECT_TRUE(rep.regions.empty());  // a rep's book has no region totals
  auto p = params();
  analytics::DoFilter f;
  f.industry = "零售";
  p.filter = analytics::row_filter(*s, f);
  auto retail = analytics::sales_review(*s, engine::scope_all(d), p);
  EXPECT_EQ(retail.aging.receivable, 400);
  EXPECT_EQ(retail.totals.sales, 0);
  EXPECT_EQ(retail.cohorts[5].signed_amount, 400);
  ASSERT_EQ(retail.customers.size(), 1u);
  EXPECT_EQ(retail.customers[0].id, 4);
}

TEST(C1Review, FuturePeriodIsEmpty) {
  auto s = snapshot();
  auto p = params();
  p.period = *parse_period("2026-Q4");
  auto r = analytics::sales_review(*s, engine::scope_all(*s->dims), p);
  EXPECT_EQ(r.totals.sales, 0);
  EXPECT_FALSE(r.totals.collection_rate);
  EXPECT_EQ(r.cohort.signed_amount, 0);
  EXPECT_EQ(format_month(r.cohorts.back().month), "2026-06");  // cohorts end with as_of's month
  EXPECT_EQ(r.aging.overdue, 900);                             // receivables are as of as_of whatever the period
}
