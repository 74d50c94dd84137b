// The product-category filter on C2 RFM and C3 (flow, Pareto, key accounts, churn reasons),
// hand-computed, as of 2026-06-15 with category 服务器 (P1; P2 is 存储):
//   c1: k1 2026-06-10 rep 10 P1 300 + P2 200, k2 the same day P1 100, k3 2025-01-10 P1 400
//   c2: k4 2026-03-01 P2 1000 (no 服务器 line: not in the population)
//   c3: k5 2026-05-01 rep 11 P1 50, k6 2025-11-01 rep 11 P1 50 + P2 900
//   c4 (lost, 价格): k7 2025-08-01 rep 11 P1 70;  c5 (lost, 竞品): k8 2026-02-01 P2 500
// 服务器 purchases: c1 2025-01-10 400, 2026-06-10 400 (k1 and k2: one day, one purchase);
// c3 2025-11-01 50, 2026-05-01 50; c4 2025-08-01 70.
#include <gtest/gtest.h>

#include "analytics/check/category_purchases.h"
#include "analytics/check/check_fixture_test_util.h"
#include "analytics/check/churn_reasons.h"
#include "analytics/check/key_accounts.h"
#include "analytics/check/rfm.h"
#include "analytics/check/rep_mask.h"

using namespace sl;
using namespace sl::check_test;

namespace {

model::Contract sale(Id id, Id customer, Id rep, const char* date, std::vector<model::ContractLine> lines) {
  Money amount = 0;
  for (const auto& l : lines) amount += l.amount;
  model::Contract c = contract(id, customer, rep, date, amount);
  c.lines = std::move(lines);
  return c;
}

std::shared_ptr<const engine::Snapshot> snapshot() {
  auto d = org();
  d.products = {{1, "P1", "服务器一号", "服务器", D("2020-01-01"), 0, 0}, {2, "P2", "存储一号", "存储", D("2020-01-01"), 0, 0}};
  d.customers[3].lost_reason = "价格";
  d.customers[4].lost_reason = "竞品";
  d.contracts = {sale(1, 1, 10, "2026-06-10", {{1, 1, 300, 0}, {2, 1, 200, 0}}),
                 sale(2, 1, 10, "2026-06-10", {{1, 1, 100, 0}}),
                 sale(3, 1, 10, "2025-01-10", {{1, 1, 400, 0}}),
                 sale(4, 2, 10, "2026-03-01", {{2, 1, 1000, 0}}),
                 sale(5, 3, 11, "2026-05-01", {{1, 1, 50, 0}}),
                 sale(6, 3, 11, "2025-11-01", {{1, 1, 50, 0}, {2, 1, 900, 0}}),
                 sale(7, 4, 11, "2025-08-01", {{1, 1, 70, 0}}),
                 sale(8, 5, 10, "2026-02-01", {{2, 1, 500, 0}})};
  return engine::build_snapshot(d, 1);
}

analytics::RowFilter servers(const engine::Snapshot& s) {
  analytics::DoFilter f;
  f.category = "服务器";
  return analytics::row_filter(s, f);
}

const Date kAsOf = D("2026-06-15");

}  // namespace

TEST(CCategory, PurchasesAreDaysWithLinesOfTheCategory) {
  auto s = snapshot();
  const auto b = analytics::category_purchases(*s, analytics::visible_reps(*s, engine::scope_all(*s->dims)),
                                               servers(*s), kAsOf);
  ASSERT_EQ(b.begin.size(), 7u);
  EXPECT_EQ(b.end(0) - b.first(0), 2u);
  EXPECT_EQ(b.day[b.first(0)], D("2025-01-10").days);
  EXPECT_EQ(b.amount[b.first(0)], 400);
  EXPECT_EQ(b.day[b.first(0) + 1], D("2026-06-10").days);
  EXPECT_EQ(b.amount[b.first(0) + 1], 400);  // 300 + 100 of two contracts that day; P2's 200 left out
  EXPECT_FALSE(b.any(1));
  EXPECT_EQ(b.end(2) - b.first(2), 2u);
  EXPECT_EQ(b.end(3) - b.first(3), 1u);
  EXPECT_FALSE(b.any(4));
  // An earlier as_of leaves later lines out.
  const auto early = analytics::category_purchases(*s, analytics::visible_reps(*s, engine::scope_all(*s->dims)),
                                                   servers(*s), D("2026-06-09"));
  EXPECT_EQ(early.end(0) - early.first(0), 1u);
}

TEST(CCategory, RfmScoresTheCategoryBuyersOnly) {
  // R 5 / 45 / 318, F 1 / 2 / 1, M 400 / 100 / 70; means R 368/3, F 4/3, M 190.
  auto s = snapshot();
  analytics::RfmParams p{kAsOf, 365, false, servers(*s)};
  auto r = analytics::rfm(*s, engine::scope_all(*s->dims), p);
  ASSERT_EQ(r.customers.size(), 3u);
  EXPECT_DOUBLE_EQ(r.threshold_m, 190);
  EXPECT_EQ(r.customers[0].customer, 0);
  EXPECT_EQ(r.customers[0].recency, 5);
  EXPECT_EQ(r.customers[0].frequency, 1);
  EXPECT_EQ(r.customers[0].monetary, 400);
  EXPECT_EQ(r.customers[0].segment, analytics::kImportantDevelop);
  EXPECT_EQ(r.customers[1].customer, 2);
  EXPECT_EQ(r.customers[1].recency, 45);
  EXPECT_EQ(r.customers[1].frequency, 2);
  EXPECT_EQ(r.customers[1].monetary, 100);
  EXPECT_EQ(r.customers[1].segment, analytics::kGeneralValue);
  EXPECT_EQ(r.customers[2].customer, 3);
  EXPECT_EQ(r.customers[2].recency, 318);
  EXPECT_EQ(r.customers[2].segment, analytics::kGeneralRetain);
  EXPECT_EQ(r.segments[analytics::kImportantDevelop].amount, 400);
  // Rep 11's scope (华南): c3 and c4 only.
  auto south = analytics::rfm(*s, engine::scope_region(*s->dims, s->dims->find_region(3)), p);
  ASSERT_EQ(south.customers.size(), 2u);
  EXPECT_EQ(south.customers[0].customer, 2);
}

TEST(CCategory, FlowAndParetoOfTheCategory) {
  auto s = snapshot();
  const auto all = engine::scope_all(*s->dims);
  // 2026-Q1: nobody bought 服务器 (c2's and c5's contracts are 存储); c3 (2025-Q4) churned.
  // 2026-Q2: c1 and c3 returned.
  auto flow = analytics::customer_flow(*s, all, {kAsOf, 2, analytics::FlowGrain::quarter, servers(*s)});
  ASSERT_EQ(flow.size(), 2u);
  EXPECT_EQ(flow[0].active, 0);
  EXPECT_EQ(flow[0].fresh, 0);
  EXPECT_EQ(flow[0].active_prev, 1);
  EXPECT_EQ(flow[0].churned, 1);
  EXPECT_DOUBLE_EQ(flow[0].churn_rate, 1.0);
  EXPECT_EQ(flow[1].active, 2);
  EXPECT_EQ(flow[1].returned, 2);
  EXPECT_EQ(flow[1].fresh, 0);
  EXPECT_EQ(flow[1].retained, 0);
  // Trailing year: c1 400, c3 100, c4 70 (total 570): c1 and c3 in A (c3 starts at 70.2 %), c4 B.
  auto p = analytics::pareto(*s, all, {kAsOf, 80, 95, servers(*s)});
  EXPECT_EQ(p.total, 570);
  ASSERT_EQ(p.customers.size(), 3u);
  EXPECT_EQ(p.classes[0].customers, 2);
  EXPECT_EQ(p.classes[1].customers, 1);
  EXPECT_EQ(p.customers[2].customer, 3);
}

TEST(CCategory, KeyAccountsAndChurnReasonsOfTheCategory) {
  auto s = snapshot();
  const auto all = engine::scope_all(*s->dims);
  const auto rf = servers(*s);
  auto p = analytics::pareto(*s, all, {kAsOf, 80, 95, rf});
  auto ka = analytics::key_accounts(*s, all, {kAsOf, rf}, p);
  ASSERT_EQ(ka.size(), 2u);
  // c1: purchases 2025-01-10 and 2026-06-10 (gap 516), t12m 400, the year before 400.
  EXPECT_EQ(ka[0].customer, 0);
  EXPECT_EQ(ka[0].contracts, 2);
  EXPECT_EQ(ka[0].t12m, 400);
  EXPECT_EQ(ka[0].t12m_prev, 400);
  EXPECT_DOUBLE_EQ(*ka[0].risk.median_gap, 516);
  EXPECT_EQ(ka[0].risk.days_since_last, 5);
  EXPECT_DOUBLE_EQ(*ka[0].risk.yoy, 0);
  // c3: 2025-11-01 and 2026-05-01 (gap 181), no sales the year before.
  EXPECT_EQ(ka[1].customer, 2);
  EXPECT_DOUBLE_EQ(*ka[1].risk.median_gap, 181);
  EXPECT_EQ(ka[1].risk.days_since_last, 45);
  EXPECT_FALSE(ka[1].risk.yoy.has_value());
  // Lost: c4 bought 服务器 (70), c5 only 存储: one churned customer.
  auto why = analytics::churn_reasons(*s, all, {kAsOf, rf});
  EXPECT_EQ(why.customers, 1);
  ASSERT_FALSE(why.reasons.empty());
  EXPECT_EQ(why.reasons[0].reason, "价格");
  EXPECT_EQ(why.reasons[0].customers, 1);
  EXPECT_EQ(why.reasons[0].amount, 70);
  // Without the filter both are counted.
  EXPECT_EQ(analytics::churn_reasons(*s, all, {kAsOf, {}}).customers, 2);
}
