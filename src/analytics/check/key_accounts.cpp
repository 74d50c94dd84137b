#include "analytics/check/key_accounts.h"

#include <algorithm>
#include <array>

#include "analytics/check/change.h"
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
  const auto& t = s.facts->sales;
  const size_t nc = s.facts->customer_id.size();
  std::vector<int32_t> slot(nc, -1);  // customer index → position in out
  std::vector<KeyAccount> out;
  for (const auto& c : classes.customers)
    if (c.cls == 'A') {
      slot[static_cast<size_t>(c.customer)] = static_cast<int32_t>(out.size());
      out.push_back({c.customer, 0, 0, 0, {}});
    }
  const Date year_ago = one_year_earlier(p.as_of), two_years_ago = one_year_earlier(year_ago);
  const engine::RowRange rr = t.range(Date{INT32_MIN / 2}, p.as_of);
  const auto visible = visible_reps(s, scope);
  auto account = [&](size_t i) -> int32_t {
    const int32_t c = t.customer[i], rep = t.rep[i];
    if (c == engine::kNone || rep == engine::kNone || !visible[static_cast<size_t>(rep)]) return -1;
    return slot[static_cast<size_t>(c)];
  };
  // One pass over the contracts up to as_of: each account's sums, and (account, day) pairs,
  // then put in one flat array by account (a counting sort: each account's run in date order).
  struct Pair {
    int32_t account, day;
  };
  std::vector<Pair> pairs;
  pairs.reserve(rr.end - rr.begin);  // no regrowth (pages: as used)
  std::vector<uint32_t> begin(out.size() + 1, 0);
  std::vector<std::array<Money, 2>> sums(out.size());  // t12m, t12m_prev: small and dense
  for (size_t i = rr.begin; i < rr.end; ++i) {
    const int32_t k = account(i);
    if (k < 0) continue;
    const int32_t day = t.day[i];
    pairs.push_back({k, day});
    ++begin[static_cast<size_t>(k) + 1];
    if (day > two_years_ago.days) sums[static_cast<size_t>(k)][day > year_ago.days ? 0 : 1] += t.amount[i];
  }
  for (size_t k = 0; k < out.size(); ++k) out[k].t12m = sums[k][0], out[k].t12m_prev = sums[k][1];
  for (size_t k = 0; k < out.size(); ++k) begin[k + 1] += begin[k];
  std::vector<int32_t> days(pairs.size());
  std::vector<uint32_t> next(begin.begin(), begin.end() - 1);
  for (const Pair& x : pairs) days[next[static_cast<size_t>(x.account)]++] = x.day;  // rows ascend by date
  for (size_t k = 0; k < out.size(); ++k) {
    const size_t n = begin[k + 1] - begin[k];
    out[k].contracts = static_cast<int>(n);
    out[k].risk = judge_key_account(days.data() + begin[k], n, p.as_of, out[k].t12m, out[k].t12m_prev);
  }
  const auto& ids = s.facts->customer_id;
  std::sort(out.begin(), out.end(), [&](const KeyAccount& a, const KeyAccount& b) {
    if (a.risk.at_risk() != b.risk.at_risk()) return a.risk.at_risk();
    if (a.t12m != b.t12m) return a.t12m > b.t12m;
    return ids[static_cast<size_t>(a.customer)] < ids[static_cast<size_t>(b.customer)];
  });
  return out;
}

}  // namespace sl::analytics
