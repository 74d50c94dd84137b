#include "analytics/do/receivables.h"

#include <algorithm>

namespace sl::analytics {

namespace {

// The rep's contracts among `rows`, with an overdue amount on as_of, largest first (ties: lower
// contract index, the order of a pass over the table).
std::vector<OverdueContract> overdue_among(const engine::ContractTable& t, const engine::KeyRows& rows, int32_t rep,
                                           Date as_of) {
  std::vector<OverdueContract> out;
  rows.for_each(t.rep, rep, [&](size_t c) {
    if (t.signed_day[c] > as_of.days) return;
    Money paid = 0;
    for (uint32_t i = t.pay_begin[c]; i < t.pay_begin[c + 1] && t.pay_day[i] <= as_of.days; ++i)
      paid += t.pay_amount[i];
    OverdueContract o;
    o.contract = c;
    const uint32_t first = t.plan_begin[c], n = t.plan_begin[c + 1] - first;
    for (uint32_t k = 0; k < n; ++k) {  // oldest due first (unpaid_oldest_first, without its vector)
      const Money applied = std::min(paid, t.plan_amount[first + k]);
      paid -= applied;
      const Money unpaid = t.plan_amount[first + k] - applied;
      if (unpaid <= 0 || t.plan_due[first + k] >= as_of.days) continue;
      if (o.overdue == 0) o.oldest_due = Date{t.plan_due[first + k]};
      o.overdue += unpaid;
    }
    if (o.overdue <= 0) return;
    o.days_overdue = as_of.days - o.oldest_due.days;
    out.push_back(o);
  });
  std::sort(out.begin(), out.end(),
            [](auto& a, auto& b) { return a.overdue != b.overdue ? a.overdue > b.overdue : a.contract < b.contract; });
  return out;
}

}  // namespace

std::vector<OverdueContract> overdue_contracts(const engine::ContractTable& t, int32_t rep, Date as_of) {
  return overdue_among(t, {nullptr, 0, 0, t.size()}, rep, as_of);
}

std::vector<OverdueContract> overdue_contracts(const engine::Facts& f, int32_t rep, Date as_of) {
  const engine::RowIndex* x = f.row_index.get();
  return overdue_among(f.contracts, engine::key_rows(x ? &x->contracts_by_rep : nullptr, f.contracts.rep, rep), rep,
                       as_of);
}

std::vector<Money> unpaid_oldest_first(const Money* plan_amount, size_t n, Money paid) {
  std::vector<Money> out(n);
  for (size_t i = 0; i < n; ++i) {
    Money applied = std::min(paid, plan_amount[i]);
    paid -= applied;
    out[i] = plan_amount[i] - applied;
  }
  return out;
}

ContractStatus contract_status(const model::Contract& c, const std::vector<model::Payment>& payments, Date as_of) {
  ContractStatus s;
  for (const auto& p : payments)
    if (p.date <= as_of) s.paid += p.amount;
  std::vector<Money> amounts;
  for (const auto& p : c.plan) amounts.push_back(p.amount);
  const auto unpaid = unpaid_oldest_first(amounts.data(), amounts.size(), s.paid);
  for (size_t i = 0; i < c.plan.size(); ++i) {
    PlanItemStatus x{c.plan[i].due_date, c.plan[i].amount, c.plan[i].amount - unpaid[i], unpaid[i], false};
    x.overdue = x.unpaid > 0 && x.due < as_of;
    if (x.overdue) s.overdue += x.unpaid;
    s.plan.push_back(x);
  }
  s.receivable = c.amount - s.paid;
  return s;
}

}  // namespace sl::analytics
