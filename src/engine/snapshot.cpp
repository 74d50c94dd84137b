#include "engine/snapshot.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace sl::engine {

namespace {

std::shared_ptr<const Facts> build_facts_part(const model::Dataset& d, const Dims& dims) {
  auto f = std::make_shared<Facts>();
  std::unordered_map<Id, int32_t> customer_index;
  customer_index.reserve(d.customers.size());
  for (const auto& c : d.customers) {
    customer_index[c.id] = static_cast<int32_t>(f->customer_id.size());
    f->customer_id.push_back(c.id);
  }
  std::map<std::string, int32_t> category_code;
  std::unordered_map<Id, int32_t> product_category;
  for (const auto& p : d.products) {
    auto [it, fresh] = category_code.try_emplace(p.category, static_cast<int32_t>(f->categories.size()));
    if (fresh) f->categories.push_back(p.category);
    product_category[p.id] = it->second;
  }
  auto lookup = [](const auto& map, Id id) {
    auto it = map.find(id);
    return it == map.end() ? kNone : it->second;
  };

  std::vector<FactRow> sales, lines, pays;
  sales.reserve(d.contracts.size());
  std::unordered_map<Id, int32_t> contract_rep, contract_customer;
  for (const auto& c : d.contracts) {
    int32_t rep = dims.find_rep(c.rep);
    int32_t cust = lookup(customer_index, c.customer);
    contract_rep[c.id] = rep;
    contract_customer[c.id] = cust;
    sales.push_back({c.signed_date.days, rep, cust, kNone, c.amount});
    for (const auto& l : c.lines)
      lines.push_back({c.signed_date.days, rep, cust, lookup(product_category, l.product), l.amount});
  }
  auto category_of = [&](const std::string& name) {
    auto it = category_code.find(name);
    return it == category_code.end() ? kNone : it->second;
  };
  std::vector<FactRow> won;
  std::unordered_map<Id, const model::Opportunity*> opportunity;
  for (const auto& o : d.opportunities) opportunity[o.id] = &o;
  for (const auto& b : d.bids) {
    if (b.result != model::BidResult::won || !b.result_date) continue;
    auto it = opportunity.find(b.opportunity);
    const model::Opportunity* o = it == opportunity.end() ? nullptr : it->second;
    won.push_back({b.result_date->days, o ? dims.find_rep(o->rep) : kNone, o ? lookup(customer_index, o->customer) : kNone,
                   o ? category_of(o->category) : kNone, b.amount});
  }

  // First contract per customer; ties on the same day go to the lower contract id.
  std::unordered_map<Id, const model::Contract*> first;
  for (const auto& c : d.contracts) {
    auto [it, fresh] = first.try_emplace(c.customer, &c);
    const model::Contract* f = it->second;
    if (!fresh && (c.signed_date < f->signed_date || (c.signed_date == f->signed_date && c.id < f->id))) it->second = &c;
  }
  std::vector<FactRow> firsts;
  firsts.reserve(first.size());
  for (const auto& [customer, c] : first)
    firsts.push_back({c->signed_date.days, dims.find_rep(c->rep), lookup(customer_index, customer), kNone, c->amount});
  // Hash-map order is not deterministic: order by customer before the stable date sort.
  std::sort(firsts.begin(), firsts.end(), [](const FactRow& a, const FactRow& b) { return a.customer < b.customer; });

  pays.reserve(d.payments.size());
  for (const auto& p : d.payments) pays.push_back({p.date.days, lookup(contract_rep, p.contract),
                                        lookup(contract_customer, p.contract), kNone, p.amount});
  f->sales = build_facts(std::move(sales));
  f->sales_lines = build_facts(std::move(lines));
  f->collections = build_facts(std::move(pays));
  f->bids_won = build_facts(std::move(won));
  f->first_contracts = build_facts(std::move(firsts));
  std::vector<FactRow> acts;
  acts.reserve(d.activities.size());
  for (const auto& a : d.activities)
    acts.push_back({a.date.days, dims.find_rep(a.rep), lookup(customer_index, a.customer), static_cast<int32_t>(a.type), 1});
  f->activities = build_facts(std::move(acts));
  f->customers = build_customers(d.customers, dims);
  f->opportunities = build_opportunities(d.opportunities, dims, customer_index, category_code);
  f->contracts = build_contracts(d, dims, customer_index);
  f->forecasts = build_forecasts(d.forecasts, dims);
  return f;
}

}  // namespace

std::shared_ptr<const Snapshot> build_snapshot(const model::Dataset& d, int64_t version) {
  auto s = std::make_shared<Snapshot>();
  s->version = version;
  auto dims = std::make_shared<Dims>(build_dims(d.regions, d.reps));
  s->dims = dims;
  s->facts = build_facts_part(d, *dims);
  s->targets = std::make_shared<TargetCube>(*dims, d.targets);
  s->target_rows = std::make_shared<std::vector<model::Target>>(d.targets);
  return s;
}

std::shared_ptr<const Snapshot> with_targets(const Snapshot& s, std::vector<model::Target> targets,
                                             int64_t version) {
  auto n = std::make_shared<Snapshot>(s);
  n->version = version;
  n->targets = std::make_shared<TargetCube>(*s.dims, targets);
  n->target_rows = std::make_shared<std::vector<model::Target>>(std::move(targets));
  return n;
}

}  // namespace sl::engine
