// P4's forecast window and shape (the numbers themselves are the forecast module's, checked
// against R in tests/forecast/).
#include "analytics/plan/finance_forecast.h"

#include <gtest/gtest.h>

#include "analytics/check/check_fixture_test_util.h"

using namespace sl;
using namespace sl::analytics;
using check_test::D;

namespace {

std::vector<FinanceMonthRow> flat(const char* first, int n, Money revenue) {
  std::vector<FinanceMonthRow> v;
  for (int k = 0; k < n; ++k) {
    FinanceMonthRow r;
    r.month = Month{parse_month(first)->index + k};
    r.v[static_cast<size_t>(FinanceLine::revenue)] = revenue;
    r.v[static_cast<size_t>(FinanceLine::gross_profit)] = revenue;
    v.push_back(r);
  }
  return v;
}

}  // namespace

TEST(FinanceForecast, RestOfTheYear) {
  auto [a, b] = finance_forecast_months(D("2026-06-15"));
  EXPECT_EQ(format_month(a), "2026-07");
  EXPECT_EQ(format_month(b), "2026-12");
  std::tie(a, b) = finance_forecast_months(D("2025-12-31"));  // December: the next month only
  EXPECT_EQ(format_month(a), "2026-01");
  EXPECT_EQ(format_month(b), "2026-01");
  std::tie(a, b) = finance_forecast_months(D("2026-11-30"));
  EXPECT_EQ(format_month(a), "2026-12");
  EXPECT_EQ(format_month(b), "2026-12");
}

TEST(FinanceForecast, MonthsAfterAsOfsMonthOnly) {
  // History to May; as_of in June: June (open) is fitted past but not shown, July..December are.
  auto f = finance_forecast(flat("2024-01", 29, 1000), D("2026-06-15"));
  ASSERT_EQ(f.lines.size(), 8u);
  const auto& rev = f.lines[0];
  ASSERT_EQ(rev.forecast.size(), 6u);
  EXPECT_EQ(format_month(rev.forecast.front().month), "2026-07");
  EXPECT_EQ(format_month(rev.forecast.back().month), "2026-12");
  EXPECT_EQ(rev.fit.forecast.size(), 7u);  // June..December
  for (const auto& p : rev.forecast) {
    EXPECT_LE(p.low, p.value);
    EXPECT_LE(p.value, p.high);
    EXPECT_NEAR(static_cast<double>(p.value), 1000, 1);  // a flat line stays flat
  }
  EXPECT_EQ(f.lines[2].line, FinanceLine::gross_profit);
  EXPECT_NEAR(static_cast<double>(f.lines[2].forecast[0].value), 1000, 1);
}

TEST(FinanceForecast, NoHistoryNoForecast) {
  auto f = finance_forecast({}, D("2026-06-15"));
  EXPECT_FALSE(f.first);
  ASSERT_EQ(f.lines.size(), 8u);
  EXPECT_TRUE(f.lines[0].forecast.empty());
}
