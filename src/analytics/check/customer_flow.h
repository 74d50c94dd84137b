// C3 customer flow and Pareto. A customer is active in a period (quarter) with ≥ 1
// contract dated in it. Per quarter: new (first contract ever in it), retained (active now
// and in the previous quarter), returned (active now, not in the previous quarter, active
// before that), churned (active in the previous quarter, not now); churn rate = churned /
// active in the previous quarter. Pareto: customers by trailing-12-month sales (the 365
// days ending on as_of), largest first (ties: lower customer id first); class A = the
// smallest top set covering 80% (default) of the total, B up to 95%, C the rest.
#pragma once
#include <array>
#include <vector>

#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

struct FlowParams {
  Date as_of;
  int quarters = 8;  // the quarters ending with as_of's quarter (that one up to as_of)
};

struct FlowRow {
  int year = 0, quarter = 0;  // quarter 1..4
  int64_t active = 0, fresh = 0, retained = 0, returned = 0, churned = 0, active_prev = 0;
  double churn_rate = 0;  // churned / active_prev (0 when none were active)
};

// Contracts of reps the scope sees; "first contract ever" is among those contracts.
std::vector<FlowRow> customer_flow(const engine::Snapshot& s, const engine::Scope& scope, const FlowParams& p);

struct ParetoParams {
  Date as_of;
  int a_percent = 80, b_percent = 95;
};

struct ParetoCustomer {
  int32_t customer = 0;  // index
  Money amount = 0;
  char cls = 'C';
};

struct ParetoClass {
  int64_t customers = 0;
  Money amount = 0;
};

struct ParetoResult {
  Money total = 0;
  std::array<ParetoClass, 3> classes{};  // A, B, C
  std::vector<ParetoCustomer> customers;  // customers with sales > 0, largest first
};

ParetoResult pareto(const engine::Snapshot& s, const engine::Scope& scope, const ParetoParams& p);

}  // namespace sl::analytics
