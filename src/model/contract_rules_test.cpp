// Each contract rule on a hand-made contract: the field named and both messages.
#include "model/contract_rules.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace sl::model {
namespace {

Date D(const char* s) { return *parse_date(s); }

// 3 000.00 + 1 500.00 yuan of lines, paid 2 500.00 + 2 000.00: 4 500 000 fen both ways.
Contract good() {
  Contract k;
  k.code = "HT-1";
  k.customer = 1, k.rep = 1;
  k.signed_date = D("2026-06-15");
  k.lines = {{1, 2, 3'000'000, 1'800'000}, {2, 1, 1'500'000, 500'000}};
  k.amount = 4'500'000;
  k.plan = {{D("2026-07-15"), 2'500'000}, {D("2026-08-15"), 2'000'000}};
  return k;
}

const Date kToday = D("2026-06-15");

// The error `f` throws: field and both messages, or "none".
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const AppError& e) {
    EXPECT_EQ(e.status, 422);
    EXPECT_EQ(e.code, "invalid_field");
    return e.field + " | " + e.zh + " | " + e.en;
  }
  return "none";
}

std::string validate(const Contract& k) {
  return error_of([&] { validate_contract(k, kToday); });
}

TEST(ContractRules, AGoodContractPasses) { EXPECT_EQ(validate(good()), "none"); }

TEST(ContractRules, Code) {
  EXPECT_EQ(contract_code("  HT-1 \t"), "HT-1");
  EXPECT_EQ(contract_code(std::string(40, 'x')), std::string(40, 'x'));
  // 40 as typed, spaces included: 39 letters and two spaces are too long.
  EXPECT_EQ(error_of([] { contract_code(" " + std::string(39, 'x') + " "); }),
            "code | 内容过长：code | Too long: code");
  EXPECT_EQ(error_of([] { contract_code(" \t "); }), "code | 缺少必填字段：code | Missing required field: code");
  EXPECT_EQ(error_of([] { contract_code(""); }), "code | 缺少必填字段：code | Missing required field: code");
  Contract k = good();
  k.code = " HT-1";
  EXPECT_EQ(validate(k), "code | 合同编号前后不能有空格 | A contract code has no surrounding spaces");
}

TEST(ContractRules, SignedNotAfterToday) {
  Contract k = good();
  k.signed_date = D("2026-06-16");
  k.plan = {{D("2026-07-15"), 4'500'000}};
  EXPECT_EQ(validate(k), "signed_date | 签约日期不能晚于今天 | The signing date cannot be after today");
  k.signed_date = kToday;
  EXPECT_EQ(validate(k), "none");
}

TEST(ContractRules, OneToTwoHundredLines) {
  Contract k = good();
  k.lines.clear();
  EXPECT_EQ(validate(k), "lines | 合同明细应有 1 到 200 行 | A contract has 1 to 200 lines");
  EXPECT_EQ(error_of([] { check_line_count(200); }), "none");
  EXPECT_EQ(error_of([] { check_line_count(201); }),
            "lines | 合同明细应有 1 到 200 行 | A contract has 1 to 200 lines");
}

TEST(ContractRules, LineBounds) {
  Contract k = good();
  k.lines[1].qty = -1;
  EXPECT_EQ(validate(k),
            "lines[1].qty | 应为 0 到 1000000000 之间的整数：lines[1].qty | "
            "Expected a whole number from 0 to 1000000000: lines[1].qty");
  k = good();
  k.lines[0].amount = -5;
  EXPECT_EQ(validate(k),
            "lines[0].amount | 应为 0 到 1000000000000000 之间的整数：lines[0].amount | "
            "Expected a whole number from 0 to 1000000000000000: lines[0].amount");
  k = good();
  k.lines[0].cost = 1'000'000'000'000'001;
  EXPECT_EQ(validate(k),
            "lines[0].cost | 应为 0 到 1000000000000000 之间的整数：lines[0].cost | "
            "Expected a whole number from 0 to 1000000000000000: lines[0].cost");
  EXPECT_EQ(error_of([] {
              check_line({1, 1'000'000'000, 1'000'000'000'000'000, 1'000'000'000'000'000}, "lines[0]");
            }),
            "none");
}

TEST(ContractRules, AmountAboveZeroAndAtMostTheMaximum) {
  Contract k = good();
  k.lines = {{1, 1, 0, 0}};
  k.amount = 0;
  EXPECT_EQ(validate(k), "lines | 合同金额应大于 0 | The contract amount must be above 0");
  // Two lines of 1e15 fen each: 2e15 is over the maximum of one contract.
  k.lines.assign(2, ContractLine{1, 1, kMaxMoney, 0});
  k.amount = 2'000'000'000'000'000;
  EXPECT_EQ(lines_amount(k.lines), 2'000'000'000'000'000);
  EXPECT_EQ(validate(k), "lines | 合同金额应大于 0 | The contract amount must be above 0");
  // 1e15 − 1 + 1: exactly the maximum, allowed.
  k.lines = {{1, 1, kMaxMoney - 1, 0}, {1, 1, 1, 0}};
  k.amount = 1'000'000'000'000'000;
  k.plan = {{D("2026-07-01"), 1'000'000'000'000'000}};
  EXPECT_EQ(validate(k), "none");
  EXPECT_EQ(lines_amount(good().lines), 4'500'000);
  k = good();
  k.amount = 4'500'001;
  EXPECT_EQ(validate(k), "amount | 合同金额应等于明细金额合计 | The contract amount must equal the sum of its lines");
}

TEST(ContractRules, OneToOneHundredTwentyInstalments) {
  Contract k = good();
  k.plan.clear();
  EXPECT_EQ(validate(k), "plan | 回款计划应有 1 到 120 期 | A payment plan has 1 to 120 instalments");
  // 120 instalments of 37 500 fen = 4 500 000.
  k.plan.assign(120, PlanItem{D("2026-07-01"), 37'500});
  EXPECT_EQ(validate(k), "none");
  k.plan.assign(121, PlanItem{D("2026-07-01"), 37'500});
  EXPECT_EQ(validate(k), "plan | 回款计划应有 1 到 120 期 | A payment plan has 1 to 120 instalments");
}

TEST(ContractRules, DueNotBeforeSigned) {
  Contract k = good();
  k.plan[1].due_date = D("2026-06-14");
  EXPECT_EQ(validate(k), "plan[1].due_date | 回款日期不能早于签约日期 | A due date cannot be before the signing date");
  k.plan[1].due_date = D("2026-06-15");  // the signing day itself
  EXPECT_EQ(validate(k), "none");
}

TEST(ContractRules, PlanAmountsAndTotal) {
  Contract k = good();
  k.plan[0].amount = -1;
  EXPECT_EQ(validate(k),
            "plan[0].amount | 应为 0 到 1000000000000000 之间的整数：plan[0].amount | "
            "Expected a whole number from 0 to 1000000000000000: plan[0].amount");
  k = good();
  k.plan[0].amount = 2'499'999;
  EXPECT_EQ(validate(k), "plan | 回款计划合计应等于合同金额 | The payment plan must add up to the contract amount");
  k = good();
  k.plan.push_back({D("2026-09-15"), 0});  // a zero instalment changes no sum
  EXPECT_EQ(validate(k), "none");
}

TEST(ContractRules, TheFirstErrorInReadingOrder) {
  Contract k = good();
  k.signed_date = D("2026-07-01");  // after today, and after the first due date
  k.plan[0].due_date = D("2026-06-01");
  k.lines[0].qty = -1;
  EXPECT_EQ(validate(k).substr(0, 14), "signed_date | ");
  k.signed_date = kToday;
  EXPECT_EQ(validate(k).substr(0, 15), "lines[0].qty | ");
}

}  // namespace
}  // namespace sl::model
