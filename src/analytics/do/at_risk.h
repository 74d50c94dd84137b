// C3's key-account watch, for the D1 list of at-risk customers: class A customers (the
// smallest set of top customers by trailing-12-month sales covering 80% of them, company
// wide) judged by C3's one rule, judge_key_account (analytics/check/key_accounts.h): at risk
// when the days since their last contract exceed twice their median gap between contracts,
// or their trailing-12-month sales fell more than 30% year on year. Trailing 12 months =
// (as_of − 1 year, as_of]. The YoY shown is a percentage only on a base of at least the
// minimum base (yoy.h), the customer's mean month taken over the two years; on a decline it
// equals the rule's plain ratio (last year is then the larger amount, never a tiny base).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analytics/do/yoy.h"
#include "engine/snapshot.h"

namespace sl::analytics {

struct AtRiskCustomer {
  int32_t customer = 0;  // index
  int days_since_last = 0;
  std::optional<double> median_gap;
  Money t12m = 0, t12m_prev = 0;
  std::optional<double> yoy;  // nullopt unless yoy_basis is normal
  YoyBasis yoy_basis = YoyBasis::small;
  std::vector<std::string> reasons;  // "gap" and/or "decline"
};

// Class A customers (indexes) as of the date.
std::vector<bool> class_a_customers(const engine::Facts& f, Date as_of, double share = 0.8);
// At-risk class A customers owned by the rep (index), most recent sales first. Class A as of
// the day (share 0.8) is built once and kept in the Facts' memo (engine/memo.h) for every
// later rep and customer asked about that day; then only the rep's customers are read.
std::vector<AtRiskCustomer> at_risk_customers(const engine::Facts& f, int32_t owner, Date as_of);
// One customer's entry of its owner's list (at_risk_customers), nullopt when not in it: only
// its own contracts are read (class A from the memo).
std::optional<AtRiskCustomer> at_risk_customer(const engine::Facts& f, int32_t customer, Date as_of);

}  // namespace sl::analytics
