#include "analytics/check/aging.h"

#include <climits>

#include "engine/parallel.h"

namespace sl::analytics {

int aging_bucket(int days) { return days <= 30 ? 0 : days <= 60 ? 1 : days <= 90 ? 2 : days <= 180 ? 3 : 4; }

AgingResult receivables_aging(const engine::Snapshot& s, const engine::Scope& scope, const AgingParams& p) {
  const auto& t = s.facts->contracts;
  std::vector<uint8_t> visible(static_cast<size_t>(s.dims->rep_count()), 0);
  for (int32_t r = 0; r < s.dims->rep_count(); ++r) visible[static_cast<size_t>(r)] = scope.sees_rep(r);
  const int32_t as_of = p.as_of.days;
  const size_t workers = engine::worker_count(t.size(), 100000);
  std::vector<AgingResult> part(workers);
  engine::parallel_chunks(t.size(), workers, [&](size_t w, size_t b, size_t e) {
    AgingResult& out = part[w];
    for (size_t i = b; i < e; ++i) {
      int32_t rep = t.rep[i];
      if (rep == engine::kNone || !visible[static_cast<size_t>(rep)] || t.signed_day[i] > as_of) continue;
      Money paid = 0;
      for (uint32_t k = t.pay_begin[i]; k < t.pay_begin[i + 1]; ++k)
        if (t.pay_day[k] <= as_of) paid += t.pay_amount[k];
      out.receivable += t.amount[i] - paid;
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
      }
    }
  });
  AgingResult r;
  static const int lo[5] = {1, 31, 61, 91, 181}, hi[5] = {30, 60, 90, 180, INT_MAX};
  for (int b = 0; b < 5; ++b) r.buckets[static_cast<size_t>(b)].min_days = lo[b], r.buckets[static_cast<size_t>(b)].max_days = hi[b];
  for (const auto& x : part) {
    r.receivable += x.receivable;
    for (size_t b = 0; b < 5; ++b) {
      r.buckets[b].items += x.buckets[b].items;
      r.buckets[b].amount += x.buckets[b].amount;
      r.overdue += x.buckets[b].amount;
    }
  }
  return r;
}

}  // namespace sl::analytics
