// P4 on hand-worked ledgers: the derived lines, complete months and gaps, YTD, YoY growth,
// Pearson r (a constant series, too few points), the ±0.6 labels and a broken pair.
#include "analytics/plan/finance.h"

#include <gtest/gtest.h>

#include <cmath>

#include "analytics/check/check_fixture_test_util.h"
#include "analytics/plan/finance_correlation.h"

using namespace sl;
using namespace sl::analytics;
using check_test::D;

namespace {

model::FinanceMonth fm(const char* month, Money rev, Money cost, Money sell = 0, Money admin = 0, Money fin = 0,
                       Money other = 0) {
  return {*parse_month(month), rev, cost, sell, admin, fin, other};
}

std::shared_ptr<const engine::Snapshot> snap(std::vector<model::FinanceMonth> ledger) {
  model::Dataset d = check_test::org();
  d.finance_months = std::move(ledger);
  return engine::build_snapshot(d, 1);
}

Money at(const FinanceMonthRow& r, FinanceLine l) { return r.v[static_cast<size_t>(l)]; }

}  // namespace

TEST(Finance, DerivedLinesAndMargins) {
  auto s = snap({fm("2026-01", 1000, 600, 100, 50, 10, 5)});
  auto m = finance_months(*s, engine::scope_all(*s->dims), D("2026-01-31"));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(at(m[0], FinanceLine::gross_profit), 400);              // 1000 − 600
  EXPECT_EQ(at(m[0], FinanceLine::operating_profit), 245);          // 400 − 100 − 50 − 10 + 5
  EXPECT_DOUBLE_EQ(*m[0].gross_margin, 0.4);
  EXPECT_DOUBLE_EQ(*m[0].operating_margin, 0.245);
}

TEST(Finance, CompleteMonthsGapsAndScope) {
  // February is missing from the ledger; March ends on the 31st.
  auto s = snap({fm("2026-03", 300, 100), fm("2026-01", 100, 50)});
  const auto all = engine::scope_all(*s->dims);
  auto m = finance_months(*s, all, D("2026-03-30"));
  ASSERT_EQ(m.size(), 1u);  // March not complete yet; February after January is not in the ledger
  m = finance_months(*s, all, D("2026-03-31"));
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(format_month(m[1].month), "2026-02");
  EXPECT_EQ(at(m[1], FinanceLine::revenue), 0);
  EXPECT_FALSE(m[1].gross_margin);  // no revenue: no margin
  EXPECT_EQ(at(m[2], FinanceLine::revenue), 300);
  // Company-wide data: a manager's or a rep's scope reads nothing.
  EXPECT_TRUE(finance_months(*s, engine::scope_region(*s->dims, 1), D("2026-03-31")).empty());
  EXPECT_TRUE(finance_months(*s, engine::scope_rep(*s->dims, 0), D("2026-03-31")).empty());
}

TEST(Finance, YtdAgainstLastYtd) {
  auto s = snap({fm("2025-01", 100, 60), fm("2025-02", 200, 100, 0, 0, 0, -50), fm("2025-03", 999, 0),
                 fm("2026-01", 150, 90), fm("2026-02", 250, 100, 0, 0, 0, 25), fm("2026-03", 1, 0)});
  auto months = finance_months(*s, engine::scope_all(*s->dims), D("2026-03-15"));
  auto y = finance_ytd(months, D("2026-03-15"));
  EXPECT_EQ(format_month(*y.first), "2026-01");
  EXPECT_EQ(format_month(*y.last), "2026-02");
  const auto& rev = y.lines[static_cast<size_t>(FinanceLine::revenue)];
  EXPECT_EQ(rev.ytd, 400);       // 150 + 250
  EXPECT_EQ(rev.last_ytd, 300);  // 100 + 200 (March 2025 is not in the same months)
  EXPECT_DOUBLE_EQ(*rev.growth, 100.0 / 300);
  // other income −50 → +25: growth over |−50| = +150 %.
  EXPECT_DOUBLE_EQ(*y.lines[static_cast<size_t>(FinanceLine::other_income)].growth, 1.5);
  EXPECT_DOUBLE_EQ(*y.gross_margin, 210.0 / 400);      // (60 + 150) / 400
  EXPECT_DOUBLE_EQ(*y.gross_margin_ly, 140.0 / 300);   // (40 + 100) / 300
  EXPECT_DOUBLE_EQ(*y.operating_margin, 235.0 / 400);  // 210 + 25
  // In January no month of the year is complete: no YTD.
  auto jan = finance_ytd(finance_months(*s, engine::scope_all(*s->dims), D("2026-01-20")), D("2026-01-20"));
  EXPECT_FALSE(jan.first);
  EXPECT_EQ(jan.lines[0].ytd, 0);
  EXPECT_FALSE(jan.lines[0].growth);
}

TEST(Finance, PearsonByHand) {
  using V = std::vector<std::optional<double>>;
  // x 1..4, y 1,3,2,4: Σdxdy = 4, Σdx² = Σdy² = 5 → r = 0.8.
  EXPECT_NEAR(*pearson(V{1, 2, 3, 4}, V{1, 3, 2, 4}), 0.8, 1e-12);
  EXPECT_NEAR(*pearson(V{1, 2, 3}, V{6, 4, 2}), -1.0, 1e-12);
  int points = 0;
  // Positions missing on either side are left out: (1,1), (3,2), (4,4) remain; means 8/3, 7/3,
  // dx = −5/3, 1/3, 4/3, dy = −4/3, −1/3, 5/3: Σdxdy = 39/9, Σdx² = Σdy² = 42/9 → r = 39/42.
  EXPECT_NEAR(*pearson(V{1, std::nullopt, 3, 4}, V{1, 3, 2, 4}, &points), 39.0 / 42, 1e-12);
  EXPECT_EQ(points, 3);
  EXPECT_FALSE(pearson(V{1, 2, 3}, V{5, 5, 5}));   // a constant series
  EXPECT_FALSE(pearson(V{0.1, 0.1, 0.1, 0.1}, V{1, 2, 3, 4}));
  EXPECT_FALSE(pearson(V{1, 2}, V{2, 1}, &points));  // two points say nothing
  EXPECT_EQ(points, 2);
}

TEST(Finance, DirectionThresholdIsInclusive) {
  EXPECT_EQ(direction_of(0.6), Direction::together);
  EXPECT_EQ(direction_of(-0.6), Direction::opposite);
  EXPECT_EQ(direction_of(0.59), Direction::none);
  EXPECT_EQ(direction_of(std::nullopt), Direction::none);
}

TEST(Finance, CorrelationAndBrokenPair) {
  // 2024: every line flat (revenue = cost = 1000, selling 100); 2025-01..05 revenue grows
  // 10, 20, 30, 40, 35 %, cost 10, 20, 30, 40, 20 %, selling a constant 10 %.
  std::vector<model::FinanceMonth> ledger;
  for (int k = 1; k <= 12; ++k) {
    std::string m = "2024-" + std::string(k < 10 ? "0" : "") + std::to_string(k);
    ledger.push_back(fm(m.c_str(), 1000, 1000, 100));
  }
  const Money rev[] = {1100, 1200, 1300, 1400, 1350}, cost[] = {1100, 1200, 1300, 1400, 1200};
  for (int k = 0; k < 5; ++k) {
    std::string m = "2025-0" + std::to_string(k + 1);
    ledger.push_back(fm(m.c_str(), rev[k], cost[k], 110));
  }
  auto s = snap(ledger);
  auto months = finance_months(*s, engine::scope_all(*s->dims), D("2025-05-31"));
  auto g = yoy_growth(months, FinanceLine::revenue);
  EXPECT_FALSE(g[11]);
  EXPECT_NEAR(*g[16], 0.35, 1e-12);
  EXPECT_FALSE(yoy_growth(months, FinanceLine::gross_profit)[12]);  // a year earlier gross profit was 0
  auto c = finance_correlation(months);
  EXPECT_EQ(format_month(*c.first), "2024-01");  // 17 months, all in the 24-month window
  ASSERT_EQ(c.pairs.size(), 28u);
  const FinancePair& rc = c.pairs[0];  // (revenue, cost_of_sales)
  EXPECT_EQ(rc.b, FinanceLine::cost_of_sales);
  // x = .1 .2 .3 .4 .35, y = .1 .2 .3 .4 .2: Σdxdy = .046, Σdx² = .058, Σdy² = .052.
  EXPECT_NEAR(*rc.r, 0.046 / std::sqrt(0.058 * 0.052), 1e-9);
  EXPECT_EQ(rc.points, 5);
  EXPECT_EQ(rc.direction, Direction::together);
  // Latest month: revenue above its mean (.35 > .27), cost below (.2 < .24): broken.
  EXPECT_TRUE(rc.broken);
  EXPECT_NEAR(*rc.latest_a, 0.35, 1e-12);
  const FinancePair& rg = c.pairs[1];  // (revenue, gross_profit): no growth of gross profit
  EXPECT_FALSE(rg.r);
  EXPECT_EQ(rg.points, 0);
  EXPECT_EQ(rg.direction, Direction::none);
  const FinancePair& rs = c.pairs[2];  // (revenue, selling_expense): selling's growth is constant
  EXPECT_EQ(rs.b, FinanceLine::selling_expense);
  EXPECT_FALSE(rs.r);
  EXPECT_EQ(rs.points, 5);
  EXPECT_FALSE(rs.broken);
}

TEST(Finance, WindowIsTheLast24Months) {
  std::vector<model::FinanceMonth> ledger;
  for (int k = 0; k < 30; ++k) ledger.push_back({Month{Month::of(2023, 1).index + k}, 100 + k, 0, 0, 0, 0, 0});
  auto s = snap(ledger);
  auto c = finance_correlation(finance_months(*s, engine::scope_all(*s->dims), D("2030-01-01")));
  EXPECT_EQ(format_month(*c.first), "2023-07");
  EXPECT_EQ(format_month(*c.last), "2025-06");
}
