// C3 key-account watch: the class A customers of the Pareto (customer_flow.h), each with its
// year-on-year change and whether it is at risk. At risk when the days since the last contract
// exceed twice the customer's own median gap between contracts ("gap"; a customer with one
// contract has no gap and is not flagged by it), or when the trailing-12-month sales fell more
// than 30% year on year ("decline"; no YoY without last year's sales). Trailing 12 months =
// (as_of − 1 year, as_of], the year before = (as_of − 2 years, as_of − 1 year], as D1's
// at-risk list (analytics/do/at_risk.h) reads them.
#pragma once
#include <optional>
#include <vector>

#include "analytics/check/customer_flow.h"

namespace sl::analytics {

// The at-risk rule on one customer's contract dates (ascending), as of a date.
struct KeyAccountRisk {
  int days_since_last = 0;
  std::optional<double> median_gap;  // none with fewer than two contracts
  std::optional<double> yoy;         // none when last year's sales are 0
  bool gap = false, decline = false;
  bool at_risk() const { return gap || decline; }
};
KeyAccountRisk judge_key_account(const std::vector<int32_t>& days, Date as_of, Money t12m, Money t12m_prev);
KeyAccountRisk judge_key_account(const int32_t* days, size_t n, Date as_of, Money t12m, Money t12m_prev);

struct KeyAccount {
  int32_t customer = 0;  // index
  int contracts = 0;     // up to as_of (under a category: purchase days, category_purchases.h)
  Money t12m = 0, t12m_prev = 0;
  KeyAccountRisk risk;
};

struct KeyAccountParams {
  Date as_of;        // the Pareto's (its filters already chose the customers)
  RowFilter filter;  // the Pareto's: under a category, an account's contracts are its purchases of it
};

// Class A customers of `classes`, at-risk ones first, then by trailing-12-month sales, largest
// first (ties: lower customer id). Contracts of reps the scope sees.
std::vector<KeyAccount> key_accounts(const engine::Snapshot& s, const engine::Scope& scope, const KeyAccountParams& p,
                                     const ParetoResult& classes);

}  // namespace sl::analytics
