#include "model/payment_rules.h"

#include "core/error.h"
#include "model/contract_rules.h"

namespace sl::model {

void check_payment(Date date, Money amount, Date today) {
  if (today < date) throw invalid_field("date", "回款日期不能晚于今天", "A payment date cannot be in the future");
  if (amount <= 0 || amount > kMaxMoney)
    throw invalid_field("amount", "回款金额应大于 0 且不超过上限",
                        "A payment amount must be above 0 and within the limit");
}

void check_payment_after_signing(Date date, Date signed_date) {
  if (date < signed_date)
    throw invalid_field("date", "回款日期不能早于合同签约日期", "A payment date cannot be before the contract was signed");
}

void check_payment_open(Money amount, Money open) {
  if (amount > open)
    throw invalid_field("amount", "回款金额超过合同未回款金额（" + std::to_string(open / 100) + " 元）",
                        "The amount is more than the contract has open (" + std::to_string(open / 100) + " yuan)");
}

void check_plan_sum(Money plan_total, Money contract_amount) {
  if (plan_total != contract_amount)
    throw invalid_field("amount", "回款计划合计应等于合同金额", "A contract's instalments must add up to its amount");
}

}  // namespace sl::model
