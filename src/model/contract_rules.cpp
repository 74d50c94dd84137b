#include "model/contract_rules.h"

#include "model/field_errors.h"
#include "model/keys.h"

namespace sl::model {

namespace {
std::string index_field(const char* list, size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; }
}  // namespace

std::string contract_code(std::string_view typed) {
  if (typed.size() > kMaxCodeLength) throw too_long("code");
  std::string code = trim_code(typed);
  if (code.empty()) throw missing_value("code");
  return code;
}

void check_signed_date(Date signed_date, Date today) {
  if (signed_date > today)
    throw invalid_field("signed_date", "签约日期不能晚于今天", "The signing date cannot be after today");
}

void check_line_count(size_t n) {
  if (n == 0 || n > kMaxContractLines)
    throw invalid_field("lines", "合同明细应有 1 到 200 行", "A contract has 1 to 200 lines");
}

void check_line(const ContractLine& l, const std::string& at) {
  check_range(l.qty, 0, kMaxQty, at + ".qty");
  check_range(l.amount, 0, kMaxMoney, at + ".amount");
  check_range(l.cost, 0, kMaxMoney, at + ".cost");
}

Money lines_amount(const std::vector<ContractLine>& lines) {
  Money sum = 0;
  for (const auto& l : lines) sum += l.amount;
  return sum;
}

void check_amount(Money amount) {
  if (amount <= 0 || amount > kMaxMoney)
    throw invalid_field("lines", "合同金额应大于 0", "The contract amount must be above 0");
}

void check_plan_count(size_t n) {
  if (n == 0 || n > kMaxPlanItems)
    throw invalid_field("plan", "回款计划应有 1 到 120 期", "A payment plan has 1 to 120 instalments");
}

void check_plan_due(const PlanItem& p, const std::string& at, Date signed_date) {
  if (p.due_date < signed_date)
    throw invalid_field(at + ".due_date", "回款日期不能早于签约日期", "A due date cannot be before the signing date");
}

void check_plan_amount(const PlanItem& p, const std::string& at) {
  check_range(p.amount, 0, kMaxMoney, at + ".amount");
}

void check_plan_total(const Contract& k) {
  Money planned = 0;
  for (const auto& p : k.plan) planned += p.amount;
  if (planned != k.amount)
    throw invalid_field("plan", "回款计划合计应等于合同金额", "The payment plan must add up to the contract amount");
}

void validate_contract(const Contract& k, Date today) {
  if (contract_code(k.code) != k.code)
    throw invalid_field("code", "合同编号前后不能有空格", "A contract code has no surrounding spaces");
  check_signed_date(k.signed_date, today);
  check_line_count(k.lines.size());
  for (size_t i = 0; i < k.lines.size(); ++i) check_line(k.lines[i], index_field("lines", i));
  const Money total = lines_amount(k.lines);
  check_amount(total);
  if (k.amount != total)
    throw invalid_field("amount", "合同金额应等于明细金额合计", "The contract amount must equal the sum of its lines");
  check_plan_count(k.plan.size());
  for (size_t i = 0; i < k.plan.size(); ++i) {
    check_plan_due(k.plan[i], index_field("plan", i), k.signed_date);
    check_plan_amount(k.plan[i], index_field("plan", i));
  }
  check_plan_total(k);
}

}  // namespace sl::model
