// C3 customer flow and Pareto on hand-made fixtures; expected values worked out below.
#include "analytics/check/customer_flow.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "analytics/check/check_fixture_test_util.h"

using namespace sl;
using namespace sl::check_test;

namespace {

// As of 2026-06-15, three quarters shown: 2025Q4, 2026Q1, 2026Q2 (2025Q3 is "previous").
// A(1): 2025-02 (long before), 2026Q1, 2026Q2 · B(2): 2025Q3, 2025Q4 · C(3): 2025Q4, and
// 2026-06-15 (as_of, counts) · D(4): 2026Q2, by rep 11 · E(5): 2026-06-16, after as_of.
std::shared_ptr<const engine::Snapshot> flow_snapshot() {
  auto d = org();
  d.contracts = {
      contract(1, 1, 10, "2025-02-01", 1), contract(2, 1, 10, "2026-01-15", 1), contract(3, 1, 10, "2026-05-01", 1),
      contract(4, 2, 10, "2025-08-01", 1), contract(5, 2, 10, "2025-11-01", 1), contract(6, 3, 10, "2025-10-10", 1),
      contract(7, 3, 10, "2026-06-15", 1), contract(8, 4, 11, "2026-04-01", 1), contract(9, 5, 10, "2026-06-16", 1)};
  return engine::build_snapshot(d, 1);
}

}  // namespace

TEST(C3Flow, QuarterByQuarter) {
  auto s = flow_snapshot();
  auto rows = analytics::customer_flow(*s, engine::scope_all(*s->dims), {D("2026-06-15"), 3});
  ASSERT_EQ(rows.size(), 3u);
  // 2025Q4: B retained (active in Q3), C new.
  EXPECT_EQ(rows[0].year, 2025);
  EXPECT_EQ(rows[0].quarter, 4);
  EXPECT_EQ(rows[0].active, 2);
  EXPECT_EQ(rows[0].active_prev, 1);
  EXPECT_EQ(rows[0].retained, 1);
  EXPECT_EQ(rows[0].fresh, 1);
  EXPECT_EQ(rows[0].returned, 0);
  EXPECT_EQ(rows[0].churned, 0);
  // 2026Q1: A returned (active in 2025-02), B and C churned: churn rate 2/2.
  EXPECT_EQ(rows[1].active, 1);
  EXPECT_EQ(rows[1].returned, 1);
  EXPECT_EQ(rows[1].churned, 2);
  EXPECT_DOUBLE_EQ(rows[1].churn_rate, 1.0);
  // 2026Q2: A retained, C returned, D new.
  EXPECT_EQ(rows[2].active, 3);
  EXPECT_EQ(rows[2].retained, 1);
  EXPECT_EQ(rows[2].returned, 1);
  EXPECT_EQ(rows[2].fresh, 1);
  EXPECT_EQ(rows[2].churned, 0);
}

TEST(C3Flow, ManagerScope) {
  auto s = flow_snapshot();
  auto rows =
      analytics::customer_flow(*s, engine::scope_region(*s->dims, s->dims->find_region(2)), {D("2026-06-15"), 3});
  EXPECT_EQ(rows[2].active, 2);  // D belongs to rep 11 (华南)
  EXPECT_EQ(rows[2].fresh, 0);
}

TEST(C3Pareto, Classes) {
  // Window 2025-06-16..2026-06-15. Sums: c1 600, c2 250, c3 100, c4 50, c6 50 (total
  // 1050); c5's contract is on 2025-06-15, outside. Above-share before each: c1 0 → A,
  // c2 600/1050 = 57% → A, c3 850/1050 = 81% → B, c4 950/1050 = 90.5% → B, c6 1000/1050 =
  // 95.2% → C. c4 and c6 tie on 50: the lower id ranks first.
  auto d = org();
  d.contracts = {contract(1, 1, 10, "2026-06-15", 400), contract(2, 1, 11, "2025-06-16", 200),
                 contract(3, 2, 10, "2026-01-01", 250), contract(4, 3, 10, "2026-02-01", 100),
                 contract(5, 4, 10, "2026-03-01", 50),  contract(6, 6, 10, "2026-03-01", 50),
                 contract(7, 5, 10, "2025-06-15", 5000)};
  auto s = engine::build_snapshot(d, 1);
  auto r = analytics::pareto(*s, engine::scope_all(*s->dims), {D("2026-06-15")});
  EXPECT_EQ(r.total, 1050);
  ASSERT_EQ(r.customers.size(), 5u);
  EXPECT_EQ(r.customers[3].customer, 3);  // index of c4
  EXPECT_EQ(r.customers[4].customer, 5);  // index of c6
  EXPECT_EQ(r.classes[0].customers, 2);
  EXPECT_EQ(r.classes[0].amount, 850);
  EXPECT_EQ(r.classes[1].customers, 2);
  EXPECT_EQ(r.classes[1].amount, 150);
  EXPECT_EQ(r.classes[2].customers, 1);
  EXPECT_EQ(r.classes[2].amount, 50);
  // 华东 (rep 10): c1 400 counts, its 200 from rep 11 does not; total 850.
  auto m = analytics::pareto(*s, engine::scope_region(*s->dims, s->dims->find_region(2)), {D("2026-06-15")});
  EXPECT_EQ(m.total, 850);
}

TEST(C3Pareto, TiesByIdWhenCustomersAreNotInIdOrder) {
  // Customers listed 6, 5, 4, 3, 2, 1 (index 0 is id 6); c2, c4 and c6 tie on 50, c1 has 70:
  // c1 first, then the ties by id — c2, c4, c6 — whatever their indexes.
  auto d = org();
  std::reverse(d.customers.begin(), d.customers.end());
  d.contracts = {contract(1, 6, 10, "2026-03-01", 50), contract(2, 4, 10, "2026-03-01", 50),
                 contract(3, 2, 10, "2026-03-01", 50), contract(4, 1, 10, "2026-03-01", 70)};
  auto s = engine::build_snapshot(d, 1);
  auto r = analytics::pareto(*s, engine::scope_all(*s->dims), {D("2026-06-15")});
  ASSERT_EQ(r.customers.size(), 4u);
  std::vector<Id> order;
  for (const auto& c : r.customers) order.push_back(s->facts->customer_id[static_cast<size_t>(c.customer)]);
  EXPECT_EQ(order, (std::vector<Id>{1, 2, 4, 6}));
}

TEST(C3Flow, MonthGrain) {
  // Months 2026-04..2026-06 as of 2026-06-15: A active 2026-05 (returned: 2026-01 before),
  // C 2026-06 (returned), D 2026-04 (new) then churned in 2026-05, A churned in 2026-06.
  auto s = flow_snapshot();
  auto rows =
      analytics::customer_flow(*s, engine::scope_all(*s->dims), {D("2026-06-15"), 3, analytics::FlowGrain::month});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].year, 2026);
  EXPECT_EQ(rows[0].month, 4);
  EXPECT_EQ(rows[0].quarter, 2);
  EXPECT_EQ(rows[0].active, 1);
  EXPECT_EQ(rows[0].fresh, 1);
  EXPECT_EQ(rows[0].active_prev, 0);
  EXPECT_DOUBLE_EQ(rows[0].churn_rate, 0);  // none active before: 0, not a division by zero
  EXPECT_EQ(rows[1].active, 1);
  EXPECT_EQ(rows[1].returned, 1);
  EXPECT_EQ(rows[1].churned, 1);
  EXPECT_DOUBLE_EQ(rows[1].churn_rate, 1.0);
  EXPECT_EQ(rows[2].active, 1);
  EXPECT_EQ(rows[2].returned, 1);
  EXPECT_EQ(rows[2].churned, 1);
}

TEST(C3Flow, CustomerFilter) {
  // Only 零售 customers (C) count: 2026Q2 C returned, nothing else.
  auto d = org();
  d.customers[2].industry = "零售";
  d.contracts = {contract(1, 1, 10, "2026-05-01", 1), contract(2, 3, 10, "2025-10-10", 1),
                 contract(3, 3, 10, "2026-06-15", 1)};
  auto s = engine::build_snapshot(d, 1);
  analytics::FlowParams p{D("2026-06-15"), 3};
  p.filter = analytics::row_filter(*s, {0, 0, "零售", "", ""});
  auto rows = analytics::customer_flow(*s, engine::scope_all(*s->dims), p);
  EXPECT_EQ(rows[2].active, 1);
  EXPECT_EQ(rows[2].returned, 1);
  EXPECT_EQ(rows[1].churned, 1);
  analytics::ParetoParams pp{D("2026-06-15")};
  pp.filter = p.filter;
  EXPECT_EQ(analytics::pareto(*s, engine::scope_all(*s->dims), pp).total, 2);  // both of C's contracts
}
