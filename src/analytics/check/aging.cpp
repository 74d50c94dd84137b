#include "analytics/check/aging.h"

#include <algorithm>
#include <climits>

#include "analytics/check/rep_mask.h"
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

namespace {

// A worker's part: totals, and with by_party its reps (by index) and the customers of the
// contracts it saw with something unpaid (one entry per contract).
struct Part {
  AgingResult totals;
  std::vector<CustomerAging> contracts;
};

// Σ of the listed contracts per customer, for the customers with an overdue amount (by index).
std::vector<CustomerAging> overdue_customers(const std::vector<Part>& parts, size_t customers) {
  std::vector<AgingParty> sum(customers);
  for (const auto& w : parts)
    for (const auto& x : w.contracts) add_party(sum[static_cast<size_t>(x.customer)], x.figures);
  std::vector<CustomerAging> out;
  for (size_t c = 0; c < customers; ++c)
    if (sum[c].overdue > 0) out.push_back({static_cast<int32_t>(c), sum[c]});
  return out;
}

}  // namespace

AgingResult receivables_aging(const engine::Snapshot& s, const engine::Scope& scope, const AgingParams& p) {
  const auto& f = *s.facts;
  const auto& t = f.contracts;
  const auto visible = visible_reps(s, scope);
  const int32_t as_of = p.as_of.days;
  const size_t reps = static_cast<size_t>(s.dims->rep_count());
  // The contracts not settled by as_of (the Snapshot's open list when it applies: ~1 in 5).
  const engine::ContractRows rows = engine::unsettled_contracts(t, f.contract_index.get(), as_of);
  const size_t workers = engine::worker_count(rows.size(), 100000);
  std::vector<Part> part(workers);
  engine::parallel_chunks(rows.size(), workers, [&](size_t w, size_t b, size_t e) {
    AgingResult& out = part[w].totals;
    if (p.by_party) out.by_rep.assign(reps, {}), part[w].contracts.reserve(e - b);  // no regrowth (pages: as used)
    for (size_t k = b; k < e; ++k) {
      const size_t i = rows.at(k);
      if (t.settled_by(i, as_of)) continue;  // paid up by as_of: adds nothing
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
      if (t.customer[i] != engine::kNone) part[w].contracts.push_back({t.customer[i], one});
    }
  });
  AgingResult r;
  static const int lo[5] = {1, 31, 61, 91, 181}, hi[5] = {30, 60, 90, 180, INT_MAX};
  for (int b = 0; b < 5; ++b)
    r.buckets[static_cast<size_t>(b)].min_days = lo[b], r.buckets[static_cast<size_t>(b)].max_days = hi[b];
  if (p.by_party) r.by_rep.assign(reps, {});
  for (const auto& w : part) {
    const AgingResult& x = w.totals;
    r.receivable += x.receivable;
    for (size_t b = 0; b < 5; ++b) {
      r.buckets[b].items += x.buckets[b].items;
      r.buckets[b].amount += x.buckets[b].amount;
      r.overdue += x.buckets[b].amount;
    }
    for (size_t k = 0; k < x.by_rep.size(); ++k) add_party(r.by_rep[k], x.by_rep[k]);
  }
  if (p.by_party) r.by_customer = overdue_customers(part, f.customers.size_count());
  return r;
}

}  // namespace sl::analytics
