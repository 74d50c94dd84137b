#include "analytics/check/aging.h"

#include <algorithm>
#include <climits>

#include "engine/parallel.h"

namespace sl::analytics {

int aging_bucket(int days) { return days <= 30 ? 0 : days <= 60 ? 1 : days <= 90 ? 2 : days <= 180 ? 3 : 4; }

namespace {

void add_party(AgingParty& into, const AgingParty& x) {
  into.receivable += x.receivable;
  into.overdue += x.overdue;
  into.items += x.items;
  into.max_days = std::max(into.max_days, x.max_days);
}

}  // namespace

AgingResult receivables_aging(const engine::Snapshot& s, const engine::Scope& scope, const AgingParams& p) {
  const auto& f = *s.facts;
  const auto& t = f.contracts;
  std::vector<uint8_t> visible(static_cast<size_t>(s.dims->rep_count()), 0);
  for (int32_t r = 0; r < s.dims->rep_count(); ++r) visible[static_cast<size_t>(r)] = scope.sees_rep(r);
  const int32_t as_of = p.as_of.days;
  const size_t customers = f.customers.size_count(), reps = static_cast<size_t>(s.dims->rep_count());
  const size_t workers = engine::worker_count(t.size(), 100000);
  std::vector<AgingResult> part(workers);
  engine::parallel_chunks(t.size(), workers, [&](size_t w, size_t b, size_t e) {
    AgingResult& out = part[w];
    if (p.by_party) out.by_customer.assign(customers, {}), out.by_rep.assign(reps, {});
    for (size_t i = b; i < e; ++i) {
      int32_t rep = t.rep[i];
      if (rep == engine::kNone || !visible[static_cast<size_t>(rep)] || t.signed_day[i] > as_of) continue;
      if (!p.filter.pass_customer(f, t.customer[i])) continue;
      Money paid = 0;
      for (uint32_t k = t.pay_begin[i]; k < t.pay_begin[i + 1]; ++k)
        if (t.pay_day[k] <= as_of) paid += t.pay_amount[k];
      AgingParty one;
      one.receivable = t.amount[i] - paid;
      for (uint32_t k = t.plan_begin[i]; k < t.plan_begin[i + 1]; ++k) {  // plan is in due-date order
        Money applied = std::min(paid, t.plan_amount[k]);
        paid -= applied;
        Money unpaid = t.plan_amount[k] - applied;
        if (unpaid <= 0) continue;
        int32_t days = as_of - t.plan_due[k];
        if (days < 1) break;  // later instalments are not due yet
        auto& bk = out.buckets[static_cast<size_t>(aging_bucket(days))];
        ++bk.items;
        bk.amount += unpaid;
        ++one.items;
        one.overdue += unpaid;
        one.max_days = std::max(one.max_days, days);
      }
      out.receivable += one.receivable;
      if (!p.by_party || (one.receivable == 0 && one.overdue == 0)) continue;  // most contracts: paid, nothing to add
      add_party(out.by_rep[static_cast<size_t>(rep)], one);
      if (t.customer[i] != engine::kNone) add_party(out.by_customer[static_cast<size_t>(t.customer[i])], one);
    }
  });
  AgingResult r;
  static const int lo[5] = {1, 31, 61, 91, 181}, hi[5] = {30, 60, 90, 180, INT_MAX};
  for (int b = 0; b < 5; ++b)
    r.buckets[static_cast<size_t>(b)].min_days = lo[b], r.buckets[static_cast<size_t>(b)].max_days = hi[b];
  if (p.by_party) r.by_customer.assign(customers, {}), r.by_rep.assign(reps, {});
  for (const auto& x : part) {
    r.receivable += x.receivable;
    for (size_t b = 0; b < 5; ++b) {
      r.buckets[b].items += x.buckets[b].items;
      r.buckets[b].amount += x.buckets[b].amount;
      r.overdue += x.buckets[b].amount;
    }
    for (size_t c = 0; c < x.by_customer.size(); ++c) add_party(r.by_customer[c], x.by_customer[c]);
    for (size_t k = 0; k < x.by_rep.size(); ++k) add_party(r.by_rep[k], x.by_rep[k]);
  }
  return r;
}

}  // namespace sl::analytics
