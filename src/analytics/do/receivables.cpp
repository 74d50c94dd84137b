#include "analytics/do/receivables.h"

#include <algorithm>

namespace sl::analytics {

std::vector<OverdueContract> overdue_contracts(const engine::ContractTable& t, int32_t rep, Date as_of) {
  std::vector<OverdueContract> out;
  for (size_t c = 0; c < t.size(); ++c) {
    if (t.rep[c] != rep || t.signed_day[c] > as_of.days) continue;
    Money paid = 0;
    for (uint32_t i = t.pay_begin[c]; i < t.pay_begin[c + 1] && t.pay_day[i] <= as_of.days; ++i) paid += t.pay_amount[i];
    OverdueContract o;
    o.contract = c;
    for (uint32_t i = t.plan_begin[c]; i < t.plan_begin[c + 1]; ++i) {
      Money applied = std::min(paid, t.plan_amount[i]);
      paid -= applied;
      Money unpaid = t.plan_amount[i] - applied;
      if (unpaid <= 0 || t.plan_due[i] >= as_of.days) continue;
      if (o.overdue == 0) o.oldest_due = Date{t.plan_due[i]};
      o.overdue += unpaid;
    }
    if (o.overdue <= 0) continue;
    o.days_overdue = as_of.days - o.oldest_due.days;
    out.push_back(o);
  }
  std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.overdue > b.overdue; });
  return out;
}

}  // namespace sl::analytics
