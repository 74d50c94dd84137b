// C3 churn reasons on a hand-made fixture, as of 2026-06-15.
#include "analytics/check/churn_reasons.h"

#include <gtest/gtest.h>

#include "analytics/check/check_fixture_test_util.h"

using namespace sl;
using namespace sl::check_test;

namespace {

// Lost: c1 价格 (制造, large, 上海 → 华东), c2 价格 (零售, small, 广东 → 华南), c3 竞品 (制造, 上海),
// c4 价格 but never sold to, c6 竞品 sold to only after as_of. c5 not lost.
std::shared_ptr<const engine::Snapshot> snapshot() {
  auto d = org();
  d.customers[0].lost_reason = "价格";
  d.customers[1].lost_reason = "价格", d.customers[1].industry = "零售",
  d.customers[1].size = model::CustomerSize::small, d.customers[1].region = 5;
  d.customers[2].lost_reason = "竞品";
  d.customers[3].lost_reason = "价格";
  d.customers[5].lost_reason = "竞品";
  d.contracts = {contract(1, 1, 10, "2025-01-01", 100), contract(2, 1, 10, "2025-03-01", 50),
                 contract(3, 2, 11, "2025-02-01", 70),  contract(4, 3, 10, "2025-04-01", 30),
                 contract(5, 5, 10, "2025-04-01", 30),  contract(6, 6, 10, "2026-06-16", 30)};
  return engine::build_snapshot(d, 1);
}

}  // namespace

TEST(C3ChurnReasons, ByReasonAndDimension) {
  auto s = snapshot();
  auto r = analytics::churn_reasons(*s, engine::scope_all(*s->dims), {D("2026-06-15")});
  EXPECT_EQ(r.customers, 3);
  ASSERT_EQ(r.reasons.size(), 2u);
  EXPECT_EQ(r.reasons[0].reason, "价格");
  EXPECT_EQ(r.reasons[0].code, "price");
  EXPECT_EQ(r.reasons[0].customers, 2);
  EXPECT_EQ(r.reasons[0].amount, 220);
  EXPECT_EQ(r.reasons[1].code, "competitor");
  EXPECT_EQ(r.reasons[1].customers, 1);
  ASSERT_EQ(r.industry.rows.size(), 2u);
  EXPECT_EQ(r.industry.rows[0], "制造");
  EXPECT_EQ(r.industry.counts[0], (std::vector<int64_t>{1, 1}));
  EXPECT_EQ(r.industry.counts[1], (std::vector<int64_t>{1, 0}));
  ASSERT_EQ(r.size.rows.size(), 2u);
  EXPECT_EQ(r.size.rows[0], "large");
  EXPECT_EQ(r.size.rows[1], "small");
  ASSERT_EQ(r.region.rows.size(), 2u);
  EXPECT_EQ(r.region.rows[0], "华东");
  EXPECT_EQ(r.region.counts[0], (std::vector<int64_t>{1, 1}));
  EXPECT_EQ(r.region.rows[1], "华南");
}

TEST(C3ChurnReasons, ScopeAndUnknownReason) {
  auto s = snapshot();
  // 华南 sold to c2 only.
  auto r = analytics::churn_reasons(*s, engine::scope_region(*s->dims, s->dims->find_region(3)), {D("2026-06-15")});
  EXPECT_EQ(r.customers, 1);
  EXPECT_EQ(analytics::churn_response_code("搬迁"), std::string("other"));
}
