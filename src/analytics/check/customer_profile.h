// 客户档案: one customer as the C pages see it, as of a date — the owner, the Pareto class
// and RFM segment (both over the whole company, so a customer's class does not depend on
// who looks), the at-risk reasons of a class A customer (D1/C3's key-account watch), the
// contracts with receivable and overdue (aging.h's rule), the opportunities and a timeline
// of activities, contracts, payments and opportunity events. Contracts, payments,
// opportunities and activities are those of reps the scope sees (a rep's own book).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analytics/check/customer_flow.h"
#include "analytics/check/rfm.h"
#include "analytics/do/at_risk.h"
#include "engine/snapshot.h"

namespace sl::analytics {

struct ProfileContract {
  size_t contract = 0;  // index into Facts::contracts
  Money paid = 0, receivable = 0, overdue = 0;
  int max_days = 0;  // days past due of the oldest overdue instalment (0: none)
};

struct TimelineEvent {
  Date date;
  std::string kind;  // visit | call | demo | proposal | contract | payment | opportunity | won | lost
  int32_t rep = engine::kNone;
  Money amount = 0;  // contracts, payments, opportunities
  Id ref = 0;        // contract or opportunity id
};

struct CustomerProfile {
  int32_t customer = 0;                   // index
  std::optional<char> cls;                // 'A' | 'B' | 'C'; nullopt without trailing-12-month sales
  Money t12m = 0;                         // trailing-12-month sales (the Pareto measure)
  std::optional<RfmCustomer> rfm;         // nullopt when never scored (no contract by as_of)
  std::optional<AtRiskCustomer> at_risk;  // class A customers at risk only
  Money sales_total = 0, receivable = 0, overdue = 0;
  std::vector<ProfileContract> contracts;  // signed by as_of, newest first
  std::vector<size_t> opportunities;       // rows created by as_of, newest first
  std::vector<TimelineEvent> timeline;     // newest first, at most timeline_limit
  size_t timeline_total = 0;
};

// pareto and rfm are the company-wide results for as_of (scope_all), computed once by the
// caller and shared between profiles.
CustomerProfile customer_profile(const engine::Snapshot& s, const engine::Scope& scope, int32_t customer, Date as_of,
                                 const ParetoResult& pareto, const RfmResult& rfm, size_t timeline_limit = 100);

}  // namespace sl::analytics
