#include "analytics/check/key_accounts.h"

#include <algorithm>
#include <array>

#include "analytics/check/category_purchases.h"
#include "analytics/check/change.h"
#include "analytics/check/id_rank.h"
#include "analytics/check/rep_mask.h"
#include "analytics/do/process.h"

namespace sl::analytics {

namespace {

// The rule once the days since the last contract and twice the median gap (−1: none) are known.
KeyAccountRisk judge(int days_since_last, int32_t median2, Money t12m, Money t12m_prev) {
  KeyAccountRisk r;
  r.days_since_last = days_since_last;
  if (median2 >= 0) {
    r.median_gap = median2 / 2.0;
    r.gap = days_since_last > median2;  // > 2 × the median
  }
  r.yoy = change(t12m, t12m_prev);
  r.decline = r.yoy && *r.yoy < -0.3;
  return r;
}

}  // namespace

KeyAccountRisk judge_key_account(const int32_t* days, size_t n, Date as_of, Money t12m, Money t12m_prev) {
  thread_local std::vector<int32_t> gaps;  // reused: no allocation per account
  gaps.resize(n);
  return judge(n > 0 ? as_of.days - days[n - 1] : 0, engine::twice_median_gap(days, n, gaps.data()), t12m, t12m_prev);
}

KeyAccountRisk judge_key_account(const std::vector<int32_t>& days, Date as_of, Money t12m, Money t12m_prev) {
  return judge_key_account(days.data(), days.size(), as_of, t12m, t12m_prev);
}

std::vector<KeyAccount> key_accounts(const engine::Snapshot& s, const engine::Scope& scope, const KeyAccountParams& p,
                                     const ParetoResult& classes) {
  std::vector<KeyAccount> out;
  for (const auto& c : classes.customers)
    if (c.cls == 'A') out.push_back({c.customer, 0, 0, 0, {}});
  const Date year_ago = one_year_earlier(p.as_of), two_years_ago = one_year_earlier(year_ago);
  const auto visible = visible_reps(s, scope);
  // Each account's contracts through the contracts-by-customer list and its copies of the
  // signing day, rep and amount (engine/row_index.h): only the class A customers' entries are
  // read, contiguously (reading the contract table at the listed rows cost 4× more at 10M lines).
  auto add = [&](KeyAccount& a, int32_t day, Money amount) {
    if (day > two_years_ago.days) (day > year_ago.days ? a.t12m : a.t12m_prev) += amount;
  };
  if (p.filter.by_category()) {  // the category's purchases (category_purchases.h), one per day
    const CategoryPurchases b = category_purchases(s, visible, p.filter, p.as_of);
    for (auto& a : out) {
      const auto c = static_cast<size_t>(a.customer);
      for (size_t j = b.first(c); j < b.end(c); ++j) add(a, b.day[j], b.amount[j]);
      a.contracts = static_cast<int>(b.end(c) - b.first(c));
      a.risk = judge_key_account(b.day.data() + b.first(c), b.end(c) - b.first(c), p.as_of, a.t12m, a.t12m_prev);
    }
  } else {
    const engine::CustomerContracts contracts(s.facts->contracts, s.facts->row_index, s.facts->customer_id.size());
    const bool every_rep = std::all_of(visible.begin(), visible.end(), [](uint8_t v) { return v != 0; });
    std::vector<int32_t> days;
    for (auto& a : out) {
      // Every contract of the account counts (the scope sees every rep, none after as_of): its
      // count, last day and median gap from the index; only the last two years' entries read.
      const engine::CustomerContracts::Whole w = every_rep ? contracts.whole(a.customer) : engine::CustomerContracts::Whole{};
      const auto c = static_cast<size_t>(a.customer);
      if (w.copies && w.copies->last_day[c] <= p.as_of.days) {
        const auto& x = *w.copies;
        for (size_t j = w.first + w.n; j-- > w.first && x.day[j] > two_years_ago.days;)
          if (x.rep[j] != engine::kNone) add(a, x.day[j], x.amount[j]);
        a.contracts = x.with_rep[c];
        a.risk = judge(a.contracts ? p.as_of.days - x.last_day[c] : 0, x.median2[c], a.t12m, a.t12m_prev);
        continue;
      }
      days.clear();
      const bool tail = contracts.for_each(a.customer, [&](int32_t day, int32_t rep, Money amount) {
        if (day > p.as_of.days || rep == engine::kNone || !visible[static_cast<size_t>(rep)]) return;
        days.push_back(day);
        add(a, day, amount);
      });
      if (tail) std::sort(days.begin(), days.end());  // rows after the list: any date
      a.contracts = static_cast<int>(days.size());
      a.risk = judge_key_account(days.data(), days.size(), p.as_of, a.t12m, a.t12m_prev);
    }
  }
  // Ordered through 16-byte keys (at risk first, then t12m descending, then id by rank:
  // id_rank.h), then moved into place once: sorting the 72-byte rows themselves moved ~36 MB.
  const auto& ids = s.facts->customer_id;
  const std::vector<uint32_t> rank = id_ranks(ids.size(), [&](size_t c) { return ids[c]; });
  struct Key {
    Money t12m;
    uint32_t rank;  // bit 31: not at risk
    uint32_t at;
  };
  std::vector<Key> keys(out.size());
  for (size_t k = 0; k < out.size(); ++k) {
    const auto c = static_cast<size_t>(out[k].customer);
    keys[k] = {out[k].t12m, (rank.empty() ? static_cast<uint32_t>(c) : rank[c]) | (out[k].risk.at_risk() ? 0u : 1u << 31),
               static_cast<uint32_t>(k)};
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    if ((a.rank >> 31) != (b.rank >> 31)) return (a.rank >> 31) < (b.rank >> 31);
    if (a.t12m != b.t12m) return a.t12m > b.t12m;
    return a.rank < b.rank;
  });
  std::vector<KeyAccount> sorted;
  sorted.reserve(out.size());
  for (const Key& k : keys) sorted.push_back(std::move(out[k.at]));
  out = std::move(sorted);
  return out;
}

}  // namespace sl::analytics
