#include "analytics/check/customer_flow.h"

#include <algorithm>
#include <bit>
#include <optional>

#include "analytics/check/category_purchases.h"
#include "analytics/check/id_rank.h"
#include "analytics/check/rep_mask.h"
#include "engine/parallel.h"

namespace sl::analytics {

namespace {

// Counts each customer's activity mask (bit k + 2: the k-th period shown, bit k + 1 the one
// before it, lower bits earlier) into the flow rows.
template <class Mask>
void tally(const std::vector<Mask>& masks, int n, std::vector<FlowRow>& out) {
  for (const uint64_t m : masks) {
    if (!m) continue;
    for (int k = 0; k < n; ++k) {
      const int bit = k + 2;
      const bool now = m >> bit & 1, prev = m >> (bit - 1) & 1, before = (m & ((uint64_t{1} << (bit - 1)) - 1)) != 0;
      FlowRow& r = out[static_cast<size_t>(k)];
      r.active += now;
      r.active_prev += prev;
      r.retained += now && prev;
      r.churned += prev && !now;
      r.fresh += now && !prev && !before;
      r.returned += now && !prev && before;
    }
  }
}

// Rows of f.first_contracts dated before `day` when each of them has a rep: then, for a scope
// that sees every rep, they are exactly the customers with a contract before that day (the
// first one is before it). nullopt when one has no rep (a later contract may count instead).
std::optional<size_t> first_contracts_before(const engine::Facts& f, int32_t day) {
  const auto& fc = f.first_contracts;
  const size_t end = fc.range(Date{INT32_MIN / 2}, Date{day - 1}).end;
  for (size_t i = 0; i < end; ++i)
    if (fc.rep[i] == engine::kNone) return std::nullopt;
  return end;
}

// The periods each customer was active in (bit k as customer_flow numbers them; rows [0,
// bound[n + 2]) of the contracts by date), counted into out. Mask holds n + 2 bits: 16-bit
// masks for up to 14 periods (the page's 8 quarters), so a worker's array for 200,000
// customers is 400 kB instead of 1.6 MB. When the scope sees every rep, bit 0 (a contract
// before bit 1's period) comes from the first contracts instead of the rows before bound[1]
// (45 % of the rows at 10M lines).
template <class Mask>
void count_flow(const engine::Facts& f, const std::vector<size_t>& bound, const std::vector<uint8_t>& visible,
                const FlowParams& p, bool filtered, int n, int32_t bit1_first_day, std::vector<FlowRow>& out) {
  const auto& t = f.sales;
  const size_t nc = f.customer_id.size();
  const size_t rows = bound[static_cast<size_t>(n) + 2];
  const bool every_rep = std::all_of(visible.begin(), visible.end(), [](uint8_t v) { return v != 0; });
  const std::optional<size_t> firsts = every_rep ? first_contracts_before(f, bit1_first_day) : std::nullopt;
  const size_t start = firsts ? std::min(bound[1], rows) : 0;
  const size_t workers = engine::worker_count(rows - start);
  std::vector<std::vector<Mask>> part(workers);
  engine::parallel_chunks(rows - start, workers, [&](size_t w, size_t b, size_t e) {
    auto& mask = part[w];
    mask.assign(nc, 0);
    b += start, e += start;
    int bit = static_cast<int>(std::upper_bound(bound.begin(), bound.end(), b) - bound.begin()) - 1;
    for (size_t i = b; i < e; ++i) {
      while (i >= bound[static_cast<size_t>(bit) + 1]) ++bit;
      int32_t rep = t.rep[i], c = t.customer[i];
      if (rep == engine::kNone || c == engine::kNone || !visible[static_cast<size_t>(rep)]) continue;
      if (filtered && !p.filter.pass_customer(f, c)) continue;
      mask[static_cast<size_t>(c)] |= static_cast<Mask>(Mask{1} << bit);
    }
  });
  if (firsts)
    for (size_t i = 0; i < *firsts; ++i) {
      const int32_t c = f.first_contracts.customer[i];
      if (c == engine::kNone || (filtered && !p.filter.pass_customer(f, c))) continue;
      part[0][static_cast<size_t>(c)] |= Mask{1};
    }
  for (size_t w = 1; w < workers; ++w)
    for (size_t c = 0; c < nc; ++c) part[0][c] |= part[w][c];
  tally(part[0], n, out);
}

// The same masks from the category's purchases (category_purchases.h); first_day[k] is the
// first day of bit k's period (k = 1..n + 1).
void count_flow_category(const engine::Snapshot& s, const std::vector<uint8_t>& visible, const FlowParams& p,
                         const std::vector<int32_t>& first_day, int n, std::vector<FlowRow>& out) {
  const CategoryPurchases b = category_purchases(s, visible, p.filter, p.as_of);
  const size_t nc = b.begin.size() - 1;
  std::vector<uint64_t> mask(nc, 0);
  for (size_t c = 0; c < nc; ++c)
    for (size_t j = b.first(c); j < b.end(c); ++j) {
      const auto bit = std::upper_bound(first_day.begin() + 1, first_day.end(), b.day[j]) - first_day.begin() - 1;
      mask[c] |= uint64_t{1} << bit;
    }
  tally(mask, n, out);
}

}  // namespace

std::vector<FlowRow> customer_flow(const engine::Snapshot& s, const engine::Scope& scope, const FlowParams& p) {
  const auto& t = s.facts->sales;
  const auto visible = visible_reps(s, scope);
  const int n = std::clamp(p.quarters, 1, 60);
  const bool monthly = p.grain == FlowGrain::month;
  // Bit 0: active at any time before the period preceding the first shown one; bit k ≥ 1:
  // active in period q0 − 2 + k, so bit 1 is the period before the first shown one. Periods
  // are numbered year·4 + quarter − 1 (or year·12 + month − 1).
  Ymd a = to_ymd(p.as_of);
  const int q_last = monthly ? a.year * 12 + a.month - 1 : a.year * 4 + (a.month - 1) / 3, q_prev = q_last - n;
  auto q_first_day = [monthly](int q) {
    return monthly ? from_ymd(q / 12, q % 12 + 1, 1) : from_ymd(q / 4, q % 4 * 3 + 1, 1);
  };
  const bool filtered = p.filter.industry != engine::kNone || p.filter.size != engine::kNone;
  // Row boundaries of each quarter (bits 1..n+1), found once by binary search on the dates.
  std::vector<size_t> bound(static_cast<size_t>(n) + 3);
  bound[0] = 0;
  for (int k = 1; k <= n + 1; ++k)
    bound[static_cast<size_t>(k)] = t.range(Date{INT32_MIN / 2}, Date{q_first_day(q_prev + k - 1).days - 1}).end;
  bound[static_cast<size_t>(n) + 2] = t.range(Date{INT32_MIN / 2}, p.as_of).end;
  std::vector<FlowRow> out(static_cast<size_t>(n));
  for (int k = 0; k < n; ++k) {
    int q = q_prev + 1 + k;
    FlowRow& r = out[static_cast<size_t>(k)];
    r.year = monthly ? q / 12 : q / 4;
    r.month = monthly ? q % 12 + 1 : 0;
    r.quarter = monthly ? q % 12 / 3 + 1 : q % 4 + 1;
  }
  if (p.filter.by_category()) {
    std::vector<int32_t> first_day(static_cast<size_t>(n) + 2, INT32_MIN);
    for (int k = 1; k <= n + 1; ++k) first_day[static_cast<size_t>(k)] = q_first_day(q_prev + k - 1).days;
    count_flow_category(s, visible, p, first_day, n, out);
  } else if (n + 2 <= 16)
    count_flow<uint16_t>(*s.facts, bound, visible, p, filtered, n, q_first_day(q_prev).days, out);
  else
    count_flow<uint64_t>(*s.facts, bound, visible, p, filtered, n, q_first_day(q_prev).days, out);
  for (auto& r : out)
    r.churn_rate = r.active_prev ? static_cast<double>(r.churned) / static_cast<double>(r.active_prev) : 0;
  return out;
}

ParetoResult pareto(const engine::Snapshot& s, const engine::Scope& scope, const ParetoParams& p) {
  const auto& t = s.facts->sales;
  const size_t nc = s.facts->customer_id.size();
  const auto visible = visible_reps(s, scope);
  std::vector<Money> sum(nc, 0);
  if (p.filter.by_category()) {  // the category's purchases (category_purchases.h)
    const CategoryPurchases b = category_purchases(s, visible, p.filter, p.as_of);
    for (size_t c = 0; c < nc; ++c)
      for (size_t j = b.first(c); j < b.end(c); ++j)
        if (b.day[j] >= p.as_of.days - 364) sum[c] += b.amount[j];
  } else {
    const engine::RowRange rr = t.range(Date{p.as_of.days - 364}, p.as_of);
    for (size_t i = rr.begin; i < rr.end; ++i) {  // one year of contracts: small enough for one thread
      int32_t rep = t.rep[i], c = t.customer[i];
      if (rep == engine::kNone || c == engine::kNone || !visible[static_cast<size_t>(rep)]) continue;
      if (!p.filter.pass_customer(*s.facts, c)) continue;
      sum[static_cast<size_t>(c)] += t.amount[i];
    }
  }
  ParetoResult r;
  // Sorted as 16-byte keys holding the customer's rank in id order, so the comparison reads
  // no other array (the rank is the index itself when the customers are in id order, as loaded).
  const auto& ids = s.facts->customer_id;
  const std::vector<uint32_t> rank = id_ranks(nc, [&](size_t c) { return ids[c]; });
  struct Key {
    Money amount;
    uint32_t rank;
    int32_t customer;
  };
  Money most = 0;
  for (size_t c = 0; c < nc; ++c) most = std::max(most, sum[c]);
  constexpr int kRankBits = 21;
  if (most < (Money{1} << (63 - kRankBits)) && nc < (size_t{1} << kRankBits)) {
    // One 8-byte key a customer, (most − amount, rank) packed so that ascending keys are the
    // order wanted: half the bytes of the 16-byte keys, compared as one integer.
    std::vector<uint64_t> keys;
    for (size_t c = 0; c < nc; ++c)
      if (sum[c] > 0) {
        const uint64_t k = rank.empty() ? c : rank[c];
        keys.push_back(static_cast<uint64_t>(most - sum[c]) << kRankBits | k);
        r.total += sum[c];
      }
    std::sort(keys.begin(), keys.end());
    std::vector<int32_t> by_rank;  // rank → customer index, when the ranks are not the indexes
    if (!rank.empty()) {
      by_rank.resize(nc);
      for (size_t c = 0; c < nc; ++c) by_rank[rank[c]] = static_cast<int32_t>(c);
    }
    r.customers.reserve(keys.size());
    for (const uint64_t k : keys) {
      const auto at = static_cast<size_t>(k & ((uint64_t{1} << kRankBits) - 1));
      const int32_t c = by_rank.empty() ? static_cast<int32_t>(at) : by_rank[at];
      r.customers.push_back({c, sum[static_cast<size_t>(c)], 'C'});
    }
  } else {
    std::vector<Key> keys;
    for (size_t c = 0; c < nc; ++c)
      if (sum[c] > 0) {
        const int32_t i = static_cast<int32_t>(c);
        keys.push_back({sum[c], rank.empty() ? static_cast<uint32_t>(c) : rank[c], i});
        r.total += sum[c];
      }
    std::sort(keys.begin(), keys.end(),
              [](const Key& a, const Key& b) { return a.amount != b.amount ? a.amount > b.amount : a.rank < b.rank; });
    r.customers.reserve(keys.size());
    for (const auto& k : keys) r.customers.push_back({k.customer, k.amount, 'C'});
  }
  __int128 before = 0;  // cumulative amount of the customers ranked above
  const __int128 total = r.total;
  for (auto& x : r.customers) {
    // In A while the ones above still cover < 80%: that makes A the smallest covering set.
    int cls = before * 100 < total * p.a_percent ? 0 : before * 100 < total * p.b_percent ? 1 : 2;
    x.cls = static_cast<char>('A' + cls);
    ++r.classes[static_cast<size_t>(cls)].customers;
    r.classes[static_cast<size_t>(cls)].amount += x.amount;
    before += x.amount;
  }
  return r;
}

}  // namespace sl::analytics
