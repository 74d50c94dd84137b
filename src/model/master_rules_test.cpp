#include <gtest/gtest.h>

#include <functional>

#include "core/error.h"
#include "model/master_rules.h"
#include "model/payment_rules.h"

namespace sl::model {
namespace {

AppError error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const AppError& e) {
    return e;
  }
  ADD_FAILURE() << "no error";
  return AppError(0, "", "", "", "");
}

TEST(MasterRules, RegionLevels) {
  EXPECT_EQ(region_level(false, 0), 0);
  EXPECT_EQ(region_level(true, 0), 1);
  EXPECT_EQ(region_level(true, 1), 2);
  EXPECT_EQ(error_of([] { region_level(true, 2); }).field, "parent");
}

TEST(MasterRules, NamesPricesEmployment) {
  check_name(std::string(200, 'a'), "name");
  EXPECT_EQ(error_of([] { check_name(std::string(201, 'a'), "name"); }).field, "name");
  validate_product_prices(0, 0);
  EXPECT_EQ(error_of([] { validate_product_prices(-1, 0); }).field, "list_price");
  EXPECT_EQ(error_of([] { validate_product_prices(0, -1); }).field, "unit_cost");
  check_employment("2020-01-01", "");
  check_employment("2020-01-01", "2020-01-01");
  EXPECT_EQ(error_of([] { check_employment("2020-01-02", "2020-01-01"); }).field, "leave_date");
  EXPECT_EQ(error_of([] { check_not_negative(-1, "market_size"); }).field, "market_size");
}

TEST(MasterRules, BidResults) {
  check_bid_result("pending", "2026-05-01", "");
  check_bid_result("won", "2026-05-01", "2026-05-01");
  EXPECT_EQ(error_of([] { check_bid_result("pending", "2026-05-01", "2026-05-02"); }).field, "result_date");
  EXPECT_EQ(error_of([] { check_bid_result("lost", "2026-05-01", ""); }).field, "result_date");
  EXPECT_EQ(error_of([] { check_bid_result("won", "2026-05-01", "2026-04-30"); }).field, "result_date");
}

TEST(PaymentRules, DateAmountAndPlanSum) {
  const Date today = *parse_date("2026-06-15");
  check_payment(today, 1, today);
  EXPECT_EQ(error_of([&] { check_payment(*parse_date("2026-06-16"), 1, today); }).field, "date");
  EXPECT_EQ(error_of([&] { check_payment(today, 0, today); }).field, "amount");
  check_plan_sum(100, 100);
  const AppError e = error_of([] { check_plan_sum(99, 100); });
  EXPECT_EQ(e.field, "amount");
  EXPECT_FALSE(e.zh.empty());
  EXPECT_FALSE(e.en.empty());
}

}  // namespace
}  // namespace sl::model
