// When a month is over and when a growth rate is a percentage; expected values by hand.
#include "analytics/do/yoy.h"

#include <gtest/gtest.h>

#include "analytics/do/month_complete.h"

using namespace sl;
using namespace sl::analytics;

namespace {
Date D(const char* s) { return *parse_date(s); }
}  // namespace

TEST(MonthComplete, OnOrAfterTheLastDay) {
  EXPECT_FALSE(month_complete(Month::of(2026, 6), D("2026-06-15")));
  EXPECT_FALSE(month_complete(Month::of(2026, 6), D("2026-06-29")));
  EXPECT_TRUE(month_complete(Month::of(2026, 6), D("2026-06-30")));
  EXPECT_TRUE(month_complete(Month::of(2026, 5), D("2026-06-01")));
  EXPECT_FALSE(month_complete(Month::of(2024, 2), D("2024-02-28")));  // leap year: 29 days
  EXPECT_TRUE(month_complete(Month::of(2024, 2), D("2024-02-29")));
  EXPECT_FALSE(month_complete(Month::of(2026, 7), D("2026-06-15")));  // a future month
}

TEST(YoyBasis, MinimumBaseIsAShareOfTheMeanMonth) {
  // Mean of 100, 200, 300, 400 = 250; 10 % of it = 25 a month; two months → 50.
  EXPECT_DOUBLE_EQ(min_base({400, 100, 300, 200}, 1), 25);
  EXPECT_DOUBLE_EQ(min_base({400, 100, 300, 200}, 2), 50);
  EXPECT_DOUBLE_EQ(min_base({400, 200, 300}, 1, 0.05), 15);  // mean 300 × 5 %
  EXPECT_DOUBLE_EQ(min_base({}, 1), 0);                      // no history: no minimum
  // A lumpy unit (one large month of four): the median month is 0, the mean 1,250 → 125.
  EXPECT_DOUBLE_EQ(min_base({0, 0, 0, 5000}, 1), 125);
}

TEST(YoyBasis, NormalNewAndSmall) {
  auto g = growth_over(150, 100, 12.5);
  EXPECT_EQ(g.basis, YoyBasis::normal);
  EXPECT_DOUBLE_EQ(*g.value, 0.5);  // (150 − 100) / 100
  auto fall = growth_over(0, 100, 12.5);
  EXPECT_EQ(fall.basis, YoyBasis::normal);
  EXPECT_DOUBLE_EQ(*fall.value, -1.0);
  // Base 10 under a minimum of 12.5: 1,000 this year is new (it would read +9900 %).
  auto fresh = growth_over(1000, 10, 12.5);
  EXPECT_EQ(fresh.basis, YoyBasis::new_base);
  EXPECT_FALSE(fresh.value);
  // Both under the minimum: nothing to compare.
  auto small = growth_over(5, 10, 12.5);
  EXPECT_EQ(small.basis, YoyBasis::small);
  EXPECT_FALSE(small.value);
  // A base of 0 is never a percentage, even with no minimum.
  EXPECT_EQ(growth_over(10, 0, 0).basis, YoyBasis::new_base);
  EXPECT_EQ(growth_over(0, 0, 0).basis, YoyBasis::small);
  // A base under a tenth of this period's amount: 1 against 483 is new, not +48200 %;
  // exactly a tenth (+900 %) is still a percentage.
  EXPECT_EQ(growth_over(483, 1, 0).basis, YoyBasis::new_base);
  EXPECT_DOUBLE_EQ(*growth_over(1000, 100, 0).value, 9.0);
  EXPECT_EQ(growth_over(1001, 100, 0).basis, YoyBasis::new_base);
  EXPECT_EQ(growth_over(1001, 100, 0, 0.05).basis, YoyBasis::normal);  // the share is a setting
  // A base exactly at the minimum is normal.
  EXPECT_EQ(growth_over(20, 25, 25).basis, YoyBasis::normal);
  EXPECT_STREQ(yoy_basis_code(YoyBasis::new_base), "new");
  EXPECT_STREQ(yoy_basis_code(YoyBasis::partial), "partial");
}
