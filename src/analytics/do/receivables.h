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
  Date oldest_due;      // due date of the oldest unpaid overdue amount
  int days_overdue = 0; // as_of − oldest_due
};

// Contracts of the rep (index) with an overdue amount on as_of, largest first.
std::vector<OverdueContract> overdue_contracts(const engine::ContractTable& t, int32_t rep, Date as_of);

}  // namespace sl::analytics
