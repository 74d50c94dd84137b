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

// Class A of the customers' trailing sales t12 (by index): the smallest set of the largest
// (ties: lower index first) covering the share of the total.
std::vector<bool> class_a_of_sums(const std::vector<Money>& t12, double share) {
  Money total = std::accumulate(t12.begin(), t12.end(), Money{0});
  std::vector<bool> a(t12.size(), false);
  if (total <= 0) return a;
  // Customers with sales, largest first; ties by index (as a stable sort of all would).
  std::vector<std::pair<Money, size_t>> order;
  for (size_t c = 0; c < t12.size(); ++c)
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

// Class A as of a day (share 0.8), company wide: the same for every rep's cockpit of that
// day, so built once and kept in the Facts' memo (engine/memo.h) while the sales table is
// the one it was built from.
struct ClassA {
  engine::Column<int32_t> day, customer;  // shares of the sales columns built from
  engine::Column<Money> amount;
  size_t rows = 0, customers = 0;
  std::vector<Money> t12;  // by customer index: sales in (as_of − 1 year, as_of]
  std::vector<bool> in;    // by customer index
  bool applies(const engine::Facts& f) const {
    const auto& t = f.sales;
    return rows == t.size() && customers == f.customers.size_count() && t.day.data() == day.data() &&
           t.customer.data() == customer.data() && t.amount.data() == amount.data();
  }
};

std::shared_ptr<const ClassA> class_a_as_of(const engine::Facts& f, Date as_of) {
  return f.memo->get<ClassA>(
      "at_risk.class_a " + std::to_string(as_of.days), [&](const ClassA& a) { return a.applies(f); },
      [&] {
        auto a = std::make_shared<ClassA>();
        a->day = f.sales.day;
        a->customer = f.sales.customer;
        a->amount = f.sales.amount;
        a->rows = f.sales.size();
        a->customers = f.customers.size_count();
        a->t12 = customer_sums(f.sales, a->customers, Date{one_year_earlier(as_of).days + 1}, as_of);
        a->in = class_a_of_sums(a->t12, 0.8);
        return std::shared_ptr<const ClassA>(std::move(a));
      });
}
}  // namespace

std::vector<bool> class_a_customers(const engine::Facts& f, Date as_of, double share) {
  const Date year_ago = one_year_earlier(as_of);
  return class_a_of_sums(customer_sums(f.sales, f.customers.size_count(), Date{year_ago.days + 1}, as_of), share);
}

std::vector<AtRiskCustomer> at_risk_customers(const engine::Facts& f, int32_t owner, Date as_of) {
  std::vector<AtRiskCustomer> out;
  const Date year_ago = one_year_earlier(as_of), two_years_ago = one_year_earlier(year_ago);
  const auto a = class_a_as_of(f, as_of);
  // The owner's class A customers (from the customers-by-owner list), by index.
  const engine::RowIndex* x = f.row_index.get();
  std::vector<size_t> in_a;
  engine::key_rows(x ? &x->customers_by_owner : nullptr, f.customers.owner, owner)
      .for_each(f.customers.owner, owner, [&](size_t c) {
        if (c < a->customers && a->in[c]) in_a.push_back(c);
      });
  std::sort(in_a.begin(), in_a.end());
  std::vector<int32_t> days;
  for (size_t c : in_a) {
    Money prev = 0;
    account_history(f, c, as_of, two_years_ago, year_ago, days, prev);
    if (days.empty()) continue;
    if (auto r = judged(c, days, as_of, a->t12[c], prev)) out.push_back(std::move(*r));
  }
  std::stable_sort(out.begin(), out.end(), [](auto& x, auto& y) { return x.t12m > y.t12m; });
  return out;
}

std::optional<AtRiskCustomer> at_risk_customer(const engine::Facts& f, int32_t customer, Date as_of) {
  const size_t n = f.customers.size_count();
  if (customer < 0 || static_cast<size_t>(customer) >= n) return std::nullopt;
  const size_t c = static_cast<size_t>(customer);
  const Date year_ago = one_year_earlier(as_of), two_years_ago = one_year_earlier(year_ago);
  const auto a = class_a_as_of(f, as_of);
  if (!a->in[c]) return std::nullopt;
  Money prev = 0;
  std::vector<int32_t> days;
  account_history(f, c, as_of, two_years_ago, year_ago, days, prev);
  if (days.empty()) return std::nullopt;
  return judged(c, days, as_of, a->t12[c], prev);
}

}  // namespace sl::analytics
