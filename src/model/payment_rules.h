// The field rules of a payment (回款) and a payment-plan instalment as the import reads them,
// shared with the forms: each check throws AppError 422 naming the field, in both languages.
// What needs the contract (its signing date, what is still open) is passed in by the caller.
#pragma once
#include "core/date.h"
#include "core/money.h"

namespace sl::model {

// Not after today; amount above 0 and at most kMaxMoney (contract_rules.h). Fields "date", "amount".
void check_payment(Date date, Money amount, Date today);
// The instalments of a contract add up to its amount. Field "amount".
void check_plan_sum(Money plan_total, Money contract_amount);

}  // namespace sl::model
