// C1 aging on a hand-made fixture; the expected values are worked out in the comments.
#include "analytics/check/aging.h"

#include <gtest/gtest.h>

#include "analytics/check/check_fixture_test_util.h"

using namespace sl;
using namespace sl::check_test;

namespace {

std::shared_ptr<const engine::Snapshot> snapshot() {
  auto d = org();
  d.contracts = {
      // 1000 in three instalments; 500 paid on 02-10 covers the first (400) and 100 of the
      // second: 200 of the 05-01 instalment is overdue by 45 days (31–60); 07-01 not due.
      contract(1, 1, 10, "2026-01-01", 1000, {{D("2026-02-01"), 400}, {D("2026-05-01"), 300}, {D("2026-07-01"), 300}}),
      // Nothing paid by as_of (the payment on 06-20 is later): 2025-07-01 is 349 days and
      // 2025-12-01 196 days past due, both > 180.
      contract(2, 2, 10, "2025-06-01", 2000, {{D("2025-07-01"), 1000}, {D("2025-12-01"), 1000}}),
      // Due on as_of itself: 0 days past due, not overdue (still receivable).
      contract(3, 3, 11, "2026-06-01", 300, {{D("2026-06-15"), 300}}),
      contract(4, 4, 11, "2026-03-01", 600, {{D("2026-04-01"), 600}}),  // paid in full
      contract(5, 5, 10, "2026-06-16", 999, {{D("2026-06-01"), 999}}),  // signed after as_of
      contract(6, 6, 11, "2026-05-01", 100, {{D("2026-05-20"), 100}}),  // 26 days: 1–30
  };
  d.payments = {{1, 1, D("2026-02-10"), 500}, {2, 2, D("2026-06-20"), 2000}, {3, 4, D("2026-04-01"), 600}};
  return engine::build_snapshot(d, 1);
}

}  // namespace

TEST(C1Aging, CompanyBuckets) {
  auto s = snapshot();
  auto r = analytics::receivables_aging(*s, engine::scope_all(*s->dims), {D("2026-06-15")});
  EXPECT_EQ(r.receivable, 500 + 2000 + 300 + 0 + 100);
  EXPECT_EQ(r.buckets[0].items, 1);
  EXPECT_EQ(r.buckets[0].amount, 100);
  EXPECT_EQ(r.buckets[1].items, 1);
  EXPECT_EQ(r.buckets[1].amount, 200);
  EXPECT_EQ(r.buckets[2].amount, 0);
  EXPECT_EQ(r.buckets[3].amount, 0);
  EXPECT_EQ(r.buckets[4].items, 2);
  EXPECT_EQ(r.buckets[4].amount, 2000);
  EXPECT_EQ(r.overdue, 2300);
  EXPECT_EQ(r.buckets[3].min_days, 91);
  EXPECT_EQ(r.buckets[3].max_days, 180);
}

TEST(C1Aging, ManagerSeesOwnSubtreeOnly) {
  auto s = snapshot();
  auto r = analytics::receivables_aging(*s, engine::scope_region(*s->dims, s->dims->find_region(2)), {D("2026-06-15")});
  EXPECT_EQ(r.receivable, 2500);  // contracts 1 and 2 (rep 10)
  EXPECT_EQ(r.buckets[0].amount, 0);
  EXPECT_EQ(r.buckets[1].amount, 200);
  EXPECT_EQ(r.overdue, 2200);
}

TEST(C1Aging, BucketEdges) {
  EXPECT_EQ(analytics::aging_bucket(1), 0);
  EXPECT_EQ(analytics::aging_bucket(30), 0);
  EXPECT_EQ(analytics::aging_bucket(31), 1);
  EXPECT_EQ(analytics::aging_bucket(90), 2);
  EXPECT_EQ(analytics::aging_bucket(180), 3);
  EXPECT_EQ(analytics::aging_bucket(181), 4);
}

// The Snapshot's settled day, which lets aging skip paid-up contracts: the last payment's
// day when the payments add up to the amount, never otherwise.
TEST(C1Aging, SettledDay) {
  auto s = snapshot();
  const auto& k = s->facts->contracts;                         // rows in id order: contract n at n − 1
  EXPECT_EQ(k.settled_day[3], D("2026-04-01").days);           // contract 4: 600 of 600 on 04-01
  EXPECT_EQ(k.settled_day[1], D("2026-06-20").days);           // contract 2: 2000 of 2000, after as_of
  EXPECT_EQ(k.settled_day[0], engine::ContractTable::kNever);  // 500 of 1000
  EXPECT_EQ(k.settled_day[2], engine::ContractTable::kNever);  // nothing paid
  EXPECT_TRUE(k.settled_by(3, D("2026-06-15").days));
  EXPECT_FALSE(k.settled_by(1, D("2026-06-15").days));  // as of 06-15 it is still 2000 overdue
}
