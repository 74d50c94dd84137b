// C4 product warning on a hand-made fixture: period 2026-Q2 as of 2026-06-15 (window
// 2026-04-01..06-15, last year 2025-04-01..06-15; market months weighted by their days in the
// window: April and May 1, June 15/30).
//   P1 服务器 (2020): 04-10 rep 10 1000/600, 05-01 rep 11 500/200; last year 2025-04-20 rep 10 1000/500
//   P2 服务器, launched 2026-03-01 (no YoY): 06-01 rep 10 500/400
//   P3 存储 (2019): 06-10 rep 10 1000/700; last year 2025-05-10 rep 10 2000/1000
//   P4 软件 (2019): last sold 2025-12-01 rep 10 300/100; no market, no competitor
// Market 服务器: 华东 10000 a month (last year 8000), 华南 5000 in 2026-04 only; 存储: 华东
// 4000 a month (last year 3000). Competitors: R1 服务器 华东 05: 1000, 华南 05: 600; R2 服务器 华东
// 04: 1200; R3 存储 华东 06: 500 (and 9999 in 2025-06, outside the window).
#include "analytics/check/products.h"

#include <gtest/gtest.h>

#include "analytics/check/check_fixture_test_util.h"

using namespace sl;
using namespace sl::check_test;

namespace {

model::Contract sale(Id id, Id rep, const char* date, Id product, Money amount, Money cost) {
  model::Contract c = contract(id, rep == 10 ? 1 : 2, rep, date, amount);
  c.lines = {{product, 1, amount, cost}};
  return c;
}

Month M(const char* s) { return *parse_month(s); }

std::shared_ptr<const engine::Snapshot> snapshot() {
  auto d = org();
  d.products = {{1, "P1", "服务器一号", "服务器", D("2020-01-01"), 0, 0},
                {2, "P2", "服务器二号", "服务器", D("2026-03-01"), 0, 0},
                {3, "P3", "存储一号", "存储", D("2019-01-01"), 0, 0},
                {4, "P4", "软件一号", "软件", D("2019-01-01"), 0, 0}};
  d.competitors = {{1, "甲"}, {2, "乙"}};
  d.competitor_products = {{1, 1, "服务器", "甲服务器"}, {2, 2, "服务器", "乙服务器"}, {3, 1, "存储", "甲存储"}};
  for (const char* m : {"2026-04", "2026-05", "2026-06"}) {
    d.market_stats.push_back({M(m), "制造", 2, "服务器", 10000});
    d.market_stats.push_back({M(m), "制造", 2, "存储", 4000});
  }
  for (const char* m : {"2025-04", "2025-05", "2025-06"}) {
    d.market_stats.push_back({M(m), "制造", 2, "服务器", 8000});
    d.market_stats.push_back({M(m), "制造", 2, "存储", 3000});
  }
  d.market_stats.push_back({M("2026-04"), "制造", 3, "服务器", 5000});
  d.competitor_sales = {{M("2026-05"), 1, 2, 1000},
                        {M("2026-05"), 1, 3, 600},
                        {M("2026-04"), 2, 2, 1200},
                        {M("2026-06"), 3, 2, 500},
                        {M("2025-06"), 3, 2, 9999}};
  d.contracts = {sale(1, 10, "2026-04-10", 1, 1000, 600), sale(2, 11, "2026-05-01", 1, 500, 200),
                 sale(3, 10, "2025-04-20", 1, 1000, 500), sale(4, 10, "2026-06-01", 2, 500, 400),
                 sale(5, 10, "2026-06-10", 3, 1000, 700), sale(6, 10, "2025-05-10", 3, 2000, 1000),
                 sale(7, 10, "2025-12-01", 4, 300, 100)};
  return engine::build_snapshot(d, 1);
}

analytics::ProductParams params() {
  analytics::ProductParams p;
  p.period = *parse_period("2026-Q2");
  p.as_of = D("2026-06-15");
  return p;
}

const analytics::ProductRow& product(const analytics::ProductResult& r, Id id) {
  for (const auto& x : r.products)
    if (x.id == id) return x;
  throw std::runtime_error("no product");
}
const analytics::CategoryRow& category(const analytics::ProductResult& r, const std::string& name) {
  for (const auto& x : r.categories)
    if (x.name == name) return x;
  throw std::runtime_error("no category");
}

}  // namespace

TEST(C4Products, CompanyFigures) {
  auto s = snapshot();
  auto r = analytics::product_warning(*s, engine::scope_all(*s->dims), params());
  ASSERT_EQ(r.products.size(), 4u);
  EXPECT_EQ(r.products[0].id, 1);  // sales 1500, then P3 1000 (code order), P2 500, P4 0
  EXPECT_EQ(r.products[1].id, 3);
  const auto& p1 = product(r, 1);
  EXPECT_EQ(p1.f.sales, 1500);
  EXPECT_EQ(p1.f.sales_ly, 1000);
  EXPECT_DOUBLE_EQ(*p1.f.yoy, 0.5);
  EXPECT_DOUBLE_EQ(*p1.f.margin, 700.0 / 1500);
  EXPECT_DOUBLE_EQ(*p1.f.share, 1500.0 / 30000);  // 10000 × 2.5 + 5000
  EXPECT_EQ(p1.f.rival_sales, 1600);              // R1 华东 + 华南 beats R2's 1200
  EXPECT_DOUBLE_EQ(*p1.f.relative_share, 1500.0 / 1600);
  EXPECT_STREQ(p1.f.quadrant, "question");
  // Launched this year: no YoY, no quadrant, still a relative share.
  const auto& p2 = product(r, 2);
  EXPECT_FALSE(p2.f.yoy);
  EXPECT_EQ(p2.f.quadrant, nullptr);
  EXPECT_DOUBLE_EQ(*p2.f.relative_share, 500.0 / 1600);
  const auto& p3 = product(r, 3);
  EXPECT_DOUBLE_EQ(*p3.f.yoy, -0.5);
  EXPECT_DOUBLE_EQ(*p3.f.relative_share, 4.0);  // R3: 500 × 15/30
  EXPECT_STREQ(p3.f.quadrant, "cash_cow");

  const auto& server = category(r, "服务器");
  EXPECT_EQ(server.f.sales, 2000);
  EXPECT_EQ(server.market, 30000);
  EXPECT_EQ(server.market_ly, 20000);
  EXPECT_DOUBLE_EQ(*server.market_growth, 0.5);
  EXPECT_EQ(*server.potential, 14000);  // 0.5 × (1 − 2000/30000) × 30000
  EXPECT_DOUBLE_EQ(*server.f.relative_share, 1.25);
  EXPECT_STREQ(server.f.quadrant, "star");  // YoY 1.0, relative 1.25
  EXPECT_EQ(server.rival_id, 1);
  EXPECT_EQ(server.rival_company, "甲");
  EXPECT_EQ(server.products, 2);
  // Zero market size and no competitor: no share, no potential, no relative share.
  const auto& soft = category(r, "软件");
  EXPECT_EQ(soft.market, 0);
  EXPECT_FALSE(soft.f.share);
  EXPECT_FALSE(soft.potential);
  EXPECT_FALSE(soft.f.relative_share);
  EXPECT_EQ(soft.rival_id, 0);
  EXPECT_EQ(soft.f.quadrant, nullptr);
  const auto& storage = category(r, "存储");
  EXPECT_EQ(storage.market_ly, 7500);
  EXPECT_EQ(*storage.potential, 3000);  // 1/3 × (1 − 0.1) × 10000
}

TEST(C4Products, Warnings) {
  auto s = snapshot();
  auto r = analytics::product_warning(*s, engine::scope_all(*s->dims), params());
  std::vector<std::string> got;
  for (const auto& w : r.warnings) got.push_back(w.key("2026-Q2") + ":" + w.severity);
  const std::vector<std::string> want = {
      "category:存储/yoy_decline/2026-Q2:severe", "product:3/yoy_decline/2026-Q2:severe",
      "category:存储/margin_down/2026-Q2:warn",   "product:3/margin_down/2026-Q2:warn",  // 0.3 vs 0.5
      "category:存储/share_down/2026-Q2:warn",    "product:3/share_down/2026-Q2:warn",   // 0.1 vs 2000/7500
      "category:服务器/margin_down/2026-Q2:warn",                                        // 800/2000 = 0.4 vs 0.5
      "category:软件/no_sale/2026-Q2:warn",       "product:4/no_sale/2026-Q2:warn"};
  EXPECT_EQ(got, want);
  EXPECT_DOUBLE_EQ(r.warnings.back().value, 196);  // 2025-12-01 → 2026-06-15
  EXPECT_DOUBLE_EQ(r.warnings[4].value, 0.1 - 2000.0 / 7500);
}

TEST(C4Products, ManagerAndRepScopes) {
  auto s = snapshot();
  // 华东's manager: rep 10's lines; the market of 华东 (and of the company above it, none here).
  auto east = analytics::product_warning(*s, engine::scope_region(*s->dims, s->dims->find_region(2)), params());
  const auto& p1 = product(east, 1);
  EXPECT_EQ(p1.f.sales, 1000);
  EXPECT_DOUBLE_EQ(*p1.f.yoy, 0);
  EXPECT_EQ(p1.f.rival_sales, 1200);  // R2 leads in 华东
  EXPECT_DOUBLE_EQ(*p1.f.relative_share, 1000.0 / 1200);
  EXPECT_STREQ(p1.f.quadrant, "dog");
  EXPECT_EQ(category(east, "服务器").market, 25000);
  // Rep 11 in 广东 reads 华南's market: 5000 this year, none last year (no market growth).
  auto rep = analytics::product_warning(*s, engine::scope_rep(*s->dims, s->dims->find_rep(11)), params());
  const auto& server = category(rep, "服务器");
  EXPECT_EQ(server.f.sales, 500);
  EXPECT_EQ(server.market, 5000);
  EXPECT_DOUBLE_EQ(*server.f.share, 0.1);
  EXPECT_FALSE(server.market_growth);
  EXPECT_FALSE(server.potential);
  EXPECT_DOUBLE_EQ(*server.f.relative_share, 500.0 / 600);
  EXPECT_EQ(product(rep, 3).f.sales, 0);
}

TEST(C4Products, QuadrantThresholdsAreInclusive) {
  EXPECT_STREQ(analytics::product_quadrant(0.1, 1.0, 0.1, 1.0), "star");
  EXPECT_STREQ(analytics::product_quadrant(0.0999, 1.0, 0.1, 1.0), "cash_cow");
  EXPECT_STREQ(analytics::product_quadrant(0.5, 0.99, 0.1, 1.0), "question");
  EXPECT_STREQ(analytics::product_quadrant(-0.5, 0.2, 0.1, 1.0), "dog");
  EXPECT_EQ(analytics::product_quadrant(std::nullopt, 2.0, 0.1, 1.0), nullptr);
  EXPECT_EQ(analytics::product_quadrant(0.5, std::nullopt, 0.1, 1.0), nullptr);
}

TEST(C4Products, CategoryFilter) {
  auto s = snapshot();
  auto p = params();
  p.filter.category = "存储";
  auto r = analytics::product_warning(*s, engine::scope_all(*s->dims), p);
  ASSERT_EQ(r.products.size(), 1u);
  ASSERT_EQ(r.categories.size(), 1u);
  EXPECT_EQ(r.totals.sales, 1000);
}
