// The field rules of a contract (合同录入), shared by the API, the forms and the import:
// each check throws AppError 422 naming the field, in both languages. What needs the data
// (the rep, customer, opportunity and products exist and are in the caller's scope, the
// rep was hired by the signing date) is checked by the caller against its Snapshot.
//
// The API reads the body field by field and calls the checks as it goes, so the first
// error of a body is the first in reading order; validate_contract runs them all, in the
// same order, on a contract read some other way.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/entities.h"

namespace sl::model {

constexpr size_t kMaxCodeLength = 40;  // before trimming
constexpr size_t kMaxContractLines = 200;
constexpr size_t kMaxPlanItems = 120;
constexpr int64_t kMaxQty = 1'000'000'000;
// 1e15 fen (ten trillion yuan): far above any contract, and 200 lines or 120 instalments of
// it (≤ 2e17) add up far below int64 overflow.
constexpr Money kMaxMoney = 1'000'000'000'000'000;

// The code as stored: at most 40 characters as typed, trimmed, not empty. Field "code".
std::string contract_code(std::string_view typed);
// Not after today. Field "signed_date".
void check_signed_date(Date signed_date, Date today);
// 1 to 200 lines. Field "lines".
void check_line_count(size_t n);
// qty 0..kMaxQty, amount and cost 0..kMaxMoney. Fields `at` + ".qty" / ".amount" / ".cost".
void check_line(const ContractLine& l, const std::string& at);
// Σ lines.amount.
Money lines_amount(const std::vector<ContractLine>& lines);
// Above 0 and at most kMaxMoney. Field "lines".
void check_amount(Money amount);
// 1 to 120 instalments. Field "plan".
void check_plan_count(size_t n);
// Not due before the signing date; amount 0..kMaxMoney. Fields `at` + ".due_date" / ".amount".
void check_plan_due(const PlanItem& p, const std::string& at, Date signed_date);
void check_plan_amount(const PlanItem& p, const std::string& at);
// Σ plan.amount = amount. Field "plan".
void check_plan_total(const Contract& k);

// Every rule above on a whole contract: the code as stored (contract_code(code) == code),
// amount = Σ lines.amount (field "amount"), and the rest in the order listed.
void validate_contract(const Contract& k, Date today);

}  // namespace sl::model
