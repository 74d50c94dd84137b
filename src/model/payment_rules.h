// The field rules of a payment (回款) and a payment-plan instalment, shared by the import, the
// 回款登记 form and its API (POST /api/v1/payments): each check throws AppError 422 naming the field, in both languages.
// What needs the contract (its signing date, what is still open) is passed in by the caller.
#pragma once
#include "core/date.h"
#include "core/money.h"

namespace sl::model {

// Not after today; amount above 0 and at most kMaxMoney (contract_rules.h). Fields "date", "amount".
void check_payment(Date date, Money amount, Date today);
// Not before the contract was signed. Field "date".
void check_payment_after_signing(Date date, Date signed_date);
// At most what the contract still has open (its amount less what was paid). Field "amount".
void check_payment_open(Money amount, Money open);
// The instalments of a contract add up to its amount. Field "amount".
void check_plan_sum(Money plan_total, Money contract_amount);

}  // namespace sl::model
