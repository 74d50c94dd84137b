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

// The at-risk entry of class A customer c from its contract days (ascending) and its two
// trailing sums; nullopt when the key-account rule does not flag it.
std::optional<AtRiskCustomer> judged(size_t c, const std::vector<int32_t>& days, Date as_of, Money t12, Money prev) {
  // C3's rule (judge_key_account): the watch of the key accounts and D1's list agree.
  const KeyAccountRisk risk = judge_key_account(days, as_of, t12, prev);
  if (!risk.at_risk()) return std::nullopt;
  AtRiskCustomer r;
  r.customer = static_cast<int32_t>(c);
  r.days_since_last = risk.days_since_last;
  r.median_gap = risk.median_gap;
  r.t12m = t12;
  r.t12m_prev = prev;
  // The YoY shown keeps the D pages' minimum base (yoy.h); the rule reads the plain ratio.
  // On a decline the two agree: last year is then larger than this year and never tiny.
  const double mean_month = static_cast<double>(t12 + prev) / 24;
  const Growth g = growth_over(t12, prev, min_base({mean_month}, 12));
  r.yoy = g.value;
  r.yoy_basis = g.basis;
  if (risk.gap) r.reasons.push_back("gap");
  if (risk.decline) r.reasons.push_back("decline");
  return r;
}

// A customer's contract days up to as_of, ascending, and its sales in (two_years_ago, year_ago],
// from its contracts (the Snapshot's contracts-by-customer list: by signing day).
void account_history(const engine::Facts& f, size_t c, Date as_of, Date two_years_ago, Date year_ago,
                     std::vector<int32_t>& days, Money& prev) {
  const auto& t = f.contracts;
  const engine::RowIndex* x = f.row_index.get();
  const auto rows = engine::key_rows(x ? &x->contracts_by_customer : nullptr, t.customer, static_cast<int32_t>(c));
  days.clear();
  prev = 0;
  rows.for_each(t.customer, static_cast<int32_t>(c), [&](size_t k) {
    const int32_t day = t.signed_day[k];
    if (day > as_of.days) return;
    days.push_back(day);
    if (day > two_years_ago.days && day <= year_ago.days) prev += t.amount[k];
  });
  if (rows.has_tail()) std::sort(days.begin(), days.end());  // table rows after the list: any date
}

// class_a_customers' answer for one customer: it walks the customers largest first (ties:
// lower index) and stops at the first one reached with the share covered, so c is in exactly
// when it has sales and the customers ranked above it cover less than the share.
bool in_class_a(const std::vector<Money>& t12, size_t c, double share) {
  Money total = 0, above = 0;
  for (size_t k = 0; k < t12.size(); ++k) {
    total += t12[k];
    if (t12[k] > t12[c] || (t12[k] == t12[c] && k < c)) above += t12[k];
  }
  if (total <= 0 || t12[c] <= 0) return false;
  return !(static_cast<double>(above) >= share * static_cast<double>(total));
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
  const Date year_ago = one_year_earlier(as_of), two_years_ago = one_year_earlier(year_ago);
  const auto t12 = customer_sums(f.sales, n, Date{year_ago.days + 1}, as_of);
  // The owner's customers with sales (from the customers-by-owner list), best ranked first:
  // larger trailing sales, then lower index, as class_a_customers walks them.
  const engine::RowIndex* x = f.row_index.get();
  std::vector<size_t> cand;
  engine::key_rows(x ? &x->customers_by_owner : nullptr, f.customers.owner, owner)
      .for_each(f.customers.owner, owner, [&](size_t c) {
        if (c < n && t12[c] > 0) cand.push_back(c);
      });
  auto above_rank = [&](size_t k, size_t c) { return t12[k] > t12[c] || (t12[k] == t12[c] && k < c); };
  std::sort(cand.begin(), cand.end(), [&](size_t a, size_t b) { return above_rank(a, b); });
  // Σ of the customers ranked above each candidate, in one pass over all customers: a customer
  // adds to the first candidate it ranks above (and so to every later one, by the prefix sum).
  std::vector<Money> above(cand.size(), 0);
  Money total = 0;
  for (size_t k = 0; k < n; ++k) {
    total += t12[k];
    if (t12[k] <= 0 || cand.empty() || !above_rank(k, cand.back())) continue;
    const auto j = std::partition_point(cand.begin(), cand.end(), [&](size_t c) { return !above_rank(k, c); });
    above[static_cast<size_t>(j - cand.begin())] += t12[k];
  }
  std::vector<size_t> in_a;  // class A (class_a_customers' rule, share 0.8), by index
  Money cum = 0;
  for (size_t j = 0; j < cand.size(); ++j) {
    cum += above[j];
    if (total > 0 && !(static_cast<double>(cum) >= 0.8 * static_cast<double>(total))) in_a.push_back(cand[j]);
  }
  std::sort(in_a.begin(), in_a.end());
  std::vector<int32_t> days;
  for (size_t c : in_a) {
    Money prev = 0;
    account_history(f, c, as_of, two_years_ago, year_ago, days, prev);
    if (days.empty()) continue;
    if (auto r = judged(c, days, as_of, t12[c], prev)) out.push_back(std::move(*r));
  }
  std::stable_sort(out.begin(), out.end(), [](auto& x, auto& y) { return x.t12m > y.t12m; });
  return out;
}

std::optional<AtRiskCustomer> at_risk_customer(const engine::Facts& f, int32_t customer, Date as_of) {
  const size_t n = f.customers.size_count();
  if (customer < 0 || static_cast<size_t>(customer) >= n) return std::nullopt;
  const size_t c = static_cast<size_t>(customer);
  Date year_ago = one_year_earlier(as_of), two_years_ago = one_year_earlier(year_ago);
  const auto t12 = customer_sums(f.sales, n, Date{year_ago.days + 1}, as_of);
  if (!in_class_a(t12, c, 0.8)) return std::nullopt;  // class_a_customers' default share
  Money prev = 0;
  std::vector<int32_t> days;
  account_history(f, c, as_of, two_years_ago, year_ago, days, prev);
  if (days.empty()) return std::nullopt;
  return judged(c, days, as_of, t12[c], prev);
}

}  // namespace sl::analytics
