// with_contracts (snapshot.h): the next Snapshot after new contracts, by appending rows.
#include <algorithm>
#include <unordered_set>

#include "engine/snapshot.h"

namespace sl::engine {

namespace {

// Appends one row to each column of a fact table (category only where the table has one).
void append_row(FactTable& t, int32_t day, int32_t rep, int32_t customer, int32_t category, Money amount) {
  t.day = t.day.appended(day);
  t.rep = t.rep.appended(rep);
  t.customer = t.customer.appended(customer);
  if (!t.category.empty()) t.category = t.category.appended(static_cast<int16_t>(category));
  t.amount = t.amount.appended(amount);
}

int32_t last_day(const FactTable& t) { return t.size() ? t.day.back() : INT32_MIN; }

}  // namespace

std::shared_ptr<const Snapshot> with_contracts(const Snapshot& s, std::vector<model::Contract> added, int64_t version) {
  const Facts& f = *s.facts;
  const Dims& d = *s.dims;
  if (!f.customer_index || !f.product_index || !f.product_category) return nullptr;
  std::sort(added.begin(), added.end(), [](const model::Contract& a, const model::Contract& b) {
    return a.signed_date != b.signed_date ? a.signed_date < b.signed_date : a.id < b.id;
  });
  // The append path applies only when every new row goes after every row already in.
  int32_t after = std::max(last_day(f.sales), last_day(f.sales_lines));
  Id last_id = f.contracts.size() ? f.contracts.id.back() : 0;
  auto category_of = [&](Id product) {
    int32_t i = f.product_index->find(product);
    return i == kNone ? kNone - 1 : (*f.product_category)[static_cast<size_t>(i)];  // kNone - 1: unknown
  };
  for (const auto& c : added) {
    if (c.signed_date.days < after || c.id <= last_id) return nullptr;
    if (d.find_rep(c.rep) == kNone || f.customer_index->find(c.customer) == kNone) return nullptr;
    for (const auto& l : c.lines) {
      int32_t cat = category_of(l.product);
      if (cat < kNone) return nullptr;  // unknown product
      // A line table built without any category has no column to take one.
      if (cat != kNone && f.sales_lines.category.empty()) return nullptr;
    }
    after = c.signed_date.days;
    last_id = c.id;
  }
  // A first contract of a customer is one whose customer has none yet.
  std::unordered_set<int32_t> had;
  for (const auto& c : added) had.insert(f.customer_index->find(c.customer));
  std::unordered_set<int32_t> seen;
  for (size_t i = 0; i < f.first_contracts.size(); ++i)
    if (had.count(f.first_contracts.customer[i])) seen.insert(f.first_contracts.customer[i]);

  auto n = std::make_shared<Facts>(f);  // every column shared: O(columns)
  ContractTable& k = n->contracts;
  for (const auto& c : added) {
    const int32_t rep = d.find_rep(c.rep), cust = f.customer_index->find(c.customer), day = c.signed_date.days;
    append_row(n->sales, day, rep, cust, kNone, c.amount);
    for (const auto& l : c.lines) append_row(n->sales_lines, day, rep, cust, category_of(l.product), l.amount);
    if (seen.insert(cust).second) append_row(n->first_contracts, day, rep, cust, kNone, c.amount);

    k.id = k.id.appended(c.id);
    k.code_chars = k.code_chars.appended(c.code.data(), c.code.size());
    k.code_begin = k.code_begin.appended(static_cast<uint32_t>(k.code_chars.size()));
    k.rep = k.rep.appended(rep);
    k.customer = k.customer.appended(cust);
    k.signed_day = k.signed_day.appended(day);
    k.amount = k.amount.appended(c.amount);
    auto plan = c.plan;
    std::stable_sort(plan.begin(), plan.end(), [](auto& a, auto& b) { return a.due_date < b.due_date; });
    for (const auto& p : plan) {
      k.plan_due = k.plan_due.appended(p.due_date.days);
      k.plan_amount = k.plan_amount.appended(p.amount);
    }
    k.plan_begin = k.plan_begin.appended(static_cast<uint32_t>(k.plan_due.size()));
    k.pay_begin = k.pay_begin.appended(static_cast<uint32_t>(k.pay_day.size()));  // no payments yet
  }

  auto next = std::make_shared<Snapshot>(s);
  next->version = version;
  next->facts = std::move(n);
  return next;
}

}  // namespace sl::engine
