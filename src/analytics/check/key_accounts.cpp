#include "analytics/check/key_accounts.h"

#include <algorithm>
#include <array>

#include "analytics/check/category_purchases.h"
#include "analytics/check/change.h"
#include "analytics/check/id_rank.h"
#include "analytics/check/rep_mask.h"
#include "analytics/do/process.h"

namespace sl::analytics {

KeyAccountRisk judge_key_account(const int32_t* days, size_t n, Date as_of, Money t12m, Money t12m_prev) {
  KeyAccountRisk r;
  if (n > 0) r.days_since_last = as_of.days - days[n - 1];
  if (n >= 2) {
    thread_local std::vector<int32_t> gaps;  // reused: no allocation per account
    gaps.resize(n - 1);
    for (size_t k = 1; k < n; ++k) gaps[k - 1] = days[k] - days[k - 1];
    // The median by selection: the middle value (and the largest below it for an even count).
    const size_t g = gaps.size();
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<long>(g / 2), gaps.end());
    const int32_t hi = gaps[g / 2];
    r.median_gap = g % 2 ? hi : (*std::max_element(gaps.begin(), gaps.begin() + static_cast<long>(g / 2)) + hi) / 2.0;
    r.gap = r.days_since_last > 2 * *r.median_gap;
  }
  r.yoy = change(t12m, t12m_prev);
  r.decline = r.yoy && *r.yoy < -0.3;
  return r;
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
    std::vector<int32_t> days;
    for (auto& a : out) {
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
