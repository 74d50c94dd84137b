// C1 receivables and overdue aging. Payments made by as_of are applied to the oldest plan
// amounts first (the rule D1's overdue list uses too); what stays unpaid of a plan amount
// due before as_of is overdue, aged by as_of − due date: 1–30, 31–60, 61–90, 91–180, > 180.
#pragma once
#include <array>
#include <vector>

#include "analytics/do/do_filter.h"
#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

struct AgingParams {
  Date as_of;
  RowFilter filter{};     // customer filters (industry, size); a category does not split a contract
  bool by_party = false;  // also fill by_customer and by_rep (the blockers of C1)
};

struct AgingBucket {
  int min_days = 0, max_days = 0;  // max_days = INT32_MAX for the open-ended last bucket
  int64_t items = 0;               // plan amounts (instalments) with an overdue remainder
  Money amount = 0;
};

// Receivable and overdue of one customer or rep.
struct AgingParty {
  Money receivable = 0, overdue = 0;
  int64_t items = 0;  // overdue instalments
  int max_days = 0;   // days past due of the oldest overdue instalment (0: none)
};

struct CustomerAging {
  int32_t customer = 0;  // index
  AgingParty figures;
};

struct AgingResult {
  // Σ contract amount − Σ payments, over contracts signed by as_of (payments by as_of).
  Money receivable = 0;
  Money overdue = 0;  // Σ buckets
  std::array<AgingBucket, 5> buckets;
  // by_party only: the customers with an overdue amount, by index (their receivable counts
  // every contract of theirs), and every rep by index.
  std::vector<CustomerAging> by_customer;
  std::vector<AgingParty> by_rep;
};

// Contracts of reps the scope sees whose customer passes the filter; only the Snapshot's open
// contracts are read when its list applies (engine/contract_index.h). Contracts are split
// between worker threads, each with its own partial result, merged at the end; a worker lists
// only the contracts with something unpaid, summed per customer once after the workers.
AgingResult receivables_aging(const engine::Snapshot& s, const engine::Scope& scope, const AgingParams& p);

// Bucket index (0..4) for days past due ≥ 1.
int aging_bucket(int days);

}  // namespace sl::analytics
