// P3 trend: created and sales by month per year, months after as_of absent, scope by rep.
#include "analytics/plan/opportunity_trend.h"

#include <gtest/gtest.h>

#include "analytics/plan/funnel_fixture_test_util.h"

using namespace sl;
using namespace sl::analytics;
using namespace sl::funnel_test;

TEST(OpportunityTrend, ThisYearAgainstPreviousYearsSameMonths) {
  model::Dataset d = check_test::org();
  d.contracts = {check_test::contract(1, 1, 10, "2024-03-05", 700), check_test::contract(2, 1, 10, "2026-03-09", 100),
                 check_test::contract(3, 1, 11, "2026-03-20", 50), check_test::contract(4, 1, 10, "2026-06-16", 9)};
  d.opportunities = {opp(1, 1, 10, 300, {{Stage::lead, "2025-03-01"}}), opp(2, 1, 10, 200, {{Stage::lead, "2026-03-02"}}),
                     opp(3, 1, 11, 500, {{Stage::lead, "2026-03-03"}}), opp(4, 1, 10, 900, {{Stage::lead, "2026-06-16"}})};
  auto s = engine::build_snapshot(d, 1);
  const auto all = opportunity_trend(*s, engine::scope_all(*s->dims), {D("2026-06-15"), {}});
  ASSERT_EQ(all.size(), 3u);  // 2024 (the first contract) … 2026
  EXPECT_EQ(all[0].year, 2024);
  EXPECT_EQ(*all[0].sales[2], 700);
  EXPECT_EQ(*all[0].created[2], 0);
  EXPECT_EQ(*all[1].created[2], 1);
  EXPECT_EQ(*all[1].created_amount[2], 300);
  EXPECT_EQ(*all[2].sales[2], 150);
  EXPECT_EQ(*all[2].created[2], 2);
  EXPECT_EQ(*all[2].created_amount[2], 700);
  EXPECT_EQ(*all[2].sales[5], 0);  // June through the 15th: the 06-16 contract is not yet
  EXPECT_EQ(*all[2].created[5], 0);
  EXPECT_FALSE(all[2].sales[6]);   // July 2026 has not come
  EXPECT_TRUE(all[1].sales[11]);
  const auto mine = opportunity_trend(*s, engine::scope_rep(*s->dims, s->dims->find_rep(11)), {D("2026-06-15"), {}});
  ASSERT_EQ(mine.size(), 3u);  // the same years for every caller
  EXPECT_EQ(*mine[2].sales[2], 50);
  EXPECT_EQ(*mine[2].created[2], 1);
  EXPECT_EQ(*mine[0].sales[2], 0);
}
