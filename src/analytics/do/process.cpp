#include "analytics/do/process.h"

#include <algorithm>

#include "analytics/do/month_complete.h"

namespace sl::analytics {

using engine::kNone;

Date one_year_earlier(Date d) {
  Ymd v = to_ymd(d);
  return from_ymd(v.year - 1, v.month, std::min(v.day, days_in_month(v.year - 1, v.month)));
}

Window current_window(const Period& p, Date as_of) { return {p.first, std::min(p.last, as_of)}; }

Window yoy_window(const Period& p, Date as_of) {
  Period q = p.year_earlier();
  if (as_of >= p.last) return {q.first, q.last};
  if (as_of < p.first) return {q.first, Date{q.first.days - 1}};
  return {q.first, std::min(q.last, one_year_earlier(as_of))};
}

Window pop_window(const Period& p, Date as_of) {
  Period q = p.previous();
  if (as_of >= p.last) return {q.first, q.last};
  int elapsed = elapsed_days(p, as_of);
  return {q.first, std::min(q.last, Date{q.first.days + elapsed - 1})};
}

namespace {

model::TargetMetric target_metric(DoMetric m) {
  switch (m) {
    case DoMetric::bids_won: return model::TargetMetric::bids_won;
    case DoMetric::sales: return model::TargetMetric::sales;
    case DoMetric::collection: return model::TargetMetric::collection;
  }
  return model::TargetMetric::sales;
}

// Per-rep sums of each metric over the three windows.
struct Sums {
  std::array<std::vector<SumCount>, 3> cur, yoy, pop;
};

Sums all_sums(const engine::Snapshot& s, const engine::Scope& scope, const RowFilter& rf, const ProcessResult& r) {
  Sums out;
  for (size_t k = 0; k < kDoMetrics.size(); ++k) {
    const auto& t = metric_table(*s.facts, kDoMetrics[k], rf);
    out.cur[k] = sum_by_rep(*s.facts, t, scope, rf, r.current.first, r.current.last);
    out.yoy[k] = sum_by_rep(*s.facts, t, scope, rf, r.yoy.first, r.yoy.last);
    out.pop[k] = sum_by_rep(*s.facts, t, scope, rf, r.pop.first, r.pop.last);
  }
  return out;
}

// Figures for a set of reps (a region's, the scope's, or one) and the target slot that
// belongs to that set (kNone when no target applies, e.g. under an industry filter).
// The minimum bases of a set of reps' YoY and PoP (yoy.h), from their months in the grid.
struct MinBases {
  double yoy = 0, pop = 0;
};

MetricFigures figures(const engine::Snapshot& s, const Sums& sums, size_t k, const std::vector<int32_t>& reps,
                      int32_t slot, const Period& period, const RowFilter& rf, const MinBases& minimum) {
  MetricFigures f;
  f.metric = kDoMetrics[k];
  SumCount cur, yoy, pop;
  for (int32_t p : reps) {
    cur.amount += sums.cur[k][p].amount;
    cur.count += sums.cur[k][p].count;
    yoy.amount += sums.yoy[k][p].amount;
    pop.amount += sums.pop[k][p].amount;
  }
  f.amount = cur.amount;
  if (!(f.metric == DoMetric::sales && rf.by_category())) f.count = cur.count;
  f.yoy_amount = yoy.amount;
  f.pop_amount = pop.amount;
  const Growth gy = growth_over(cur.amount, yoy.amount, minimum.yoy),
               gp = growth_over(cur.amount, pop.amount, minimum.pop);
  f.yoy = gy.value;
  f.yoy_basis = gy.basis;
  f.pop = gp.value;
  f.pop_basis = gp.basis;
  if (slot != kNone) {
    f.target = s.targets->sum(target_metric(f.metric), slot, Month::of(period.first), Month::of(period.last));
    if (f.target && *f.target > 0) {
      double x = f.metric == DoMetric::bids_won ? static_cast<double>(cur.count) : static_cast<double>(cur.amount);
      f.completion = x / static_cast<double>(*f.target);
    }
  }
  return f;
}

std::vector<int32_t> reps_in_region(const engine::Dims& d, const engine::Scope& scope, int32_t region) {
  std::vector<int32_t> out;
  for (int32_t p = 0; p < d.rep_count(); ++p)
    if (scope.rep[p] && (region == kNone || d.in_subtree(d.rep_region[p], region))) out.push_back(p);
  return out;
}

int window_days(const Window& w) { return std::max(0, w.last.days - w.first.days + 1); }

// A unit's typical month: its monthly amounts over the 12 complete months before the period
// (a rep unit: the months the rep was employed in), scaled to each comparison window.
MinBases min_bases(const engine::Dims& d, const RepMonthGrid& g, const std::vector<int32_t>& reps, bool rep_unit,
                   const ProcessResult& r, Date as_of) {
  const Month first = Month::of(r.period.first);
  std::vector<double> months;
  for (Month m{first.index - 12}; m < first; m.index++) {
    if (!g.covers(m) || !month_complete(m, as_of)) continue;
    if (rep_unit && !d.rep_active(reps.front(), m.first_day(), m.last_day())) continue;
    Money sum = 0;
    for (int32_t p : reps) sum += g.amount[g.at(p, m)];
    months.push_back(static_cast<double>(sum));
  }
  return {min_base(months, window_days(r.yoy) / kDaysPerMonth), min_base(months, window_days(r.pop) / kDaysPerMonth)};
}

}  // namespace

ProcessResult performance_process(const engine::Snapshot& s, const engine::Scope& caller, const ProcessParams& p) {
  const engine::Dims& d = *s.dims;
  const engine::Scope scope = narrow_scope(s, caller, p.filter);
  const RowFilter rf = row_filter(s, p.filter);
  // Targets are set per owner for all industries and categories: they do not apply to a slice.
  const bool targets_apply = rf.industry == kNone && !rf.by_category();

  ProcessResult r;
  r.period = p.period;
  r.current = current_window(p.period, p.as_of);
  r.yoy = yoy_window(p.period, p.as_of);
  r.pop = pop_window(p.period, p.as_of);
  r.time_progress = time_progress(p.period, p.as_of);
  Sums sums = all_sums(s, scope, rf, r);

  int32_t total_slot = kNone;
  if (targets_apply) {
    if (scope.own_rep != kNone)
      total_slot = s.targets->rep_slot(scope.own_rep);
    else if (scope.root_region == d.company && scope.everything)
      total_slot = s.targets->company_slot();
    else if (scope.root_region != kNone)
      total_slot = s.targets->region_slot(scope.root_region);
  }
  // Monthly trend of the year the period ends in (as read through as_of), and the anomalies
  // of the period's months: both from one (rep × month) grid per metric, read through as_of.
  r.trend_year = to_ymd(r.current.last < r.current.first ? p.period.first : r.current.last).year;
  const Month as_of_month = Month::of(p.as_of);
  const Month a_first = Month::of(p.period.first), a_last = Month::of(std::min(p.period.last, p.as_of));
  const Month g_first{std::min(Month::of(r.trend_year - 1, 1).index, a_first.index - 12)};
  const Month g_last{std::max(
      {Month::of(r.trend_year - 1, 12).index, std::min(Month::of(r.trend_year, 12), as_of_month).index, a_last.index})};
  std::array<RepMonthGrid, 3> grids;
  for (size_t k = 0; k < 3; ++k)
    grids[k] = rep_month_grid(*s.facts, metric_table(*s.facts, kDoMetrics[k], rf), scope, rf, g_first, g_last, p.as_of);
  const std::vector<int32_t> visible = reps_in_region(d, scope, kNone);
  for (size_t k = 0; k < 3; ++k)
    r.totals[k] = figures(s, sums, k, visible, total_slot, p.period, rf,
                          min_bases(d, grids[k], visible, scope.own_rep != kNone, r, p.as_of));

  // Regions: every visible 大区, or the narrowed region itself when it lies below one.
  std::vector<int32_t> regions;
  if (scope.own_rep == kNone) {
    for (int32_t g : d.regions_at_level(1))
      if (scope.sees_region(g)) regions.push_back(g);
    if (regions.empty() && scope.root_region != kNone) regions.push_back(scope.root_region);
  }
  for (int32_t g : regions) {
    BreakdownRow row{d.region_id[g], d.region_name[g], {}};
    auto members = reps_in_region(d, scope, g);
    for (size_t k = 0; k < 3; ++k)
      row.metrics[k] = figures(s, sums, k, members, targets_apply ? s.targets->region_slot(g) : kNone, p.period, rf,
                               min_bases(d, grids[k], members, false, r, p.as_of));
    r.regions.push_back(std::move(row));
  }
  for (int32_t rep = 0; rep < d.rep_count(); ++rep) {
    if (!scope.sees_rep(rep)) continue;
    bool any = d.rep_active(rep, p.period.first, p.period.last);
    for (size_t k = 0; k < 3 && !any; ++k) any = sums.cur[k][rep].count != 0 || sums.yoy[k][rep].count != 0;
    if (!any) continue;
    BreakdownRow row{d.rep_id[rep], d.rep_name[rep], {}};
    for (size_t k = 0; k < 3; ++k)
      row.metrics[k] = figures(s, sums, k, {rep}, targets_apply ? s.targets->rep_slot(rep) : kNone, p.period, rf,
                               min_bases(d, grids[k], {rep}, true, r, p.as_of));
    r.reps.push_back(std::move(row));
  }

  auto month_total = [&](size_t k, Month m) {
    Money sum = 0;
    for (int32_t rep : visible) sum += grids[k].amount[grids[k].at(rep, m)];
    return sum;
  };
  for (int m = 1; m <= 12; ++m) {
    TrendMonth t;
    t.month = Month::of(r.trend_year, m);
    Month ly = Month::of(r.trend_year - 1, m);
    for (size_t k = 0; k < 3; ++k) {
      if (t.month <= as_of_month) t.this_year[k] = month_total(k, t.month);
      t.last_year[k] = month_total(k, ly);
    }
    r.trend.push_back(t);
  }

  r.anomalies = detect_anomalies(s, scope, rf, a_first, a_last, p.as_of, grids);
  return r;
}

}  // namespace sl::analytics
