// P2 competitors on the hand-made market of market_fixture_test_util.h (figures by hand there).
#include "analytics/plan/competitors.h"

#include <gtest/gtest.h>

#include "analytics/plan/market_fixture_test_util.h"

using namespace sl;
using namespace sl::plan_test;

namespace {

analytics::CompetitorParams params() {
  analytics::CompetitorParams p;
  p.period = *parse_period("2026-Q2");
  p.as_of = D("2026-06-15");
  return p;
}

const analytics::CategoryCompetition& cat(const analytics::CompetitorResult& r, const std::string& name) {
  for (const auto& x : r.categories)
    if (x.name == name) return x;
  throw std::runtime_error("no category " + name);
}

}  // namespace

TEST(P2Competitors, CompanyRanksAndShares) {
  auto s = market_snapshot();
  auto r = analytics::competitors(*s, engine::scope_all(*s->dims), params());
  ASSERT_EQ(r.categories.size(), 2u);
  const auto& server = r.categories[0];  // 35000 before 存储's 1000
  EXPECT_EQ(server.name, "服务器");
  EXPECT_EQ(server.market, 35000);
  ASSERT_EQ(server.entrants.size(), 3u);
  EXPECT_TRUE(server.entrants[0].own);
  EXPECT_EQ(server.entrants[0].sales, 2100);  // 1000 + 600 + 500
  EXPECT_DOUBLE_EQ(*server.entrants[0].share, 0.06);
  EXPECT_EQ(server.entrants[1].id, 1);
  EXPECT_EQ(server.entrants[1].sales, 1900);  // 华东 1500 + 华南 400
  EXPECT_EQ(server.entrants[1].company, "甲");
  EXPECT_EQ(server.entrants[2].sales, 1700);  // 1200 + 1000 × 15/30
  EXPECT_EQ(server.entrants[2].rank, 3);
  EXPECT_EQ(*server.leader, 1u);
  EXPECT_DOUBLE_EQ(*server.relative_share, 2100.0 / 1900);
  const auto& storage = cat(r, "存储");
  EXPECT_EQ(storage.market, 1000);
  EXPECT_EQ(storage.own_entrant().sales, 500);
  EXPECT_EQ(storage.entrants[1].sales, 300);
  EXPECT_DOUBLE_EQ(*storage.relative_share, 500.0 / 300);
}

TEST(P2Competitors, FlagshipsTopN) {
  auto s = market_snapshot();
  auto p = params();
  auto r = analytics::competitors(*s, engine::scope_all(*s->dims), p);
  const auto& server = cat(r, "服务器");
  ASSERT_EQ(server.flagships.size(), 2u);
  EXPECT_EQ(server.flagships[0].code, "P1");
  EXPECT_EQ(server.flagships[0].sales, 1600);
  EXPECT_DOUBLE_EQ(*server.flagships[0].own_part, 1600.0 / 2100);
  EXPECT_DOUBLE_EQ(*server.flagships[1].share, 500.0 / 35000);
  p.flagships = 1;
  r = analytics::competitors(*s, engine::scope_all(*s->dims), p);
  EXPECT_EQ(cat(r, "服务器").flagships.size(), 1u);
}

TEST(P2Competitors, MonthlyShareTrend) {
  auto s = market_snapshot();
  auto r = analytics::competitors(*s, engine::scope_all(*s->dims), params());
  ASSERT_EQ(r.months.size(), 12u);
  EXPECT_EQ(format_month(r.months.front()), "2025-07");
  const auto& server = cat(r, "服务器");
  EXPECT_EQ(server.trend_market.back(), 5000);  // June: 10000 × 15/30
  EXPECT_DOUBLE_EQ(*server.entrants[0].trend.back(), 0.1);  // 500 of 5000
  EXPECT_DOUBLE_EQ(*server.entrants[2].trend.back(), 0.1);  // R2's 1000 × 15/30
  EXPECT_EQ(server.entrants[0].trend_sales[10], 600);        // May: line 2
  EXPECT_FALSE(server.entrants[0].trend[0]);                 // no market in 2025-07
}

TEST(P2Competitors, ManagerTieRanksUsFirst) {
  auto s = market_snapshot();
  auto r = analytics::competitors(*s, engine::scope_region(*s->dims, region_index(*s, 2)), params());
  const auto& storage = cat(r, "存储");
  // 华东's cells: line 5's 300 (line 6's customer is in 广东); 甲存储 300 too.
  EXPECT_EQ(storage.own_entrant().sales, 300);
  EXPECT_EQ(storage.own, 0u);
  EXPECT_EQ(storage.entrants[1].sales, 300);
  EXPECT_EQ(storage.entrants[1].rank, 2);
  EXPECT_DOUBLE_EQ(*storage.relative_share, 1.0);
  EXPECT_EQ(cat(r, "服务器").market, 29000);
}

TEST(P2Competitors, RepWithoutCompetitorSalesHasNoRelativeShare) {
  auto s = market_snapshot();
  auto r = analytics::competitors(*s, engine::scope_rep(*s->dims, rep_index(*s, 11)), params());
  const auto& server = cat(r, "服务器");
  EXPECT_EQ(server.market, 6000);
  EXPECT_EQ(server.own_entrant().sales, 600);
  EXPECT_DOUBLE_EQ(*server.relative_share, 1.5);  // against 甲's 400 in 华南; 乙 sold nothing there
  const auto& storage = cat(r, "存储");
  EXPECT_EQ(storage.market, 0);
  EXPECT_FALSE(storage.own_entrant().share);
  EXPECT_FALSE(storage.leader);
  EXPECT_FALSE(storage.relative_share);
}
