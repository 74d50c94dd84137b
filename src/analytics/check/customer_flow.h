// C3 customer flow and Pareto. A customer is active in a period (quarter, or month) with ≥ 1
// contract dated in it. Per period: new (first contract ever in it), retained (active now
// and in the previous quarter), returned (active now, not in the previous quarter, active
// before that), churned (active in the previous quarter, not now); churn rate = churned /
// active in the previous quarter (the same with months at month grain). Pareto: customers by trailing-12-month sales (the 365
// days ending on as_of), largest first (ties: lower customer id first); class A = the
// smallest top set covering 80% (default) of the total, B up to 95%, C the rest.
#pragma once
#include <array>
#include <vector>

#include "analytics/do/do_filter.h"
#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

enum class FlowGrain { quarter, month };

struct FlowParams {
  Date as_of;
  int quarters = 8;  // the periods ending with as_of's period (that one up to as_of), 1..60
  FlowGrain grain = FlowGrain::quarter;
  RowFilter filter;  // customer filters (industry, size) and the product category (category_purchases.h)
};

struct FlowRow {
  int year = 0, quarter = 0;  // quarter 1..4 (at month grain: the month's quarter)
  int month = 0;              // 1..12 at month grain, 0 at quarter grain
  int64_t active = 0, fresh = 0, retained = 0, returned = 0, churned = 0, active_prev = 0;
  double churn_rate = 0;  // churned / active_prev (0 when none were active)
};

// Contracts of reps the scope sees, of customers passing the filter; "first contract ever" is
// among those contracts. Under a category: active with a purchase of it, new at the first one.
std::vector<FlowRow> customer_flow(const engine::Snapshot& s, const engine::Scope& scope, const FlowParams& p);

struct ParetoParams {
  Date as_of;
  int a_percent = 80, b_percent = 95;
  RowFilter filter;  // customer filters (industry, size) and the product category (category_purchases.h)
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
  std::array<ParetoClass, 3> classes{};   // A, B, C
  std::vector<ParetoCustomer> customers;  // customers with sales > 0, largest first
};

ParetoResult pareto(const engine::Snapshot& s, const engine::Scope& scope, const ParetoParams& p);

}  // namespace sl::analytics
