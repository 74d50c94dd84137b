#include "engine/row_index.h"

#include <algorithm>
#include <numeric>

#include "engine/snapshot.h"

namespace sl::engine {

RowLists group_rows(const int32_t* key, const uint32_t* order, size_t n, size_t keys) {
  RowLists out;
  out.begin.assign(keys + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    const int32_t k = key[order[i]];
    if (k >= 0 && static_cast<size_t>(k) < keys) ++out.begin[static_cast<size_t>(k) + 1];
  }
  for (size_t k = 0; k < keys; ++k) out.begin[k + 1] += out.begin[k];
  out.rows.resize(out.begin[keys]);
  std::vector<uint32_t> next(out.begin.begin(), out.begin.end() - 1);
  for (size_t i = 0; i < n; ++i) {
    const int32_t k = key[order[i]];
    if (k >= 0 && static_cast<size_t>(k) < keys) out.rows[next[static_cast<size_t>(k)]++] = order[i];
  }
  return out;
}

KeyRows KeyIndex::of(const Column<int32_t>& key, int32_t k) const {
  if (!applies(key)) return {nullptr, 0, 0, key.size()};
  KeyRows r{nullptr, 0, rows, key.size()};
  if (k >= 0 && static_cast<size_t>(k) + 1 < lists.begin.size()) {
    r.list = lists.rows.data() + lists.begin[static_cast<size_t>(k)];
    r.listed = lists.begin[static_cast<size_t>(k) + 1] - lists.begin[static_cast<size_t>(k)];
  }
  return r;
}

KeyRows key_rows(const KeyIndex* x, const Column<int32_t>& key, int32_t k) {
  return x ? x->of(key, k) : KeyRows{nullptr, 0, 0, key.size()};
}

namespace {

// Row ids [0, n) by day, ties in row order (a counting sort when the days span a calendar's
// worth, else a stable sort).
std::vector<uint32_t> by_day(const Column<int32_t>& day) {
  const size_t n = day.size();
  std::vector<uint32_t> order(n);
  if (n == 0) return order;
  const auto [lo, hi] = std::minmax_element(day.begin(), day.end());
  const int64_t span = static_cast<int64_t>(*hi) - *lo + 1;
  if (span > (int64_t{1} << 22)) {
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return day[a] < day[b]; });
    return order;
  }
  std::vector<uint32_t> at(static_cast<size_t>(span) + 1, 0);
  for (size_t i = 0; i < n; ++i) ++at[static_cast<size_t>(day[i] - *lo) + 1];
  for (size_t d = 1; d < at.size(); ++d) at[d] += at[d - 1];
  for (size_t i = 0; i < n; ++i) order[at[static_cast<size_t>(day[i] - *lo)]++] = static_cast<uint32_t>(i);
  return order;
}

KeyIndex index_of(const Column<int32_t>& key, const std::vector<uint32_t>& order, size_t keys) {
  KeyIndex x;
  x.held = key;
  x.rows = key.size();
  x.lists = group_rows(key.data(), order.data(), order.size(), keys);
  return x;
}

ContractCopies copies_of(const ContractTable& t, const RowLists& lists) {
  ContractCopies c;
  c.day_from = t.signed_day, c.rep_from = t.rep, c.amount_from = t.amount;
  c.rows = t.size();
  c.day.reserve(lists.rows.size()), c.rep.reserve(lists.rows.size()), c.amount.reserve(lists.rows.size());
  for (uint32_t k : lists.rows) c.day.push_back(t.signed_day[k]), c.rep.push_back(t.rep[k]), c.amount.push_back(t.amount[k]);
  const size_t customers = lists.begin.empty() ? 0 : lists.begin.size() - 1;
  c.with_rep.assign(customers, 0), c.last_day.assign(customers, kNoDay), c.median2.assign(customers, -1);
  std::vector<int32_t> days, gaps;
  for (size_t k = 0; k < customers; ++k) {
    days.clear();
    for (size_t j = lists.begin[k]; j < lists.begin[k + 1]; ++j)
      if (c.rep[j] != kNone) days.push_back(c.day[j]);
    if (days.empty()) continue;
    gaps.resize(days.size());
    c.with_rep[k] = static_cast<int32_t>(days.size());
    c.last_day[k] = days.back();
    c.median2[k] = twice_median_gap(days.data(), days.size(), gaps.data());
  }
  return c;
}

std::vector<uint32_t> identity(size_t n) {
  std::vector<uint32_t> v(n);
  std::iota(v.begin(), v.end(), 0u);
  return v;
}

bool fresh(const KeyIndex& x, const Column<int32_t>& key) {
  return x.applies(key) && key.size() - x.rows <= std::max<size_t>(4096, x.rows / 64);
}

}  // namespace

int32_t twice_median_gap(const int32_t* days, size_t n, int32_t* gaps) {
  if (n < 2) return -1;
  const size_t g = n - 1;
  for (size_t k = 1; k < n; ++k) gaps[k - 1] = days[k] - days[k - 1];
  // The median by selection: the middle value (and the largest below it for an even count).
  std::nth_element(gaps, gaps + g / 2, gaps + g);
  const int32_t hi = gaps[g / 2];
  return g % 2 ? 2 * hi : *std::max_element(gaps, gaps + g / 2) + hi;
}

std::shared_ptr<const RowIndex> build_row_index(const ContractTable& contracts, const CustomerTable& customers,
                                                const OpportunityTable& opportunities, size_t customer_count,
                                                size_t rep_count) {
  auto x = std::make_shared<RowIndex>();
  const std::vector<uint32_t> dated = by_day(contracts.signed_day);
  x->contracts_by_customer = index_of(contracts.customer, dated, customer_count);
  x->contract_copies = copies_of(contracts, x->contracts_by_customer.lists);
  x->contracts_by_rep = index_of(contracts.rep, dated, rep_count);
  x->customers_by_owner = index_of(customers.owner, identity(customers.owner.size()), rep_count);
  x->opportunities_by_rep = index_of(opportunities.rep, identity(opportunities.rep.size()), rep_count);
  return x;
}

std::shared_ptr<const KeyIndex> contracts_by_customer(const ContractTable& contracts,
                                                      const std::shared_ptr<const RowIndex>& x, size_t customer_count) {
  if (x && x->contracts_by_customer.applies(contracts.customer))
    return std::shared_ptr<const KeyIndex>(x, &x->contracts_by_customer);  // shares the index's ownership
  return std::make_shared<const KeyIndex>(index_of(contracts.customer, by_day(contracts.signed_day), customer_count));
}

CustomerContracts::CustomerContracts(const ContractTable& t, const std::shared_ptr<const RowIndex>& x,
                                     size_t customer_count)
    : t_(t), lists_(contracts_by_customer(t, x, customer_count)) {
  if (x && x->contracts_by_customer.applies(t.customer) && x->contract_copies.applies(t))
    copies_ = &x->contract_copies, index_ = x;
}

std::shared_ptr<const Snapshot> with_fresh_row_index(const std::shared_ptr<const Snapshot>& s) {
  const Facts& f = *s->facts;
  const RowIndex* x = f.row_index.get();
  if (x && fresh(x->contracts_by_customer, f.contracts.customer) && x->contract_copies.applies(f.contracts) && fresh(x->contracts_by_rep, f.contracts.rep) &&
      fresh(x->customers_by_owner, f.customers.owner) && fresh(x->opportunities_by_rep, f.opportunities.rep))
    return s;
  auto facts = std::make_shared<Facts>(f);  // every column shared
  facts->row_index = build_row_index(f.contracts, f.customers, f.opportunities, f.customer_id.size(),
                                     static_cast<size_t>(s->dims->rep_count()));
  auto next = std::make_shared<Snapshot>(*s);
  next->facts = std::move(facts);
  return next;
}

}  // namespace sl::engine
