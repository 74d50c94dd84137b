// with_contracts (snapshot.h): the next Snapshot after new contracts, by appending rows
// (or inserting them, for a back-dated contract: O(rows) copies of a few columns, still far
// cheaper than a rebuild from the store).
#include <algorithm>
#include <unordered_map>

#include "engine/snapshot.h"

namespace sl::engine {

namespace {

// Puts one row into a fact table before position `at` (== size(): appended), each column
// (category only where the table has one).
void put_row(FactTable& t, size_t at, int32_t day, int32_t rep, int32_t customer, int32_t category, Money amount) {
  t.day = t.day.inserted(at, day);
  t.rep = t.rep.inserted(at, rep);
  t.customer = t.customer.inserted(at, customer);
  if (!t.category.empty()) t.category = t.category.inserted(at, static_cast<int16_t>(category));
  t.amount = t.amount.inserted(at, amount);
}

void drop_row(FactTable& t, size_t at) {
  t.day = t.day.erased(at);
  t.rep = t.rep.erased(at);
  t.customer = t.customer.erased(at);
  if (!t.category.empty()) t.category = t.category.erased(at);
  t.amount = t.amount.erased(at);
}

// Where a rebuild puts a row of a contract dated `day` whose id is above every id in: after
// every row of that day (rows of a day are in contract-id order).
size_t after_day(const FactTable& t, int32_t day) {
  return static_cast<size_t>(std::upper_bound(t.day.begin(), t.day.end(), day) - t.day.begin());
}

}  // namespace

std::shared_ptr<const Snapshot> with_contracts(const Snapshot& s, std::vector<model::Contract> added, int64_t version) {
  const Facts& f = *s.facts;
  const Dims& d = *s.dims;
  if (!f.customer_index || !f.product_index || !f.product_category) return nullptr;
  // Fact rows go in (date, id) order; contract rows in id order, after every id already in.
  std::sort(added.begin(), added.end(), [](const model::Contract& a, const model::Contract& b) {
    return a.signed_date != b.signed_date ? a.signed_date < b.signed_date : a.id < b.id;
  });
  std::vector<const model::Contract*> by_id;
  for (const auto& c : added) by_id.push_back(&c);
  std::sort(by_id.begin(), by_id.end(), [](auto* a, auto* b) { return a->id < b->id; });
  Id last_id = f.contracts.size() ? f.contracts.id.back() : 0;
  auto category_of = [&](Id product) {
    int32_t i = f.product_index->find(product);
    return i == kNone ? kNone - 1 : (*f.product_category)[static_cast<size_t>(i)];  // kNone - 1: unknown
  };
  for (const auto* c : by_id) {
    if (c->id <= last_id) return nullptr;
    last_id = c->id;
  }
  for (const auto& c : added) {
    if (d.find_rep(c.rep) == kNone || f.customer_index->find(c.customer) == kNone) return nullptr;
    for (const auto& l : c.lines) {
      int32_t cat = category_of(l.product);
      if (cat < kNone) return nullptr;  // unknown product
      // A line table built without any category has no column to take one.
      if (cat != kNone && f.sales_lines.category.empty()) return nullptr;
    }
  }
  // A first contract of a customer is the earliest one (ties: the lower id, which an existing
  // one always has). A back-dated contract before a customer's first one takes its place: the
  // old first-contract row goes, the new one goes where a rebuild puts it.
  std::unordered_map<int32_t, int32_t> first_day;  // customer index → day of its first contract
  for (const auto& c : added) first_day.emplace(f.customer_index->find(c.customer), INT32_MAX);
  for (size_t i = 0; i < f.first_contracts.size(); ++i)
    if (auto it = first_day.find(f.first_contracts.customer[i]); it != first_day.end())
      it->second = f.first_contracts.day[i];

  auto n = std::make_shared<Facts>(f);  // every column shared: O(columns)
  for (const auto& c : added) {
    const int32_t rep = d.find_rep(c.rep), cust = f.customer_index->find(c.customer), day = c.signed_date.days;
    put_row(n->sales, after_day(n->sales, day), day, rep, cust, kNone, c.amount);
    size_t at = after_day(n->sales_lines, day);
    for (const auto& l : c.lines) {
      n->line_product = n->line_product.inserted(at, f.product_index->find(l.product));
      n->line_cost = n->line_cost.inserted(at, l.cost);
      put_row(n->sales_lines, at++, day, rep, cust, category_of(l.product), l.amount);
    }
    if (day < first_day[cust]) {
      FactTable& t = n->first_contracts;
      if (first_day[cust] != INT32_MAX) {  // the customer's first contract until now: its row goes
        size_t old = static_cast<size_t>(std::lower_bound(t.day.begin(), t.day.end(), first_day[cust]) - t.day.begin());
        while (old < t.size() && t.customer[old] != cust) ++old;
        drop_row(t, old);
      }
      first_day[cust] = day;
      // A rebuild orders the first contracts of one day by customer index.
      size_t pos = static_cast<size_t>(std::lower_bound(t.day.begin(), t.day.end(), day) - t.day.begin());
      while (pos < t.size() && t.day[pos] == day && t.customer[pos] < cust) ++pos;
      put_row(t, pos, day, rep, cust, kNone, c.amount);
    }
  }
  ContractTable& k = n->contracts;
  for (const auto* cp : by_id) {
    const model::Contract& c = *cp;
    const int32_t rep = d.find_rep(c.rep), cust = f.customer_index->find(c.customer), day = c.signed_date.days;
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
    k.settled_day = k.settled_day.appended(ContractTable::kNever);
  }

  auto next = std::make_shared<Snapshot>(s);
  next->version = version;
  next->facts = std::move(n);
  return next;
}

}  // namespace sl::engine

namespace sl::engine {

namespace {

// A copy of c with each value from `from` on raised by one (offsets after a row inserted).
Column<uint32_t> shifted(const Column<uint32_t>& c, size_t from) {
  Column<uint32_t> out;
  out.reserve(c.size() + std::max<size_t>(1024, c.size() / 64));
  for (size_t i = 0; i < c.size(); ++i) out.push_back(c[i] + (i >= from ? 1 : 0));
  return out;
}

}  // namespace

std::shared_ptr<const Snapshot> with_payments(const Snapshot& s, std::vector<model::Payment> added, int64_t version) {
  const Facts& f = *s.facts;
  std::sort(added.begin(), added.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  auto n = std::make_shared<Facts>(f);
  ContractTable& k = n->contracts;
  // Reads go through a const view: Column's writable operator[] is for tables being built
  // (it would take the buffer over from the Snapshot that shares it).
  const ContractTable& r = k;
  for (const auto& p : added) {
    if (p.id <= n->last_payment_id) continue;  // a rebuild read it already
    const auto it = std::lower_bound(r.id.begin(), r.id.end(), p.contract);
    if (it == r.id.end() || *it != p.contract) return nullptr;
    const size_t c = static_cast<size_t>(it - r.id.begin());
    const int32_t day = p.date.days;
    // Rows of a day are in payment-id order, and this id is above every one held.
    put_row(n->collections, after_day(n->collections, day), day, r.rep[c], r.customer[c], kNone, p.amount);
    // The contract's payments by date (then id): after every one of its payments up to that day.
    size_t at = r.pay_begin[c];
    while (at < r.pay_begin[c + 1] && r.pay_day[at] <= day) ++at;
    k.pay_day = k.pay_day.inserted(at, day);
    k.pay_amount = k.pay_amount.inserted(at, p.amount);
    k.pay_begin = shifted(k.pay_begin, c + 1);
    // Settled as records.cpp says: Σ payments = amount ≥ Σ plan, from the last payment's day.
    Money paid = 0, planned = 0;
    for (size_t i = r.pay_begin[c]; i < r.pay_begin[c + 1]; ++i) paid += r.pay_amount[i];
    for (size_t i = r.plan_begin[c]; i < r.plan_begin[c + 1]; ++i) planned += r.plan_amount[i];
    const int32_t settled = paid == r.amount[c] && planned <= r.amount[c] ? r.pay_day[r.pay_begin[c + 1] - 1]
                                                                          : ContractTable::kNever;
    if (settled != r.settled_day[c]) k.settled_day = k.settled_day.erased(c).inserted(c, settled);
    n->last_payment_id = p.id;
  }
  auto next = std::make_shared<Snapshot>(s);
  next->version = version;
  next->facts = std::move(n);
  return next;
}

}  // namespace sl::engine
