#include "analytics/do/per_capita.h"

#include <algorithm>

#include "analytics/do/do_filter.h"
#include "analytics/do/month_complete.h"
#include "core/error.h"

namespace sl::analytics {

using engine::kNone;

double mean_headcount(const engine::Dims& d, const std::vector<bool>& reps, Month m, Date as_of) {
  const Date first = m.first_day(), last = std::min(m.last_day(), as_of);
  if (last < first) return 0;
  // Σ over reps of the days each was employed within [first, last], divided by the days.
  int64_t person_days = 0;
  for (int32_t p = 0; p < d.rep_count(); ++p) {
    if (!reps[p]) continue;
    int32_t from = std::max(first.days, d.rep_hire[p].days);
    int32_t to = d.rep_leave[p] ? std::min(last.days, d.rep_leave[p]->days) : last.days;
    if (to >= from) person_days += to - from + 1;
  }
  return static_cast<double>(person_days) / (last.days - first.days + 1);
}

namespace {
// grid: sales by (rep, month) of the scope over `months`, read through as_of.
PerCapitaSeries series(const engine::Snapshot& s, const std::vector<bool>& reps, const std::vector<Month>& months,
                       const RepMonthGrid& grid, Date as_of) {
  PerCapitaSeries out;
  for (Month m : months) {
    Money sales = 0;
    for (int32_t p = 0; p < static_cast<int32_t>(reps.size()); ++p)
      if (reps[p]) sales += grid.amount[grid.at(p, m)];
    double hc = mean_headcount(*s.dims, reps, m, as_of);
    out.sales.push_back(sales);
    out.headcount.push_back(hc);
    out.per_capita.push_back(hc > 0 ? std::optional<double>(static_cast<double>(sales) / hc) : std::nullopt);
  }
  return out;
}
}  // namespace

PerCapitaResult per_capita(const engine::Snapshot& s, const engine::Scope& scope, Date as_of, int months) {
  if (scope.own_rep != kNone) throw forbidden();
  months = std::max(months, 1);
  const engine::Dims& d = *s.dims;
  PerCapitaResult r;
  Month last = Month::of(as_of);
  for (int k = months - 1; k >= 0; --k) r.months.push_back(Month{last.index - k});
  r.last_partial = !month_complete(last, as_of);
  const RepMonthGrid grid = rep_month_grid(*s.facts, s.facts->sales, scope, RowFilter{}, r.months.front(), last, as_of);
  r.total = series(s, scope.rep, r.months, grid, as_of);
  r.total.name = scope.everything ? "公司" : (scope.root_region != kNone ? d.region_name[scope.root_region] : "");
  if (scope.root_region != kNone) r.total.id = d.region_id[scope.root_region];
  for (int32_t g : d.regions_at_level(1)) {
    if (!scope.sees_region(g)) continue;
    std::vector<bool> m(d.rep_count(), false);
    for (int32_t p = 0; p < d.rep_count(); ++p) m[p] = scope.rep[p] && d.in_subtree(d.rep_region[p], g);
    PerCapitaSeries x = series(s, m, r.months, grid, as_of);
    x.id = d.region_id[g];
    x.name = d.region_name[g];
    r.regions.push_back(std::move(x));
  }
  return r;
}

}  // namespace sl::analytics
