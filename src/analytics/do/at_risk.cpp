#include "analytics/do/at_risk.h"

#include <algorithm>
#include <numeric>

#include "analytics/check/key_accounts.h"
#include "analytics/do/process.h"

namespace sl::analytics {

namespace {
std::vector<Money> customer_sums(const engine::FactTable& t, size_t customers, Date first, Date last) {
  std::vector<Money> out(customers, 0);
  auto rr = t.range(first, last);
  for (size_t i = rr.begin; i < rr.end; ++i)
    if (t.customer[i] != engine::kNone) out[t.customer[i]] += t.amount[i];
  return out;
}
}  // namespace

std::vector<bool> class_a_customers(const engine::Facts& f, Date as_of, double share) {
  const size_t n = f.customers.size_count();
  Date year_ago = one_year_earlier(as_of);
  auto t12 = customer_sums(f.sales, n, Date{year_ago.days + 1}, as_of);
  Money total = std::accumulate(t12.begin(), t12.end(), Money{0});
  std::vector<bool> a(n, false);
  if (total <= 0) return a;
  // Customers with sales, largest first; ties by index (as a stable sort of all would).
  std::vector<std::pair<Money, size_t>> order;
  for (size_t c = 0; c < n; ++c)
    if (t12[c] > 0) order.push_back({-t12[c], c});
  std::sort(order.begin(), order.end());
  Money cum = 0;
  for (const auto& [minus, c] : order) {
    if (static_cast<double>(cum) >= share * static_cast<double>(total)) break;
    a[c] = true;  // the customer that crosses the threshold is in: the set covers the share
    cum += -minus;
  }
  return a;
}

std::vector<AtRiskCustomer> at_risk_customers(const engine::Facts& f, int32_t owner, Date as_of) {
  std::vector<AtRiskCustomer> out;
  const size_t n = f.customers.size_count();
  auto a = class_a_customers(f, as_of);
  Date year_ago = one_year_earlier(as_of), two_years_ago = one_year_earlier(year_ago);
  auto t12 = customer_sums(f.sales, n, Date{year_ago.days + 1}, as_of);
  auto prev = customer_sums(f.sales, n, Date{two_years_ago.days + 1}, year_ago);
  // Contract dates of the owner's class A customers (sales rows are in date order).
  std::vector<std::vector<int32_t>> days(n);
  auto rr = f.sales.range(Date{INT32_MIN / 2}, as_of);
  for (size_t i = rr.begin; i < rr.end; ++i) {
    int32_t c = f.sales.customer[i];
    if (c != engine::kNone && a[c] && f.customers.owner[c] == owner) days[c].push_back(f.sales.day[i]);
  }
  for (size_t c = 0; c < n; ++c) {
    if (!a[c] || f.customers.owner[c] != owner || days[c].empty()) continue;
    // C3's rule (judge_key_account): the watch of the key accounts and D1's list agree.
    const KeyAccountRisk risk = judge_key_account(days[c], as_of, t12[c], prev[c]);
    if (!risk.at_risk()) continue;
    AtRiskCustomer r;
    r.customer = static_cast<int32_t>(c);
    r.days_since_last = risk.days_since_last;
    r.median_gap = risk.median_gap;
    r.t12m = t12[c];
    r.t12m_prev = prev[c];
    // The YoY shown keeps the D pages' minimum base (yoy.h); the rule reads the plain ratio.
    // On a decline the two agree: last year is then larger than this year and never tiny.
    const double mean_month = static_cast<double>(t12[c] + prev[c]) / 24;
    const Growth g = growth_over(t12[c], prev[c], min_base({mean_month}, 12));
    r.yoy = g.value;
    r.yoy_basis = g.basis;
    if (risk.gap) r.reasons.push_back("gap");
    if (risk.decline) r.reasons.push_back("decline");
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](auto& x, auto& y) { return x.t12m > y.t12m; });
  return out;
}

}  // namespace sl::analytics
