#include "analytics/check/key_accounts.h"

#include <algorithm>

#include "analytics/check/change.h"
#include "analytics/check/rep_mask.h"
#include "analytics/do/process.h"

namespace sl::analytics {

KeyAccountRisk judge_key_account(const std::vector<int32_t>& days, Date as_of, Money t12m, Money t12m_prev) {
  KeyAccountRisk r;
  if (!days.empty()) r.days_since_last = as_of.days - days.back();
  if (days.size() >= 2) {
    std::vector<int32_t> gaps;
    for (size_t k = 1; k < days.size(); ++k) gaps.push_back(days[k] - days[k - 1]);
    std::sort(gaps.begin(), gaps.end());
    const size_t g = gaps.size();
    r.median_gap = g % 2 ? gaps[g / 2] : (gaps[g / 2 - 1] + gaps[g / 2]) / 2.0;
    r.gap = r.days_since_last > 2 * *r.median_gap;
  }
  r.yoy = change(t12m, t12m_prev);
  r.decline = r.yoy && *r.yoy < -0.3;
  return r;
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
  // Two passes over the contracts up to as_of: count each account's contracts (and sum its
  // sales), then put their days in one flat array, each account's run in date order.
  const Date year_ago = one_year_earlier(p.as_of), two_years_ago = one_year_earlier(year_ago);
  const engine::RowRange rr = t.range(Date{INT32_MIN / 2}, p.as_of);
  const auto visible = visible_reps(s, scope);
  auto account = [&](size_t i) -> int32_t {
    const int32_t c = t.customer[i], rep = t.rep[i];
    if (c == engine::kNone || rep == engine::kNone || !visible[static_cast<size_t>(rep)]) return -1;
    return slot[static_cast<size_t>(c)];
  };
  std::vector<uint32_t> begin(out.size() + 1, 0);
  for (size_t i = rr.begin; i < rr.end; ++i) {
    const int32_t k = account(i);
    if (k < 0) continue;
    ++begin[static_cast<size_t>(k) + 1];
    if (t.day[i] > year_ago.days)
      out[static_cast<size_t>(k)].t12m += t.amount[i];
    else if (t.day[i] > two_years_ago.days)
      out[static_cast<size_t>(k)].t12m_prev += t.amount[i];
  }
  for (size_t k = 0; k < out.size(); ++k) begin[k + 1] += begin[k];
  std::vector<int32_t> days(begin.back());
  std::vector<uint32_t> next(begin.begin(), begin.end() - 1);
  for (size_t i = rr.begin; i < rr.end; ++i)
    if (const int32_t k = account(i); k >= 0) days[next[static_cast<size_t>(k)]++] = t.day[i];  // rows ascend by date
  std::vector<int32_t> one;  // one account's days, for judge_key_account
  for (size_t k = 0; k < out.size(); ++k) {
    one.assign(days.begin() + begin[k], days.begin() + begin[k + 1]);
    out[k].contracts = static_cast<int>(one.size());
    out[k].risk = judge_key_account(one, p.as_of, out[k].t12m, out[k].t12m_prev);
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
