#include "core/date.h"

#include <gtest/gtest.h>

using namespace sl;

TEST(Date, RoundTripsAcrossEraAndLeapDays) {
  EXPECT_EQ(from_ymd(1970, 1, 1).days, 0);
  EXPECT_EQ(from_ymd(2000, 3, 1).days - from_ymd(2000, 2, 28).days, 2);  // 2000 is leap
  EXPECT_EQ(from_ymd(1900, 3, 1).days - from_ymd(1900, 2, 28).days, 1);  // 1900 is not
  for (int d = -800000; d < 800000; d += 37) {
    Ymd v = to_ymd(Date{d});
    EXPECT_EQ(from_ymd(v.year, v.month, v.day).days, d);
  }
}

TEST(Date, ParsesOnlyRealDates) {
  EXPECT_EQ(format_date(*parse_date("2024-02-29")), "2024-02-29");
  EXPECT_FALSE(parse_date("2023-02-29"));
  EXPECT_FALSE(parse_date("2026-13-01"));
  EXPECT_FALSE(parse_date("2026-6-1"));
  EXPECT_FALSE(parse_date("2026-06-01x"));
  EXPECT_FALSE(parse_date("+026-06-01"));
  EXPECT_FALSE(parse_date(""));
}

TEST(Period, ParsesMonthQuarterYear) {
  auto m = parse_period("2026-06");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->days(), 30);
  EXPECT_EQ(m->label(), "2026-06");
  auto q = parse_period("2026-Q2");
  ASSERT_TRUE(q);
  EXPECT_EQ(format_date(q->first), "2026-04-01");
  EXPECT_EQ(format_date(q->last), "2026-06-30");
  EXPECT_EQ(q->days(), 91);
  auto y = parse_period("2024");
  ASSERT_TRUE(y);
  EXPECT_EQ(y->days(), 366);
  EXPECT_FALSE(parse_period("2026-Q5"));
  EXPECT_FALSE(parse_period("2026-00"));
  EXPECT_FALSE(parse_period("26"));
}

TEST(Period, PreviousAndYearEarlier) {
  EXPECT_EQ(parse_period("2026-01")->previous().label(), "2025-12");
  EXPECT_EQ(parse_period("2026-Q1")->previous().label(), "2025-Q4");
  EXPECT_EQ(parse_period("2026-Q3")->year_earlier().label(), "2025-Q3");
  EXPECT_EQ(parse_period("2024-02")->year_earlier().days(), 28);
}

// METRICS.md D3: elapsed counts the first day through as_of inclusive.
TEST(TimeProgress, MonthEdges) {
  Period june = *parse_period("2026-06");
  EXPECT_DOUBLE_EQ(time_progress(june, *parse_date("2026-06-15")), 15.0 / 30.0);
  EXPECT_DOUBLE_EQ(time_progress(june, *parse_date("2026-06-01")), 1.0 / 30.0);
  EXPECT_DOUBLE_EQ(time_progress(june, *parse_date("2026-06-30")), 1.0);
  EXPECT_DOUBLE_EQ(time_progress(june, *parse_date("2026-05-31")), 0.0);
  EXPECT_DOUBLE_EQ(time_progress(june, *parse_date("2027-01-01")), 1.0);
}

TEST(TimeProgress, QuarterAndLeapYear) {
  Period q1 = *parse_period("2024-Q1");  // 31 + 29 + 31 = 91 days
  EXPECT_EQ(q1.days(), 91);
  EXPECT_DOUBLE_EQ(time_progress(q1, *parse_date("2024-02-29")), 60.0 / 91.0);
  Period q1n = *parse_period("2025-Q1");  // 90 days
  EXPECT_DOUBLE_EQ(time_progress(q1n, *parse_date("2025-03-31")), 1.0);
  EXPECT_DOUBLE_EQ(time_progress(q1n, *parse_date("2025-02-28")), 59.0 / 90.0);
  Period y = *parse_period("2024");
  EXPECT_DOUBLE_EQ(time_progress(y, *parse_date("2024-12-31")), 1.0);
  EXPECT_DOUBLE_EQ(time_progress(y, *parse_date("2024-07-01")), 183.0 / 366.0);
  EXPECT_DOUBLE_EQ(time_progress(*parse_period("2025"), *parse_date("2025-07-01")), 182.0 / 365.0);
}
