#include "engine/records.h"

#include <algorithm>
#include <numeric>

#include "model/opportunity_rules.h"

namespace sl::engine {

namespace {
int32_t lookup(const IndexMap& m, Id id) { return m.find(id); }

// Columns grow by push_back, which leaves up to half of each vector unused: a Snapshot
// lives long and is large, so its columns are cut to size once built.
template <class... V>
void fit(V&... columns) {
  (columns.shrink_to_fit(), ...);
}
}  // namespace

int32_t OpportunityTable::stage_at(size_t i, Date as_of) const {
  if (created[i] > as_of.days) return kNone;
  int32_t s = stage[i];
  // History is in date order; the last event on or before as_of is the stage then. An
  // opportunity without history has been in its current stage since creation.
  if (hist_begin[i] == hist_begin[i + 1]) return s;
  s = hist_stage[hist_begin[i]];
  for (uint32_t h = hist_begin[i]; h < hist_begin[i + 1] && hist_day[h] <= as_of.days; ++h) s = hist_stage[h];
  return s;
}

bool OpportunityTable::open_at(size_t i, Date as_of) const {
  return created[i] <= as_of.days && (closed[i] == kNoDay || closed[i] > as_of.days);
}

CustomerTable build_customers(const std::vector<model::Customer>& cs, const Dims& dims) {
  CustomerTable t;
  std::map<std::string, int32_t> industry, reason;
  for (const auto& c : cs) {
    int32_t lost = kNone;
    if (!c.lost_reason.empty()) {
      auto [r, added] = reason.try_emplace(c.lost_reason, static_cast<int32_t>(t.lost_reasons.size()));
      if (added) t.lost_reasons.push_back(c.lost_reason);
      lost = r->second;
    }
    t.lost_reason.push_back(lost);
    auto [it, fresh] = industry.try_emplace(c.industry, static_cast<int32_t>(t.industries.size()));
    if (fresh) t.industries.push_back(c.industry);
    t.name.push_back(c.name);
    t.code.push_back(c.code);
    t.industry.push_back(it->second);
    t.size.push_back(static_cast<int8_t>(c.size));
    t.region.push_back(dims.find_region(c.region));
    t.owner.push_back(c.owner_rep == 0 ? kNone : dims.find_rep(c.owner_rep));
  }
  fit(t.name, t.code, t.industry, t.size, t.region, t.owner, t.lost_reason);
  return t;
}

OpportunityTable build_opportunities(const std::vector<model::Opportunity>& in, const Dims& dims,
                                     const IndexMap& customer_index,
                                     const std::map<std::string, int32_t>& category_code) {
  std::vector<const model::Opportunity*> os;
  for (const auto& o : in) os.push_back(&o);
  std::sort(os.begin(), os.end(), [](auto* a, auto* b) { return a->id < b->id; });
  OpportunityTable t;
  t.hist_begin.push_back(0);
  t.code_begin.push_back(0);
  for (const auto* o : os) {
    t.id.push_back(o->id);
    const std::string code = o->code.empty() ? model::opportunity_code(o->id) : o->code;
    for (char ch : code) t.code_chars.push_back(ch);
    t.code_begin.push_back(static_cast<uint32_t>(t.code_chars.size()));
    t.customer.push_back(lookup(customer_index, o->customer));
    t.rep.push_back(dims.find_rep(o->rep));
    auto cat = category_code.find(o->category);
    t.category.push_back(cat == category_code.end() ? kNone : cat->second);
    t.amount.push_back(o->amount);
    t.created.push_back(o->created.days);
    t.expected_close.push_back(o->expected_close.days);
    t.closed.push_back(o->closed ? o->closed->days : kNoDay);
    t.stage.push_back(static_cast<int8_t>(o->stage));
    for (const auto& e : o->history) {
      t.hist_stage.push_back(static_cast<int8_t>(e.stage));
      t.hist_day.push_back(e.date.days);
    }
    t.hist_begin.push_back(static_cast<uint32_t>(t.hist_stage.size()));
  }
  fit(t.id, t.customer, t.rep, t.category, t.amount, t.created, t.expected_close, t.closed, t.stage, t.hist_begin,
      t.hist_stage, t.hist_day, t.code_chars, t.code_begin);
  return t;
}

ContractTable build_contracts(const model::Dataset& d, const Dims& dims, const IndexMap& customer_index) {
  std::vector<const model::Contract*> cs;
  for (const auto& c : d.contracts) cs.push_back(&c);
  std::sort(cs.begin(), cs.end(), [](auto* a, auto* b) { return a->id < b->id; });
  std::vector<Id> ids;
  ids.reserve(cs.size());
  for (const auto* c : cs) ids.push_back(c->id);
  IndexMap contract_index(ids);
  // Payments grouped by contract, each group by date (then id) so "oldest first" is a scan.
  std::vector<std::vector<const model::Payment*>> pays(cs.size());
  for (const auto& p : d.payments) {
    int32_t c = lookup(contract_index, p.contract);
    if (c != kNone) pays[c].push_back(&p);
  }
  ContractTable t;
  t.code_begin.push_back(0);
  t.plan_begin.push_back(0);
  t.pay_begin.push_back(0);
  for (size_t i = 0; i < cs.size(); ++i) {
    const auto& c = *cs[i];
    t.id.push_back(c.id);
    for (char ch : c.code) t.code_chars.push_back(ch);
    t.code_begin.push_back(static_cast<uint32_t>(t.code_chars.size()));
    t.rep.push_back(dims.find_rep(c.rep));
    t.customer.push_back(lookup(customer_index, c.customer));
    t.signed_day.push_back(c.signed_date.days);
    t.amount.push_back(c.amount);
    auto plan = c.plan;
    std::stable_sort(plan.begin(), plan.end(), [](auto& a, auto& b) { return a.due_date < b.due_date; });
    for (const auto& p : plan) {
      t.plan_due.push_back(p.due_date.days);
      t.plan_amount.push_back(p.amount);
    }
    t.plan_begin.push_back(static_cast<uint32_t>(t.plan_due.size()));
    auto& ps = pays[i];
    std::sort(ps.begin(), ps.end(),
              [](auto* a, auto* b) { return a->date < b->date || (a->date == b->date && a->id < b->id); });
    Money paid = 0, planned = 0;
    for (const auto* p : ps) {
      t.pay_day.push_back(p->date.days);
      t.pay_amount.push_back(p->amount);
      paid += p->amount;
    }
    t.pay_begin.push_back(static_cast<uint32_t>(t.pay_day.size()));
    for (const auto& p : plan) planned += p.amount;
    const bool settled = !ps.empty() && paid == c.amount && planned <= c.amount;
    t.settled_day.push_back(settled ? ps.back()->date.days : ContractTable::kNever);
  }
  // Cut to size, with ~1/64 to spare for contracts appended later (with_contracts).
  for (auto* c : {&t.rep, &t.customer, &t.signed_day, &t.settled_day}) c->shrink_to_fit(c->size() / 64 + 1024);
  t.id.shrink_to_fit(t.id.size() / 64 + 1024);
  t.amount.shrink_to_fit(t.amount.size() / 64 + 1024);
  t.code_chars.shrink_to_fit(t.code_chars.size() / 64 + 16384);
  for (auto* c : {&t.code_begin, &t.plan_begin, &t.pay_begin}) c->shrink_to_fit(c->size() / 64 + 1024);
  t.plan_due.shrink_to_fit(t.plan_due.size() / 64 + 4096);
  t.plan_amount.shrink_to_fit(t.plan_amount.size() / 64 + 4096);
  fit(t.pay_day, t.pay_amount);
  return t;
}

ForecastTable build_forecasts(const std::vector<model::Forecast>& fs, const Dims& dims) {
  std::vector<const model::Forecast*> v;
  for (const auto& f : fs) v.push_back(&f);
  std::sort(v.begin(), v.end(), [&](auto* a, auto* b) {
    int32_t ra = dims.find_rep(a->rep), rb = dims.find_rep(b->rep);
    return std::tie(ra, a->month.index, a->submitted_at, a->id) < std::tie(rb, b->month.index, b->submitted_at, b->id);
  });
  ForecastTable t;
  for (const auto* f : v) {
    int32_t rep = dims.find_rep(f->rep);
    if (rep == kNone) continue;
    t.rep.push_back(rep);
    t.month.push_back(f->month.index);
    t.value.push_back(f->value);
    t.submitted_at.push_back(f->submitted_at);
  }
  fit(t.rep, t.month, t.value, t.submitted_at);
  return t;
}

}  // namespace sl::engine
