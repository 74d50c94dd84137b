#include "analytics/check/review.h"

#include "analytics/check/change.h"

#include <algorithm>

namespace sl::analytics {

namespace {

std::optional<double> ratio(Money x, Money base) {
  if (base == 0) return std::nullopt;
  return static_cast<double>(x) / static_cast<double>(base);
}

// Σ over reps of (rep, month) cells, by month.
std::vector<Money> by_month(const RepMonthGrid& g) {
  std::vector<Money> out(static_cast<size_t>(g.months), 0);
  const size_t reps = g.months ? g.amount.size() / static_cast<size_t>(g.months) : 0;
  for (size_t r = 0; r < reps; ++r)
    for (size_t m = 0; m < out.size(); ++m) out[m] += g.amount[r * out.size() + m];
  return out;
}

Money sum_window(const engine::Facts& f, const engine::FactTable& t, const engine::Scope& scope, const RowFilter& rf,
                 const Window& w) {
  if (w.last < w.first) return 0;
  return total(sum_by_rep(f, t, scope, rf, w.first, w.last)).amount;
}

void totals_and_trend(const engine::Snapshot& s, const engine::Scope& scope, const ReviewParams& p, ReviewResult& r) {
  const engine::Facts& f = *s.facts;
  const engine::FactTable& sales = metric_table(f, DoMetric::sales, p.filter);
  auto& t = r.totals;
  t.sales = sum_window(f, sales, scope, p.filter, r.current);
  t.collections = sum_window(f, f.collections, scope, p.filter, r.current);
  t.sales_last_year = sum_window(f, sales, scope, p.filter, r.yoy);
  t.collections_last_year = sum_window(f, f.collections, scope, p.filter, r.yoy);
  t.collection_rate = ratio(t.collections, t.sales);
  t.collection_rate_last_year = ratio(t.collections_last_year, t.sales_last_year);
  t.sales_yoy = change(t.sales, t.sales_last_year);
  t.collections_yoy = change(t.collections, t.collections_last_year);

  r.trend_year = to_ymd(r.current.last < r.current.first ? p.period.first : r.current.last).year;
  const Month first = Month::of(r.trend_year - 1, 1), last = Month::of(r.trend_year, 12);
  const auto sm = by_month(rep_month_grid(f, sales, scope, p.filter, first, last, p.as_of));
  const auto cm = by_month(rep_month_grid(f, f.collections, scope, p.filter, first, last, p.as_of));
  const Month as_of_month = Month::of(p.as_of);
  for (int k = 0; k < 12; ++k) {
    ReviewMonth m;
    m.month = Month::of(r.trend_year, k + 1);
    m.sales_last_year = sm[static_cast<size_t>(k)];
    m.collections_last_year = cm[static_cast<size_t>(k)];
    m.collection_rate_last_year = ratio(m.collections_last_year, m.sales_last_year);
    if (m.month <= as_of_month) {
      m.sales = sm[static_cast<size_t>(k + 12)];
      m.collections = cm[static_cast<size_t>(k + 12)];
      m.collection_rate = ratio(*m.collections, *m.sales);
    }
    r.trend.push_back(m);
  }
}

// One pass over the contracts: the period's cohort and the 12 monthly cohorts with their
// collected amounts by month after signing.
void cohorts(const engine::Snapshot& s, const engine::Scope& scope, const ReviewParams& p, ReviewResult& r) {
  const engine::Facts& f = *s.facts;
  const auto& t = f.contracts;
  const Month as_of_month = Month::of(p.as_of);
  const Month last{std::min(Month::of(std::min(p.period.last, p.as_of)).index, as_of_month.index)};
  const Month first{last.index - 11};
  std::vector<Money> signed_amount(12, 0);
  std::vector<std::vector<Money>> by_offset(12, std::vector<Money>(12, 0));  // [cohort][months after signing]
  const int32_t as_of = p.as_of.days, cohort_first = first.first_day().days, cohort_last = last.last_day().days;
  for (size_t i = 0; i < t.size(); ++i) {
    const int32_t day = t.signed_day[i];
    const bool in_period = r.current.first.days <= day && day <= r.current.last.days;
    const bool in_cohorts = cohort_first <= day && day <= cohort_last;
    if (day > as_of || (!in_period && !in_cohorts) || !scope.sees_rep(t.rep[i]) ||
        !p.filter.pass_customer(f, t.customer[i]))
      continue;
    const int c = in_cohorts ? Month::of(Date{day}).index - first.index : -1;
    Money paid = 0;
    for (uint32_t k = t.pay_begin[i]; k < t.pay_begin[i + 1]; ++k) {
      if (t.pay_day[k] > as_of) continue;
      paid += t.pay_amount[k];
      if (in_cohorts) {
        const int off = std::clamp(Month::of(Date{t.pay_day[k]}).index - (first.index + c), 0, 11);
        by_offset[static_cast<size_t>(c)][static_cast<size_t>(off)] += t.pay_amount[k];
      }
    }
    if (in_period) r.cohort.signed_amount += t.amount[i], r.cohort.collected += paid;
    if (in_cohorts) signed_amount[static_cast<size_t>(c)] += t.amount[i];
  }
  r.cohort.share = ratio(r.cohort.collected, r.cohort.signed_amount);
  for (int c = 0; c < 12; ++c) {
    CohortRow row;
    row.month = Month{first.index + c};
    row.signed_amount = signed_amount[static_cast<size_t>(c)];
    Money cum = 0;
    for (int k = 0; first.index + c + k <= as_of_month.index && k < 12; ++k) {
      cum += by_offset[static_cast<size_t>(c)][static_cast<size_t>(k)];
      if (row.signed_amount > 0) row.curve.push_back(static_cast<double>(cum) / static_cast<double>(row.signed_amount));
    }
    row.collected = cum;
    row.share = ratio(cum, row.signed_amount);
    r.cohorts.push_back(std::move(row));
  }
}

void sort_rows(std::vector<BlockerRow>& rows, Money overdue) {
  for (auto& x : rows)
    x.share = overdue > 0 ? static_cast<double>(x.figures.overdue) / static_cast<double>(overdue) : 0;
  std::sort(rows.begin(), rows.end(), [](const BlockerRow& a, const BlockerRow& b) {
    return a.figures.overdue != b.figures.overdue ? a.figures.overdue > b.figures.overdue : a.id < b.id;
  });
}

void blockers(const engine::Snapshot& s, const engine::Scope& scope, ReviewResult& r) {
  const engine::Dims& d = *s.dims;
  const engine::Facts& f = *s.facts;
  const auto& a = r.aging;
  for (size_t c = 0; c < a.by_customer.size(); ++c) {
    if (a.by_customer[c].overdue <= 0) continue;
    BlockerRow row{f.customer_id[c], f.customers.name[c], 0, "", "", a.by_customer[c], 0};
    if (int32_t o = f.customers.owner[c]; o != engine::kNone) row.owner = d.rep_id[o], row.owner_name = d.rep_name[o];
    if (int32_t g = f.customers.region[c]; g != engine::kNone) row.region = d.region_name[g];
    r.customers.push_back(std::move(row));
  }
  for (size_t p = 0; p < a.by_rep.size(); ++p) {
    if (a.by_rep[p].overdue <= 0) continue;
    const int32_t g = d.rep_region[p];
    r.reps.push_back({d.rep_id[p], d.rep_name[p], 0, "", g == engine::kNone ? "" : d.region_name[g], a.by_rep[p], 0});
  }
  // 大区: every visible one, or the narrowed region itself when it lies below one (as D2).
  std::vector<int32_t> regions;
  if (scope.own_rep == engine::kNone) {
    for (int32_t g : d.regions_at_level(1))
      if (scope.sees_region(g)) regions.push_back(g);
    if (regions.empty() && scope.root_region != engine::kNone) regions.push_back(scope.root_region);
  }
  for (int32_t g : regions) {
    AgingParty sum;
    for (size_t p = 0; p < a.by_rep.size(); ++p)
      if (d.rep_region[p] != engine::kNone && d.in_subtree(d.rep_region[p], g)) {
        const auto& x = a.by_rep[p];
        sum.receivable += x.receivable, sum.overdue += x.overdue, sum.items += x.items;
        sum.max_days = std::max(sum.max_days, x.max_days);
      }
    if (sum.overdue > 0) r.regions.push_back({d.region_id[g], d.region_name[g], 0, "", "", sum, 0});
  }
  sort_rows(r.customers, a.overdue);
  sort_rows(r.reps, a.overdue);
  sort_rows(r.regions, a.overdue);
}

}  // namespace

std::optional<double> dso_days(Money receivable, Money sales, int days) {
  if (sales <= 0) return std::nullopt;
  return static_cast<double>(receivable) * days / static_cast<double>(sales);
}

ReviewResult sales_review(const engine::Snapshot& s, const engine::Scope& scope, const ReviewParams& p) {
  ReviewResult r;
  r.current = current_window(p.period, p.as_of);
  r.yoy = yoy_window(p.period, p.as_of);
  totals_and_trend(s, scope, p, r);
  cohorts(s, scope, p, r);
  RowFilter customer_only = p.filter;
  customer_only.category = engine::kNone;
  r.aging = receivables_aging(s, scope, {p.as_of, customer_only, true});
  blockers(s, scope, r);
  r.aging.by_customer.clear(), r.aging.by_customer.shrink_to_fit();
  r.aging.by_rep.clear(), r.aging.by_rep.shrink_to_fit();
  r.sales_90d = sum_window(*s.facts, s.facts->sales, scope, customer_only, {Date{p.as_of.days - 89}, p.as_of});
  r.dso = dso_days(r.aging.receivable, r.sales_90d);
  return r;
}

}  // namespace sl::analytics
