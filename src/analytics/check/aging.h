// C1 receivables and overdue aging. Payments made by as_of are applied to the oldest plan
// amounts first (the rule D1's overdue list uses too); what stays unpaid of a plan amount
// due before as_of is overdue, aged by as_of − due date: 1–30, 31–60, 61–90, 91–180, > 180.
#pragma once
#include <array>

#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

struct AgingParams {
  Date as_of;
};

struct AgingBucket {
  int min_days = 0, max_days = 0;  // max_days = INT32_MAX for the open-ended last bucket
  int64_t items = 0;               // plan amounts (instalments) with an overdue remainder
  Money amount = 0;
};

struct AgingResult {
  // Σ contract amount − Σ payments, over contracts signed by as_of (payments by as_of).
  Money receivable = 0;
  Money overdue = 0;  // Σ buckets
  std::array<AgingBucket, 5> buckets;
};

// Contracts of reps the scope sees. Contracts are split between worker threads, each
// with its own partial result, merged at the end.
AgingResult receivables_aging(const engine::Snapshot& s, const engine::Scope& scope, const AgingParams& p);

// Bucket index (0..4) for days past due ≥ 1.
int aging_bucket(int days);

}  // namespace sl::analytics
