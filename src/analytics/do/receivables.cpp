#include "analytics/do/receivables.h"

#include <algorithm>

namespace sl::analytics {

std::vector<OverdueContract> overdue_contracts(const engine::ContractTable& t, int32_t rep, Date as_of) {
  std::vector<OverdueContract> out;
  for (size_t c = 0; c < t.size(); ++c) {
    if (t.rep[c] != rep || t.signed_day[c] > as_of.days) continue;
    Money paid = 0;
    for (uint32_t i = t.pay_begin[c]; i < t.pay_begin[c + 1] && t.pay_day[i] <= as_of.days; ++i)
      paid += t.pay_amount[i];
    OverdueContract o;
    o.contract = c;
    const uint32_t first = t.plan_begin[c], n = t.plan_begin[c + 1] - first;
    const auto unpaid = unpaid_oldest_first(t.plan_amount.data() + first, n, paid);
    for (uint32_t k = 0; k < n; ++k) {
      if (unpaid[k] <= 0 || t.plan_due[first + k] >= as_of.days) continue;
      if (o.overdue == 0) o.oldest_due = Date{t.plan_due[first + k]};
      o.overdue += unpaid[k];
    }
    if (o.overdue <= 0) continue;
    o.days_overdue = as_of.days - o.oldest_due.days;
    out.push_back(o);
  }
  std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.overdue > b.overdue; });
  return out;
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
