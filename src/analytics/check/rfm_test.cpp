// C2 RFM on a hand-made fixture (as_of 2026-06-15, window 2025-06-16..2026-06-15).
#include "analytics/check/rfm.h"

#include <gtest/gtest.h>

#include "analytics/check/check_fixture_test_util.h"

using namespace sl;
using namespace sl::check_test;

namespace {

// c1: R 5, F 2, M 800 · c2: R 365 (06-15 is one day before the window), F 0, M 0 ·
// c3: R 106 (Mar 1 → Jun 15), F 1, M 100 · c4: R 0, F 3, M 2300 · c5, c6: no contract.
// Means: R 476/4 = 119, F 6/4 = 1.5, M 3200/4 = 800.
std::shared_ptr<const engine::Snapshot> snapshot() {
  auto d = org();
  d.contracts = {contract(1, 1, 10, "2026-06-10", 500),  contract(2, 1, 10, "2026-01-10", 300),
                 contract(3, 2, 10, "2025-06-15", 1000), contract(4, 3, 11, "2026-03-01", 100),
                 contract(5, 4, 11, "2026-06-15", 2000), contract(6, 4, 11, "2025-12-01", 200),
                 contract(7, 4, 11, "2025-07-01", 100)};
  return engine::build_snapshot(d, 1);
}

const analytics::RfmCustomer& find(const analytics::RfmResult& r, int32_t index) {
  for (const auto& c : r.customers)
    if (c.customer == index) return c;
  throw std::runtime_error("customer not scored");
}

}  // namespace

TEST(C2Rfm, SegmentsAgainstTheMean) {
  auto s = snapshot();
  auto r = analytics::rfm(*s, engine::scope_all(*s->dims), {D("2026-06-15"), 365, false});
  ASSERT_EQ(r.customers.size(), 4u);
  EXPECT_DOUBLE_EQ(r.threshold_r, 119);
  EXPECT_DOUBLE_EQ(r.threshold_f, 1.5);
  EXPECT_DOUBLE_EQ(r.threshold_m, 800);
  EXPECT_EQ(find(r, 0).recency, 5);
  EXPECT_EQ(find(r, 0).frequency, 2);
  EXPECT_EQ(find(r, 0).monetary, 800);
  EXPECT_EQ(find(r, 0).segment, analytics::kGeneralValue);   // M 800 is not above the mean 800
  EXPECT_EQ(find(r, 1).segment, analytics::kGeneralRetain);  // R 365, F 0, M 0
  EXPECT_EQ(find(r, 2).recency, 106);
  EXPECT_EQ(find(r, 2).segment, analytics::kGeneralDevelop);  // recent, F 1 and M 100 low
  EXPECT_EQ(find(r, 3).segment, analytics::kImportantValue);
  EXPECT_EQ(r.segments[analytics::kImportantValue].customers, 1);
  EXPECT_EQ(r.segments[analytics::kImportantValue].amount, 2300);
  EXPECT_EQ(r.segments[analytics::kGeneralValue].amount, 800);
  EXPECT_EQ(r.segments[analytics::kImportantDevelop].customers, 0);
}

TEST(C2Rfm, ManagerScopeRescoresItsOwnSet) {
  // 华南 sees rep 11 only: c3 and c4; means R 53, F 2, M 1200.
  auto s = snapshot();
  auto r = analytics::rfm(*s, engine::scope_region(*s->dims, s->dims->find_region(3)), {D("2026-06-15"), 365, false});
  ASSERT_EQ(r.customers.size(), 2u);
  EXPECT_EQ(find(r, 2).segment, analytics::kGeneralRetain);
  EXPECT_EQ(find(r, 3).segment, analytics::kImportantValue);
}

TEST(C2Rfm, MedianOption) {
  // Medians: R (5 + 106) / 2 = 55.5, F (1 + 2) / 2 = 1.5, M (100 + 800) / 2 = 450.
  auto s = snapshot();
  auto r = analytics::rfm(*s, engine::scope_all(*s->dims), {D("2026-06-15"), 365, true});
  EXPECT_DOUBLE_EQ(r.threshold_r, 55.5);
  EXPECT_DOUBLE_EQ(r.threshold_m, 450);
  EXPECT_EQ(r.segments[analytics::kImportantValue].customers, 2);  // c1, c4
  EXPECT_EQ(r.segments[analytics::kImportantValue].amount, 3100);
  EXPECT_EQ(r.segments[analytics::kGeneralRetain].customers, 2);  // c2, c3
}

TEST(C2Rfm, CustomerFilterRescoresTheFilteredSet) {
  // Only small customers c1 (R 5, F 2, M 800) and c4 (R 0, F 3, M 2300): means R 2.5, F 2.5,
  // M 1550 → c4 重要价值, c1 一般挽留 (R 5 is above the mean: not recent).
  auto d = org();
  d.customers[0].size = model::CustomerSize::small;
  d.customers[3].size = model::CustomerSize::small;
  d.contracts = {contract(1, 1, 10, "2026-06-10", 500),  contract(2, 1, 10, "2026-01-10", 300),
                 contract(3, 2, 10, "2025-06-15", 1000), contract(5, 4, 11, "2026-06-15", 2000),
                 contract(6, 4, 11, "2025-12-01", 200),  contract(7, 4, 11, "2025-07-01", 100)};
  auto s = engine::build_snapshot(d, 1);
  analytics::RfmParams p{D("2026-06-15"), 365, false};
  p.filter = analytics::row_filter(*s, {0, 0, "", "", "small"});
  auto r = analytics::rfm(*s, engine::scope_all(*s->dims), p);
  ASSERT_EQ(r.customers.size(), 2u);
  EXPECT_DOUBLE_EQ(r.threshold_m, 1550);
  EXPECT_EQ(find(r, 3).segment, analytics::kImportantValue);
  EXPECT_EQ(find(r, 0).segment, analytics::kGeneralRetain);
}

TEST(C2Rfm, RecencyIsGoodWhenLow) {
  // Two customers, same F and M: the one bought from 1 day ago is "R good", 100 days ago not.
  auto d = org();
  d.contracts = {contract(1, 1, 10, "2026-06-14", 100), contract(2, 2, 10, "2026-03-07", 100)};
  auto s = engine::build_snapshot(d, 1);
  auto r = analytics::rfm(*s, engine::scope_all(*s->dims), {D("2026-06-15"), 365, false});
  EXPECT_EQ(find(r, 0).recency, 1);
  EXPECT_EQ(find(r, 1).recency, 100);
  EXPECT_EQ(find(r, 0).segment, analytics::kGeneralDevelop);  // R good, F and M at the mean: not high
  EXPECT_EQ(find(r, 1).segment, analytics::kGeneralRetain);
}
