// 客户档案 on a hand-made fixture (as_of 2026-06-15); expected values worked out in comments.
#include "analytics/check/customer_profile.h"

#include <gtest/gtest.h>

#include "analytics/check/check_fixture_test_util.h"

using namespace sl;
using namespace sl::check_test;

namespace {

std::shared_ptr<const engine::Snapshot> snapshot() {
  auto d = org();  // customers 1..6 owned by rep 10
  d.contracts = {
      // 600 paid; the 400 due 05-01 is 45 days overdue.
      contract(1, 1, 10, "2026-01-10", 1000, {{D("2026-02-10"), 600}, {D("2026-05-01"), 400}}),
      contract(2, 1, 10, "2025-06-01", 500, {{D("2025-07-01"), 500}}),
      contract(3, 1, 11, "2026-03-01", 300, {{D("2026-04-01"), 300}}),  // another rep's; 75 days overdue
      contract(4, 1, 10, "2026-06-20", 700, {{D("2026-07-01"), 700}}),  // after as_of
      contract(5, 2, 10, "2026-06-01", 100, {{D("2026-07-01"), 100}}),
      contract(6, 1, 10, "2024-12-01", 5000, {{D("2024-12-01"), 5000}}),
  };
  d.payments = {{1, 1, D("2026-02-10"), 600}, {2, 2, D("2025-07-01"), 500}, {3, 6, D("2024-12-01"), 5000}};
  model::Opportunity won;
  won.id = 1, won.customer = 1, won.rep = 10, won.category = "A", won.amount = 2000;
  won.created = D("2026-02-01"), won.expected_close = D("2026-03-01"), won.stage = model::Stage::won;
  won.closed = D("2026-03-01");
  won.history = {{model::Stage::lead, D("2026-02-01")}, {model::Stage::won, D("2026-03-01")}};
  model::Opportunity open = won;
  open.id = 2, open.rep = 11, open.created = D("2026-05-01"), open.stage = model::Stage::lead, open.closed.reset();
  open.history = {{model::Stage::lead, D("2026-05-01")}};
  model::Opportunity later = open;
  later.id = 3, later.rep = 10, later.created = D("2026-07-01"),
  later.history = {{model::Stage::lead, D("2026-07-01")}};
  d.opportunities = {won, open, later};
  d.activities = {{1, 10, 1, D("2026-06-10"), model::ActivityType::call},
                  {2, 11, 1, D("2026-06-12"), model::ActivityType::visit},
                  {3, 10, 2, D("2026-06-11"), model::ActivityType::demo}};
  return engine::build_snapshot(d, 1);
}

struct Fixture {
  std::shared_ptr<const engine::Snapshot> s = snapshot();
  engine::Scope all = engine::scope_all(*s->dims);
  Date as_of = D("2026-06-15");
  analytics::ParetoResult pareto = analytics::pareto(*s, all, {as_of});
  analytics::RfmResult rfm = analytics::rfm(*s, all, {as_of});
  analytics::CustomerProfile of(const engine::Scope& scope, Id customer, size_t limit = 100) {
    return analytics::customer_profile(*s, scope, s->facts->customer_index->find(customer), as_of, pareto, rfm, limit);
  }
};

}  // namespace

TEST(CustomerProfile, ClassSegmentAndRisk) {
  Fixture x;
  auto p = x.of(x.all, 1);
  // Trailing 12 months (2025-06-15, 2026-06-15]: contracts 1 and 3 = 1300 of 1400: class A.
  EXPECT_EQ(p.cls, 'A');
  EXPECT_EQ(p.t12m, 1300);
  ASSERT_TRUE(p.rfm);
  EXPECT_EQ(p.rfm->recency, 106);  // 2026-03-01 → 06-15
  EXPECT_EQ(p.rfm->frequency, 2);
  EXPECT_EQ(p.rfm->monetary, 1300);
  // The year before held 5000 + 500: 1300 is −76 %, more than 30 % down. Gaps 182, 223, 50:
  // median 182, and 106 days since the last contract is not twice that.
  ASSERT_TRUE(p.at_risk);
  EXPECT_EQ(p.at_risk->reasons, std::vector<std::string>{"decline"});
  EXPECT_EQ(*p.at_risk->median_gap, 182);
  auto none = x.of(x.all, 3);  // no contract at all
  EXPECT_FALSE(none.cls);
  EXPECT_FALSE(none.rfm);
  EXPECT_FALSE(none.at_risk);
  EXPECT_TRUE(none.contracts.empty());
}

TEST(CustomerProfile, ContractsReceivableAndOverdue) {
  Fixture x;
  auto p = x.of(x.all, 1);
  ASSERT_EQ(p.contracts.size(), 4u);  // contract 4 is after as_of
  const auto& t = x.s->facts->contracts;
  EXPECT_EQ(t.id[p.contracts[0].contract], 3);  // newest first
  EXPECT_EQ(t.id[p.contracts[1].contract], 1);
  EXPECT_EQ(t.id[p.contracts[3].contract], 6);
  EXPECT_EQ(p.contracts[0].overdue, 300);
  EXPECT_EQ(p.contracts[0].max_days, 75);
  EXPECT_EQ(p.contracts[1].paid, 600);
  EXPECT_EQ(p.contracts[1].overdue, 400);
  EXPECT_EQ(p.contracts[1].max_days, 45);
  EXPECT_EQ(p.sales_total, 6800);
  EXPECT_EQ(p.receivable, 700);
  EXPECT_EQ(p.overdue, 700);
}

TEST(CustomerProfile, RepSeesOwnBookOnly) {
  Fixture x;
  auto p = x.of(engine::scope_rep(*x.s->dims, x.s->dims->find_rep(10)), 1);
  EXPECT_EQ(p.contracts.size(), 3u);  // not rep 11's contract 3
  EXPECT_EQ(p.receivable, 400);
  ASSERT_EQ(p.opportunities.size(), 1u);
  EXPECT_EQ(x.s->facts->opportunities.id[p.opportunities[0]], 1);
  // call, won, payment 600, opportunity 1, contract 1, payment 500, contract 2, contract 6 + payment.
  EXPECT_EQ(p.timeline.size(), 9u);
  EXPECT_EQ(p.timeline[0].kind, "call");
  EXPECT_EQ(p.timeline[1].kind, "won");
  EXPECT_EQ(p.cls, 'A');  // the class is the company's, whoever looks
}

TEST(CustomerProfile, TimelineNewestFirstAndLimited) {
  Fixture x;
  auto p = x.of(x.all, 1);
  ASSERT_EQ(p.opportunities.size(), 2u);  // opportunity 3 is created after as_of
  EXPECT_EQ(x.s->facts->opportunities.id[p.opportunities[0]], 2);
  EXPECT_EQ(p.timeline_total, 12u);
  std::vector<std::string> kinds;
  for (const auto& e : p.timeline) kinds.push_back(e.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"visit", "call", "opportunity", "contract", "won", "payment",
                                             "opportunity", "contract", "payment", "contract", "contract", "payment"}));
  EXPECT_EQ(p.timeline[3].ref, 3);
  EXPECT_EQ(p.timeline[3].amount, 300);
  auto limited = x.of(x.all, 1, 3);
  EXPECT_EQ(limited.timeline.size(), 3u);
  EXPECT_EQ(limited.timeline_total, 12u);
}
