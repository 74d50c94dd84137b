// D1's at-risk customers on a hand-made fixture, as of 2026-06-15: the class A customers of
// the company (80 %) owned by the rep, judged by C3's rule (judge_key_account). Trailing 12
// months 2025-06-16..2026-06-15, the year before 2024-06-16..2025-06-15.
#include "analytics/do/at_risk.h"

#include <gtest/gtest.h>

#include "analytics/check/check_fixture_test_util.h"
#include "analytics/check/key_accounts.h"

using namespace sl;
using namespace sl::check_test;

namespace {

// c1: 2024-07-01 5000, 2025-07-01 1000, 2025-08-01 1000 → t12 2000, before 5000: −60 %
//     (decline); gaps 365, 31 → median 198; 318 days since the last ≤ 396: no gap.
// c2: one contract 2026-06-01 3000: no median gap, no YoY: not at risk.
// c3: 2026-01-01, -11, -21 at 1000 (signed by rep 11, owned by rep 10) → t12 3000; gaps 10,
//     10 → median 10; 145 days since the last > 20: gap.
// c4: 100 on 2026-06-10. c5 (owned by rep 11): 2026-01-01, -11 at 1000 → gap (155 > 20).
// Trailing sums: c2 3000, c3 3000, c1 2000, c5 2000, c4 100; total 10100, 80 % = 8080.
// Cumulative before each: c2 0, c3 3000, c1 6000, c5 8000 (all below 8080: class A), c4
// 10000 (not). Rep 10's at-risk list: c3 (3000) then c1 (2000); c5 is rep 11's.
std::shared_ptr<const engine::Snapshot> snapshot() {
  auto d = org();
  d.customers[4].owner_rep = 11;
  d.contracts = {contract(1, 1, 10, "2024-07-01", 5000), contract(2, 1, 10, "2025-07-01", 1000),
                 contract(3, 1, 10, "2025-08-01", 1000), contract(4, 2, 10, "2026-06-01", 3000),
                 contract(5, 3, 11, "2026-01-01", 1000), contract(6, 3, 11, "2026-01-11", 1000),
                 contract(7, 3, 11, "2026-01-21", 1000), contract(8, 4, 10, "2026-06-10", 100),
                 contract(9, 5, 11, "2026-01-01", 1000), contract(10, 5, 11, "2026-01-11", 1000)};
  return engine::build_snapshot(d, 1);
}

}  // namespace

TEST(D1AtRisk, ClassAOfTheOwnerByTheKeyAccountRule) {
  auto s = snapshot();
  const auto& f = *s->facts;
  const Date as_of = D("2026-06-15");
  const auto a = analytics::class_a_customers(f, as_of);
  const auto idx = [&](Id id) { return f.customer_index->find(id); };
  EXPECT_TRUE(a[idx(1)] && a[idx(2)] && a[idx(3)] && a[idx(5)]);
  EXPECT_FALSE(a[idx(4)]);

  const auto r = analytics::at_risk_customers(f, s->dims->find_rep(10), as_of);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].customer, idx(3));
  EXPECT_EQ(r[0].reasons, std::vector<std::string>{"gap"});
  EXPECT_EQ(r[0].days_since_last, 145);
  EXPECT_DOUBLE_EQ(*r[0].median_gap, 10);
  EXPECT_EQ(r[0].t12m, 3000);
  EXPECT_FALSE(r[0].yoy);  // nothing the year before
  EXPECT_EQ(r[1].customer, idx(1));
  EXPECT_EQ(r[1].reasons, std::vector<std::string>{"decline"});
  EXPECT_EQ(r[1].days_since_last, 318);
  EXPECT_DOUBLE_EQ(*r[1].median_gap, 198);
  EXPECT_EQ(r[1].t12m, 2000);
  EXPECT_EQ(r[1].t12m_prev, 5000);
  EXPECT_DOUBLE_EQ(*r[1].yoy, -0.6);

  // The one rule: C3's judgement of the same dates and sums says the same.
  const auto c1 = analytics::judge_key_account({D("2024-07-01").days, D("2025-07-01").days, D("2025-08-01").days},
                                               as_of, 2000, 5000);
  EXPECT_TRUE(c1.decline);
  EXPECT_FALSE(c1.gap);
  EXPECT_EQ(c1.median_gap, r[1].median_gap);

  const auto other = analytics::at_risk_customers(f, s->dims->find_rep(11), as_of);
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].customer, idx(5));
  EXPECT_EQ(other[0].reasons, std::vector<std::string>{"gap"});
}

// On the edge the rule is strict: exactly twice the median gap is not a gap, one day more is.
TEST(D1AtRisk, TwiceTheMedianGapIsNotYetAtRisk) {
  auto d = org();
  d.contracts = {contract(1, 1, 10, "2026-01-01", 1000), contract(2, 1, 10, "2026-01-11", 1000)};
  auto s = engine::build_snapshot(d, 1);
  const int32_t rep = s->dims->find_rep(10);
  EXPECT_TRUE(analytics::at_risk_customers(*s->facts, rep, D("2026-01-31")).empty());  // 20 days = 2 × 10
  const auto r = analytics::at_risk_customers(*s->facts, rep, D("2026-02-01"));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].reasons, std::vector<std::string>{"gap"});
}

// The profile's one-customer check (at_risk_customer) is its owner's list entry: c3 and c1
// (rep 10), c5 (rep 11), nothing for c2 (not at risk) and c4 (not class A: the customers above
// it cover 10000 ≥ 8080), on this fixture and at two other dates.
TEST(D1AtRisk, OneCustomerIsItsEntryInTheOwnersList) {
  auto s = snapshot();
  const auto& f = *s->facts;
  const auto idx = [&](Id id) { return f.customer_index->find(id); };
  const Date as_of = D("2026-06-15");
  EXPECT_EQ(analytics::at_risk_customer(f, idx(3), as_of)->reasons, std::vector<std::string>{"gap"});
  EXPECT_EQ(analytics::at_risk_customer(f, idx(1), as_of)->t12m_prev, 5000);
  EXPECT_EQ(analytics::at_risk_customer(f, idx(5), as_of)->days_since_last, 155);
  EXPECT_FALSE(analytics::at_risk_customer(f, idx(2), as_of));
  EXPECT_FALSE(analytics::at_risk_customer(f, idx(4), as_of));
  for (const char* day : {"2026-06-15", "2026-01-25", "2025-12-31"})
    for (Id id = 1; id <= 5; ++id) {
      const Date at = D(day);
      const int32_t c = idx(id);
      std::optional<analytics::AtRiskCustomer> in_list;
      for (auto& x : analytics::at_risk_customers(f, f.customers.owner[c], at))
        if (x.customer == c) in_list = x;
      const auto one = analytics::at_risk_customer(f, c, at);
      ASSERT_EQ(one.has_value(), in_list.has_value()) << day << " customer " << id;
      if (!one) continue;
      EXPECT_EQ(one->days_since_last, in_list->days_since_last);
      EXPECT_EQ(one->median_gap, in_list->median_gap);
      EXPECT_EQ(one->t12m, in_list->t12m);
      EXPECT_EQ(one->t12m_prev, in_list->t12m_prev);
      EXPECT_EQ(one->yoy, in_list->yoy);
      EXPECT_EQ(one->reasons, in_list->reasons);
    }
}

// Class A is kept per day in the Facts' memo (engine/memo.h), shared by the next Snapshot's
// copy of the Facts: after a contract is appended the kept entry no longer applies. c4 gets
// 5000 on 2026-06-14 → t12 c4 5100, c2 3000, c3 3000, c1 2000, c5 2000; total 15100, 80 % =
// 12080; cumulative before c5 = 13100 ≥ 12080: c5 leaves class A, rep 11's list is empty.
// Rep 10's is unchanged (c4: gaps 4, 1 day since the last, nothing the year before).
TEST(D1AtRisk, AContractAppendedChangesTheKeptClassA) {
  auto s = snapshot();
  const Date as_of = D("2026-06-15");
  ASSERT_EQ(analytics::at_risk_customers(*s->facts, s->dims->find_rep(11), as_of).size(), 1u);
  EXPECT_EQ(analytics::at_risk_customers(*s->facts, s->dims->find_rep(10), as_of).size(), 2u);
  auto next = engine::with_contracts(*s, {contract(11, 4, 10, "2026-06-14", 5000)}, 2);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->facts->memo, s->facts->memo);  // the same memo, its entry checked
  EXPECT_TRUE(analytics::at_risk_customers(*next->facts, next->dims->find_rep(11), as_of).empty());
  EXPECT_EQ(analytics::at_risk_customers(*next->facts, next->dims->find_rep(10), as_of).size(), 2u);
  EXPECT_FALSE(analytics::at_risk_customer(*next->facts, next->facts->customer_index->find(5), as_of));
  // The first Snapshot still answers from its own columns.
  EXPECT_EQ(analytics::at_risk_customers(*s->facts, s->dims->find_rep(11), as_of).size(), 1u);
}
