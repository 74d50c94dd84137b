// Overdue receivables of contracts (C1's rule, used by the D1 to-do list): payments made
// by as_of are applied to the oldest plan amounts first; what stays unpaid of plan amounts
// due before as_of is overdue.
#pragma once
#include <vector>

#include "engine/snapshot.h"

namespace sl::analytics {

struct OverdueContract {
  size_t contract = 0;  // index into Facts::contracts
  Money overdue = 0;
  Date oldest_due;       // due date of the oldest unpaid overdue amount
  int days_overdue = 0;  // as_of − oldest_due
};

// Contracts of the rep (index) with an overdue amount on as_of, largest first.
std::vector<OverdueContract> overdue_contracts(const engine::ContractTable& t, int32_t rep, Date as_of);
// The same through the Snapshot's contracts-by-rep list (engine/row_index.h): the rep's own rows.
std::vector<OverdueContract> overdue_contracts(const engine::Facts& f, int32_t rep, Date as_of);

// The rule itself: `paid` applied to plan amounts in order (oldest due first); returns
// what stays unpaid of each. The plan must be sorted by due date.
std::vector<Money> unpaid_oldest_first(const Money* plan_amount, size_t n, Money paid);

// One contract's plan on as_of (the contract detail page).
struct PlanItemStatus {
  Date due;
  Money amount = 0, paid = 0, unpaid = 0;
  bool overdue = false;  // unpaid and due before as_of
};
struct ContractStatus {
  std::vector<PlanItemStatus> plan;
  Money paid = 0, overdue = 0, receivable = 0;  // receivable: amount − paid
};
// plan sorted by due date; payments in any order (only those dated by as_of count).
ContractStatus contract_status(const model::Contract& c, const std::vector<model::Payment>& payments, Date as_of);

}  // namespace sl::analytics
