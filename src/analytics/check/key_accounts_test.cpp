// C3 key-account watch on a hand-made fixture, as of 2026-06-15 (trailing 12 months
// 2025-06-16..2026-06-15, the year before 2024-06-16..2025-06-15).
#include "analytics/check/key_accounts.h"

#include <gtest/gtest.h>

#include "analytics/check/check_fixture_test_util.h"

using namespace sl;
using namespace sl::check_test;

namespace {

// c1: 2024-07-01 1000, 2025-07-01 100, 2025-08-01 100 → t12 200, before 1000, YoY −80%
//     (decline); gaps 365 and 31, median 198, 318 days since the last ≤ 396: no gap.
// c2: one contract 2026-06-01 1000 → no median gap, no YoY: not flagged.
// c3: 2026-01-01, -11, -21 at 300 → gaps 10, 10, median 10; 145 days since > 20: gap.
// c4: 10 on 2026-06-10. Trailing sums c2 1000, c3 900, c1 200, c4 10 (total 2110); with A
// at 95%: c2 (0 above), c3 (1000), c1 (1900 = 90%) are A; c4 (2100 = 99.5%) is B.
std::shared_ptr<const engine::Snapshot> snapshot() {
  auto d = org();
  d.contracts = {contract(1, 1, 10, "2024-07-01", 1000), contract(2, 1, 10, "2025-07-01", 100),
                 contract(3, 1, 10, "2025-08-01", 100),  contract(4, 2, 10, "2026-06-01", 1000),
                 contract(5, 3, 11, "2026-01-01", 300),  contract(6, 3, 11, "2026-01-11", 300),
                 contract(7, 3, 11, "2026-01-21", 300),  contract(8, 4, 10, "2026-06-10", 10)};
  return engine::build_snapshot(d, 1);
}

}  // namespace

TEST(C3KeyAccounts, GapDeclineAndOneContract) {
  auto s = snapshot();
  const auto all = engine::scope_all(*s->dims);
  const Date as_of = D("2026-06-15");
  auto classes = analytics::pareto(*s, all, {as_of, 95, 100});
  auto ka = analytics::key_accounts(*s, all, {as_of}, classes);
  ASSERT_EQ(ka.size(), 3u);
  // At-risk first, by trailing sales: c3 (gap), c1 (decline), then c2.
  EXPECT_EQ(ka[0].customer, 2);
  EXPECT_TRUE(ka[0].risk.gap);
  EXPECT_FALSE(ka[0].risk.decline);
  EXPECT_DOUBLE_EQ(*ka[0].risk.median_gap, 10);
  EXPECT_EQ(ka[0].risk.days_since_last, 145);
  EXPECT_FALSE(ka[0].risk.yoy.has_value());
  EXPECT_EQ(ka[1].customer, 0);
  EXPECT_FALSE(ka[1].risk.gap);
  EXPECT_TRUE(ka[1].risk.decline);
  EXPECT_DOUBLE_EQ(*ka[1].risk.median_gap, 198);
  EXPECT_EQ(ka[1].risk.days_since_last, 318);
  EXPECT_EQ(ka[1].t12m, 200);
  EXPECT_EQ(ka[1].t12m_prev, 1000);
  EXPECT_DOUBLE_EQ(*ka[1].risk.yoy, -0.8);
  EXPECT_EQ(ka[1].contracts, 3);
  EXPECT_EQ(ka[2].customer, 1);
  EXPECT_FALSE(ka[2].risk.at_risk());
  EXPECT_FALSE(ka[2].risk.median_gap.has_value());  // one contract: no gap to compare
  EXPECT_EQ(ka[2].contracts, 1);
}

TEST(C3KeyAccounts, RuleEdges) {
  const Date as_of = D("2026-06-15");
  // Exactly twice the median gap is not "more than": 2026-05-26 → 20 days, gaps 10.
  auto r =
      analytics::judge_key_account({D("2026-05-06").days, D("2026-05-16").days, D("2026-05-26").days}, as_of, 1, 1);
  EXPECT_EQ(r.days_since_last, 20);
  EXPECT_FALSE(r.gap);
  // A decline of exactly 30% is not "more than 30%".
  EXPECT_FALSE(analytics::judge_key_account({D("2026-06-01").days}, as_of, 700, 1000).decline);
  EXPECT_TRUE(analytics::judge_key_account({D("2026-06-01").days}, as_of, 699, 1000).decline);
}

TEST(C3KeyAccounts, ScopeReadsOnlyItsReps) {
  // 华南 (rep 11) sees c3 only: it is its whole class A.
  auto s = snapshot();
  const auto south = engine::scope_region(*s->dims, s->dims->find_region(3));
  auto classes = analytics::pareto(*s, south, {D("2026-06-15")});
  auto ka = analytics::key_accounts(*s, south, {D("2026-06-15")}, classes);
  ASSERT_EQ(ka.size(), 1u);
  EXPECT_EQ(ka[0].customer, 2);
}
