#include "analytics/check/customer_profile.h"

#include <algorithm>

#include "analytics/do/receivables.h"

namespace sl::analytics {

namespace {

const char* const kActivityKinds[] = {"visit", "call", "demo", "proposal"};  // model::ActivityType order

ProfileContract contract_figures(const engine::ContractTable& t, size_t i, Date as_of) {
  ProfileContract c;
  c.contract = i;
  for (uint32_t k = t.pay_begin[i]; k < t.pay_begin[i + 1]; ++k)
    if (t.pay_day[k] <= as_of.days) c.paid += t.pay_amount[k];
  c.receivable = t.amount[i] - c.paid;
  const size_t b = t.plan_begin[i], n = t.plan_begin[i + 1] - b;
  const auto unpaid = unpaid_oldest_first(&t.plan_amount[b], n, c.paid);
  for (size_t k = 0; k < n; ++k) {
    const int days = as_of.days - t.plan_due[b + k];
    if (unpaid[k] <= 0 || days < 1) continue;
    c.overdue += unpaid[k];
    c.max_days = std::max(c.max_days, days);
  }
  return c;
}

void add_events(const engine::Snapshot& s, const engine::Scope& scope, int32_t customer, Date as_of,
                CustomerProfile& p) {
  const engine::Facts& f = *s.facts;
  auto& ev = p.timeline;
  const auto& a = f.activities;
  auto rr = a.range(Date{INT32_MIN / 2}, as_of);
  for (size_t i = rr.begin; i < rr.end; ++i)
    if (a.customer[i] == customer && scope.sees_rep(a.rep[i])) {
      const int16_t type = a.category.empty() ? 0 : a.category[i];
      ev.push_back({Date{a.day[i]}, type >= 0 && type < 4 ? kActivityKinds[type] : "visit", a.rep[i], 0, 0});
    }
  const auto& t = f.contracts;
  for (const auto& c : p.contracts) {
    ev.push_back(
        {Date{t.signed_day[c.contract]}, "contract", t.rep[c.contract], t.amount[c.contract], t.id[c.contract]});
    for (uint32_t k = t.pay_begin[c.contract]; k < t.pay_begin[c.contract + 1]; ++k)
      if (t.pay_day[k] <= as_of.days)
        ev.push_back({Date{t.pay_day[k]}, "payment", t.rep[c.contract], t.pay_amount[k], t.id[c.contract]});
  }
  const auto& o = f.opportunities;
  for (size_t row : p.opportunities) {
    ev.push_back({Date{o.created[row]}, "opportunity", o.rep[row], o.amount[row], o.id[row]});
    if (o.closed[row] != engine::kNoDay && o.closed[row] <= as_of.days) {
      const int32_t st = o.stage_at(row, as_of);
      if (st == static_cast<int32_t>(model::Stage::won) || st == static_cast<int32_t>(model::Stage::lost))
        ev.push_back({Date{o.closed[row]}, st == static_cast<int32_t>(model::Stage::won) ? "won" : "lost", o.rep[row],
                      o.amount[row], o.id[row]});
    }
  }
  // Newest first; within a day activities, then contracts and payments, then opportunities.
  std::stable_sort(ev.begin(), ev.end(),
                   [](const TimelineEvent& x, const TimelineEvent& y) { return x.date > y.date; });
}

}  // namespace

CustomerProfile customer_profile(const engine::Snapshot& s, const engine::Scope& scope, int32_t customer, Date as_of,
                                 const ParetoResult& pareto, const RfmResult& rfm, size_t timeline_limit) {
  const engine::Facts& f = *s.facts;
  CustomerProfile p;
  p.customer = customer;
  for (const auto& x : pareto.customers)
    if (x.customer == customer) p.cls = x.cls, p.t12m = x.amount;
  for (const auto& x : rfm.customers)
    if (x.customer == customer) p.rfm = x;
  if (p.cls == 'A' && f.customers.owner[customer] != engine::kNone) p.at_risk = at_risk_customer(f, customer, as_of);

  const auto& t = f.contracts;
  for (size_t i = 0; i < t.size(); ++i)
    if (t.customer[i] == customer && t.signed_day[i] <= as_of.days && scope.sees_rep(t.rep[i])) {
      p.contracts.push_back(contract_figures(t, i, as_of));
      p.sales_total += t.amount[i];
      p.receivable += p.contracts.back().receivable;
      p.overdue += p.contracts.back().overdue;
    }
  std::stable_sort(p.contracts.begin(), p.contracts.end(), [&t](const ProfileContract& x, const ProfileContract& y) {
    return t.signed_day[x.contract] != t.signed_day[y.contract] ? t.signed_day[x.contract] > t.signed_day[y.contract]
                                                                : t.id[x.contract] > t.id[y.contract];
  });
  const auto& o = f.opportunities;
  for (size_t row = 0; row < o.size(); ++row)
    if (o.customer[row] == customer && o.created[row] <= as_of.days && engine::sees_opportunity(scope, o, row))
      p.opportunities.push_back(row);
  std::stable_sort(p.opportunities.begin(), p.opportunities.end(),
                   [&o](size_t x, size_t y) { return o.created[x] > o.created[y]; });
  add_events(s, scope, customer, as_of, p);
  p.timeline_total = p.timeline.size();
  if (p.timeline.size() > timeline_limit) p.timeline.resize(timeline_limit);
  return p;
}

}  // namespace sl::analytics
