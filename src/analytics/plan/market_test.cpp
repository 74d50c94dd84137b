// P1 market share on the hand-made market of market_fixture_test_util.h (figures by hand there).
#include "analytics/plan/market.h"

#include <gtest/gtest.h>

#include "analytics/plan/market_fixture_test_util.h"

using namespace sl;
using namespace sl::plan_test;

namespace {

analytics::MarketParams params() {
  analytics::MarketParams p;
  p.period = *parse_period("2026-Q2");
  p.as_of = D("2026-06-15");
  return p;
}

const analytics::ShareRow& row(const std::vector<analytics::ShareRow>& v, const std::string& name) {
  for (const auto& x : v)
    if (x.name == name) return x;
  throw std::runtime_error("no row " + name);
}

}  // namespace

TEST(P1Market, CompanyTotalsByIndustryAndRegion) {
  auto s = market_snapshot();
  auto r = analytics::market_share(*s, engine::scope_all(*s->dims), params());
  // Market: 制造/华东/服务器 10000 + 10000 + 5000 (June half), 金融/华东 4000, 华南 6000, 存储 1000.
  EXPECT_EQ(r.total.market, 36000);
  EXPECT_EQ(r.total.own, 2600);  // lines 1, 2, 3, 5, 6 (7 is after as_of)
  EXPECT_DOUBLE_EQ(*r.total.share, 2600.0 / 36000);
  EXPECT_EQ(r.total_ly.market, 20000);  // 8000 + 8000 + 4000
  EXPECT_EQ(r.total_ly.own, 800);
  EXPECT_DOUBLE_EQ(*r.total_ly.share, 0.04);
  EXPECT_DOUBLE_EQ(*r.market_growth, 0.8);
  EXPECT_DOUBLE_EQ(*r.own_growth, 2.25);
  ASSERT_EQ(r.industries.size(), 2u);
  EXPECT_EQ(r.industries[0].name, "制造");  // by market size
  EXPECT_EQ(r.industries[0].now.market, 32000);
  EXPECT_EQ(r.industries[0].now.own, 1300);
  EXPECT_EQ(row(r.industries, "金融").now.market, 4000);
  EXPECT_EQ(row(r.industries, "金融").now.own, 1300);
  EXPECT_EQ(row(r.industries, "金融").ly.market, 0);
  EXPECT_FALSE(row(r.industries, "金融").ly.share);
  ASSERT_EQ(r.regions.size(), 2u);
  EXPECT_EQ(r.regions[0].id, 2);
  EXPECT_EQ(r.regions[0].now.market, 30000);
  EXPECT_EQ(r.regions[0].now.own, 1800);
  // A province's customer counts in its 大区: 华南 holds customer 2's lines (rep 10's too).
  EXPECT_EQ(row(r.regions, "华南").now.market, 6000);
  EXPECT_EQ(row(r.regions, "华南").now.own, 800);
}

TEST(P1Market, HeatMapCells) {
  auto s = market_snapshot();
  auto r = analytics::market_share(*s, engine::scope_all(*s->dims), params());
  ASSERT_EQ(r.heat.size(), 4u);  // 制造, 金融 × 华东, 华南
  auto cell = [&](size_t i, size_t g) -> const analytics::ShareFigures& {
    for (const auto& h : r.heat)
      if (h.industry == i && h.region == g) return h.f;
    throw std::runtime_error("no cell");
  };
  EXPECT_EQ(cell(0, 0).market, 26000);
  EXPECT_EQ(cell(0, 0).own, 1300);
  EXPECT_EQ(cell(0, 1).market, 6000);
  EXPECT_DOUBLE_EQ(*cell(0, 1).share, 0.0);
  EXPECT_EQ(cell(1, 0).own, 500);
  // Sales in a cell without a market row: counted, no share.
  EXPECT_EQ(cell(1, 1).market, 0);
  EXPECT_EQ(cell(1, 1).own, 800);
  EXPECT_FALSE(cell(1, 1).share);
}

TEST(P1Market, TrendCutAtAsOf) {
  auto s = market_snapshot();
  auto r = analytics::market_share(*s, engine::scope_all(*s->dims), params());
  ASSERT_EQ(r.trend.size(), 24u);
  EXPECT_EQ(format_month(r.trend.front().month), "2024-07");
  const auto& june = r.trend.back().f;
  EXPECT_EQ(format_month(r.trend.back().month), "2026-06");
  EXPECT_EQ(june.market, 6000);  // (10000 + 2000) × 15/30
  EXPECT_EQ(june.own, 800);      // 500 + 300; the 06-20 line is after as_of
  EXPECT_EQ(r.trend[22].f.market, 16000);
  EXPECT_EQ(r.trend[22].f.own, 800);
  EXPECT_EQ(r.trend[21].f.market, 14000);
  EXPECT_EQ(r.trend[9].f.market, 8000);  // 2025-04
  EXPECT_EQ(r.trend[9].f.own, 800);
  EXPECT_FALSE(r.trend[0].f.share);  // no market in 2024-07
}

TEST(P1Market, ManagerReadsTheirRegionsCells) {
  auto s = market_snapshot();
  auto r = analytics::market_share(*s, engine::scope_region(*s->dims, region_index(*s, 2)), params());
  EXPECT_EQ(r.total.market, 30000);
  // Rep 10's lines in 华东's cells; line 6 (a 广东 customer) lies in 华南's.
  EXPECT_EQ(r.total.own, 1800);
  ASSERT_EQ(r.regions.size(), 1u);
  EXPECT_EQ(r.opp_count, 2);  // rep 10's opportunities 1 and 4 (06-15 is inside the window)
  EXPECT_EQ(r.opp_amount, 6000);
}

TEST(P1Market, RepReadsTheir大区Market) {
  auto s = market_snapshot();
  auto r = analytics::market_share(*s, engine::scope_rep(*s->dims, rep_index(*s, 11)), params());
  EXPECT_EQ(r.total.market, 6000);
  EXPECT_EQ(r.total.own, 600);
  EXPECT_DOUBLE_EQ(*r.total.share, 0.1);
  EXPECT_EQ(r.opp_count, 1);
}

TEST(P1Market, IndustryCategoryAndSizeFilters) {
  auto s = market_snapshot();
  auto p = params();
  p.filter.industry = "金融";
  auto r = analytics::market_share(*s, engine::scope_all(*s->dims), p);
  EXPECT_EQ(r.total.market, 4000);
  EXPECT_EQ(r.total.own, 1300);
  EXPECT_EQ(r.opp_count, 2);  // 2 and 4
  p.filter.industry.clear();
  p.filter.category = "存储";
  r = analytics::market_share(*s, engine::scope_all(*s->dims), p);
  EXPECT_EQ(r.total.market, 1000);
  EXPECT_EQ(r.total.own, 500);
  EXPECT_EQ(r.opp_amount, 4000);
  // Size narrows our side only: the market has no customer size.
  p.filter.category.clear();
  p.filter.size = "small";
  r = analytics::market_share(*s, engine::scope_all(*s->dims), p);
  EXPECT_EQ(r.total.market, 36000);
  EXPECT_EQ(r.total.own, 500);
}

TEST(P1Market, OpportunitiesByIndustryAndRegion) {
  auto s = market_snapshot();
  auto r = analytics::market_share(*s, engine::scope_all(*s->dims), params());
  EXPECT_EQ(r.opp_count, 3);  // 3 was created before the window
  EXPECT_EQ(r.opp_amount, 9000);
  ASSERT_EQ(r.opp_industries.size(), 2u);
  EXPECT_EQ(r.opp_industries[0].name, "制造");
  EXPECT_EQ(r.opp_industries[0].amount, 5000);
  EXPECT_EQ(r.opp_industries[1].count, 2);
  ASSERT_EQ(r.opp_regions.size(), 2u);
  EXPECT_EQ(r.opp_regions[0].id, 2);
  EXPECT_EQ(r.opp_regions[0].amount, 6000);
  EXPECT_EQ(r.opp_regions[1].count, 1);
}

TEST(P1Market, PeriodBeforeAnyData) {
  auto s = market_snapshot();
  auto p = params();
  p.period = *parse_period("2027-01");  // after as_of: an empty window
  auto r = analytics::market_share(*s, engine::scope_all(*s->dims), p);
  EXPECT_EQ(r.total.market, 0);
  EXPECT_FALSE(r.total.share);
  EXPECT_EQ(r.opp_count, 0);
}
