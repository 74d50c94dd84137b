// Each target-grid rule by hand: the field named and both messages.
#include "model/target_rules.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace sl::model {
namespace {

template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const AppError& e) {
    EXPECT_EQ(e.status, 422);
    return e.field + " | " + e.zh + " | " + e.en;
  }
  return "none";
}

const std::string kYear = "year | 年份应在 2000 到 2100 之间 | year must be between 2000 and 2100";

TEST(TargetRules, Year) {
  EXPECT_EQ(target_year(2000), 2000);
  EXPECT_EQ(target_year(2100), 2100);
  EXPECT_EQ(error_of([] { target_year(1999); }), kYear);
  EXPECT_EQ(error_of([] { target_year(2101); }), kYear);
  // 4294969296 = 2^32 + 2000: as an int it would wrap to 2000.
  EXPECT_EQ(error_of([] { target_year(4'294'969'296); }), kYear);
  EXPECT_EQ(error_of([] { target_year(-4'294'965'296); }), kYear);  // -2^32 + 2000
}

TEST(TargetRules, Metric) {
  EXPECT_EQ(grid_metric("sales"), TargetMetric::sales);
  EXPECT_EQ(grid_metric(""), TargetMetric::sales);
  EXPECT_EQ(grid_metric("collection"), TargetMetric::collection);
  const std::string bad = "metric | 指标应为 sales 或 collection | metric must be sales or collection";
  EXPECT_EQ(error_of([] { grid_metric("bids_won"); }), bad);  // a target, but not one of the grid's
  EXPECT_EQ(error_of([] { grid_metric("Sales"); }), bad);
}

TEST(TargetRules, MonthsAndLocks) {
  const Month june = Month::of(2026, 6);
  EXPECT_EQ(target_month(2026, 6, june, "cells[0]"), june);  // the current month is open
  EXPECT_EQ(target_month(2026, 12, june, "cells[0]"), Month::of(2026, 12));
  EXPECT_EQ(target_month(2027, 1, june, "cells[0]"), Month::of(2027, 1));
  const std::string locked =
      "cells[2].month | 当月之前的月份已锁定，不能修改 | "
      "Months before the current one are locked and cannot be changed";
  EXPECT_EQ(error_of([&] { target_month(2026, 5, june, "cells[2]"); }), locked);
  EXPECT_EQ(error_of([&] { target_month(2025, 12, june, "cells[2]"); }), locked);
  const std::string range =
      "cells[1].month | 应为 1 到 12 之间的整数：cells[1].month | "
      "Expected a whole number from 1 to 12: cells[1].month";
  EXPECT_EQ(error_of([&] { target_month(2027, 0, june, "cells[1]"); }), range);
  EXPECT_EQ(error_of([&] { target_month(2027, 13, june, "cells[1]"); }), range);
}

TEST(TargetRules, Values) {
  EXPECT_EQ(error_of([] { check_target_value(std::nullopt, "cells[0]"); }), "none");  // clears the cell
  EXPECT_EQ(error_of([] { check_target_value(0, "cells[0]"); }), "none");
  EXPECT_EQ(error_of([] { check_target_value(10'000'000'000'000'000, "cells[0]"); }), "none");
  const std::string bad =
      "cells[0].value | 应为 0 到 10000000000000000 之间的整数：cells[0].value | "
      "Expected a whole number from 0 to 10000000000000000: cells[0].value";
  EXPECT_EQ(error_of([] { check_target_value(-1, "cells[0]"); }), bad);
  EXPECT_EQ(error_of([] { check_target_value(10'000'000'000'000'001, "cells[0]"); }), bad);
}

TEST(TargetRules, AWholeCell) {
  const Month june = Month::of(2026, 6);
  Target t{Month::of(2026, 7), TargetMetric::collection, OwnerKind::rep, 5, 0};
  EXPECT_EQ(error_of([&] { validate_target_cell(t, 100, june, "cells[0]"); }), "none");
  EXPECT_EQ(error_of([&] { validate_target_cell(t, -1, june, "cells[0]"); }).substr(0, 17), "cells[0].value | ");
  t.month = Month::of(2026, 5);
  EXPECT_EQ(error_of([&] { validate_target_cell(t, 100, june, "cells[0]"); }).substr(0, 17), "cells[0].month | ");
  t.month = Month::of(2101, 1);
  EXPECT_EQ(error_of([&] { validate_target_cell(t, 100, june, "cells[0]"); }), kYear);
  t = Target{Month::of(2026, 7), TargetMetric::new_customers, OwnerKind::rep, 5, 0};
  EXPECT_EQ(error_of([&] { validate_target_cell(t, 100, june, "cells[0]"); }).substr(0, 9), "metric | ");
}

}  // namespace
}  // namespace sl::model
