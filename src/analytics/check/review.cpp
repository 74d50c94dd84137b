#include "analytics/check/review.h"

#include "analytics/check/change.h"
#include "analytics/check/id_rank.h"
#include "analytics/check/rep_mask.h"
#include "engine/parallel.h"

#include <algorithm>
#include <array>

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

// A worker's share of the cohorts: the period's cohort and the 12 monthly ones.
struct CohortPart {
  Money signed_period = 0, collected_period = 0;
  std::array<Money, 12> signed_amount{};
  std::array<std::array<Money, 12>, 12> by_offset{};  // [cohort][months after signing]
};

// One pass over the contracts (split between workers): the period's cohort and the 12
// monthly cohorts with their collected amounts by month after signing.
void cohorts(const engine::Snapshot& s, const engine::Scope& scope, const ReviewParams& p, ReviewResult& r) {
  const engine::Facts& f = *s.facts;
  const auto& t = f.contracts;
  const Month as_of_month = Month::of(p.as_of);
  const Month last{std::min(Month::of(std::min(p.period.last, p.as_of)).index, as_of_month.index)};
  const Month first{last.index - 11};
  const int32_t as_of = p.as_of.days, cohort_first = first.first_day().days, cohort_last = last.last_day().days;
  // Month of each payment day a cohort reads, [cohort_first, as_of], counted from `first`
  // (earlier payments count in the signing month: offset 0 after the clamp below).
  std::vector<int32_t> month_of(static_cast<size_t>(std::max(0, as_of - cohort_first + 1)));
  for (size_t k = 0; k < month_of.size(); ++k)
    month_of[k] = Month::of(Date{cohort_first + static_cast<int32_t>(k)}).index - first.index;
  auto month_index = [&](int32_t day) {
    return day < cohort_first ? -1 : month_of[static_cast<size_t>(day - cohort_first)];
  };
  const auto visible = visible_reps(s, scope);
  const bool filtered = p.filter.industry != engine::kNone || p.filter.size != engine::kNone;
  const size_t workers = engine::worker_count(t.size(), 100000);
  std::vector<CohortPart> part(workers);
  engine::parallel_chunks(t.size(), workers, [&](size_t w, size_t b, size_t e) {
    CohortPart& q = part[w];
    for (size_t i = b; i < e; ++i) {
      const int32_t day = t.signed_day[i];
      const bool in_period = r.current.first.days <= day && day <= r.current.last.days;
      const bool in_cohorts = cohort_first <= day && day <= cohort_last;
      if (day > as_of || (!in_period && !in_cohorts)) continue;
      const int32_t rep = t.rep[i];
      if (rep == engine::kNone || !visible[static_cast<size_t>(rep)] ||
          (filtered && !p.filter.pass_customer(f, t.customer[i])))
        continue;
      const int c = in_cohorts ? month_index(day) : -1;
      Money paid = 0;
      for (uint32_t k = t.pay_begin[i]; k < t.pay_begin[i + 1]; ++k) {
        if (t.pay_day[k] > as_of) continue;
        paid += t.pay_amount[k];
        if (in_cohorts) {
          const int off = std::clamp(month_index(t.pay_day[k]) - c, 0, 11);
          q.by_offset[static_cast<size_t>(c)][static_cast<size_t>(off)] += t.pay_amount[k];
        }
      }
      if (in_period) q.signed_period += t.amount[i], q.collected_period += paid;
      if (in_cohorts) q.signed_amount[static_cast<size_t>(c)] += t.amount[i];
    }
  });
  CohortPart all;
  for (const auto& q : part) {
    all.signed_period += q.signed_period, all.collected_period += q.collected_period;
    for (size_t c = 0; c < 12; ++c) {
      all.signed_amount[c] += q.signed_amount[c];
      for (size_t k = 0; k < 12; ++k) all.by_offset[c][k] += q.by_offset[c][k];
    }
  }
  r.cohort.signed_amount = all.signed_period, r.cohort.collected = all.collected_period;
  r.cohort.share = ratio(r.cohort.collected, r.cohort.signed_amount);
  for (int c = 0; c < 12; ++c) {
    CohortRow row;
    row.month = Month{first.index + c};
    row.signed_amount = all.signed_amount[static_cast<size_t>(c)];
    Money cum = 0;
    for (int k = 0; first.index + c + k <= as_of_month.index && k < 12; ++k) {
      cum += all.by_offset[static_cast<size_t>(c)][static_cast<size_t>(k)];
      if (row.signed_amount > 0) row.curve.push_back(static_cast<double>(cum) / static_cast<double>(row.signed_amount));
    }
    row.collected = cum;
    row.share = ratio(cum, row.signed_amount);
    r.cohorts.push_back(std::move(row));
  }
}

// Parties with an overdue amount, largest first (ties: lower id), as positions into `figures`:
// the rows are sorted as keys and made (names copied) once, in their final order.
template <class IdOf>
std::vector<size_t> overdue_order(size_t n, const AgingParty* const* figures, IdOf id) {
  // 16-byte keys: the tie-break is the party's rank by id (id_rank.h), not the id itself.
  struct Key {
    Money overdue;
    uint32_t rank, at;
  };
  const std::vector<uint32_t> rank = id_ranks(n, id);
  std::vector<Key> keys;
  for (size_t i = 0; i < n; ++i)
    if (figures[i]->overdue > 0)
      keys.push_back({figures[i]->overdue, rank.empty() ? static_cast<uint32_t>(i) : rank[i], static_cast<uint32_t>(i)});
  std::sort(keys.begin(), keys.end(),
            [](const Key& a, const Key& b) { return a.overdue != b.overdue ? a.overdue > b.overdue : a.rank < b.rank; });
  std::vector<size_t> out(keys.size());
  for (size_t k = 0; k < keys.size(); ++k) out[k] = keys[k].at;
  return out;
}

double share_of(Money part, Money overdue) {
  return overdue > 0 ? static_cast<double>(part) / static_cast<double>(overdue) : 0;
}

void blockers(const engine::Snapshot& s, const engine::Scope& scope, ReviewResult& r) {
  const engine::Dims& d = *s.dims;
  const engine::Facts& f = *s.facts;
  const auto& a = r.aging;
  std::vector<const AgingParty*> fig;
  for (const auto& x : a.by_customer) fig.push_back(&x.figures);
  const auto customer_order = overdue_order(
      fig.size(), fig.data(), [&](size_t i) { return f.customer_id[static_cast<size_t>(a.by_customer[i].customer)]; });
  // Each row made in by_customer's (index) order, so the customer columns are read in order,
  // and written to its place in the answer (every by_customer entry has an overdue amount, so
  // customer_order is a permutation of them).
  std::vector<uint32_t> place(customer_order.size());
  for (size_t k = 0; k < customer_order.size(); ++k) place[customer_order[k]] = static_cast<uint32_t>(k);
  r.customers.resize(customer_order.size());
  for (size_t i = 0; i < place.size(); ++i) {
    const int32_t c = a.by_customer[i].customer;
    BlockerRow& row = r.customers[place[i]];
    row.id = f.customer_id[static_cast<size_t>(c)];
    row.name = f.customers.name[c];
    if (int32_t o = f.customers.owner[c]; o != engine::kNone) row.owner = d.rep_id[o], row.owner_name = d.rep_name[o];
    if (int32_t g = f.customers.region[c]; g != engine::kNone) row.region = d.region_name[g];
    row.figures = a.by_customer[i].figures;
    row.share = share_of(row.figures.overdue, a.overdue);
  }
  fig.clear();
  for (const auto& x : a.by_rep) fig.push_back(&x);
  for (size_t p : overdue_order(fig.size(), fig.data(), [&](size_t i) { return d.rep_id[i]; })) {
    const int32_t g = d.rep_region[p];
    const std::string_view region = g == engine::kNone ? std::string_view() : std::string_view(d.region_name[g]);
    r.reps.push_back(
        {d.rep_id[p], d.rep_name[p], 0, "", region, a.by_rep[p], share_of(a.by_rep[p].overdue, a.overdue)});
  }
  // 大区: every visible one, or the narrowed region itself when it lies below one (as D2).
  std::vector<int32_t> regions;
  if (scope.own_rep == engine::kNone) {
    for (int32_t g : d.regions_at_level(1))
      if (scope.sees_region(g)) regions.push_back(g);
    if (regions.empty() && scope.root_region != engine::kNone) regions.push_back(scope.root_region);
  }
  std::vector<AgingParty> sums(regions.size());
  for (size_t k = 0; k < regions.size(); ++k)
    for (size_t p = 0; p < a.by_rep.size(); ++p)
      if (d.rep_region[p] != engine::kNone && d.in_subtree(d.rep_region[p], regions[k])) {
        const auto& x = a.by_rep[p];
        auto& sum = sums[k];
        sum.receivable += x.receivable, sum.overdue += x.overdue, sum.items += x.items;
        sum.max_days = std::max(sum.max_days, x.max_days);
      }
  fig.clear();
  for (const auto& x : sums) fig.push_back(&x);
  for (size_t k : overdue_order(fig.size(), fig.data(), [&](size_t i) { return d.region_id[regions[i]]; })) {
    const int32_t g = regions[k];
    r.regions.push_back({d.region_id[g], d.region_name[g], 0, "", "", sums[k], share_of(sums[k].overdue, a.overdue)});
  }
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
