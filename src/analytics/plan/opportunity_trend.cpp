#include "analytics/plan/opportunity_trend.h"

#include <algorithm>

#include "analytics/plan/funnel.h"

namespace sl::analytics {

namespace {

constexpr int kMaxYears = 10;

int first_year(const engine::Facts& f, int this_year) {
  int32_t first = INT32_MAX;
  if (f.sales.size() > 0) first = f.sales.day[0];
  for (int32_t d : f.opportunities.created) first = std::min(first, d);
  const int year = first == INT32_MAX ? this_year : to_ymd(Date{first}).year;
  return std::clamp(year, this_year - kMaxYears + 1, this_year);
}

}  // namespace

std::vector<TrendYear> opportunity_trend(const engine::Snapshot& s, const engine::Scope& scope,
                                         const OpportunityTrendParams& p) {
  const auto& f = *s.facts;
  const Month last = Month::of(p.as_of);
  const int year0 = first_year(f, last.year());
  const Month first = Month::of(year0, 1);
  std::vector<TrendYear> out(static_cast<size_t>(last.year() - year0 + 1));
  for (size_t y = 0; y < out.size(); ++y) {
    out[y].year = year0 + static_cast<int>(y);
    for (int m = 0; m < 12; ++m)
      if (Month::of(out[y].year, m + 1) <= last) out[y].created[m] = 0, out[y].created_amount[m] = 0, out[y].sales[m] = 0;
  }
  auto at = [&](Month m) -> TrendYear& { return out[static_cast<size_t>(m.year() - year0)]; };
  const auto grid = rep_month_grid(f, metric_table(f, DoMetric::sales, p.rf), scope, p.rf, first, last, p.as_of);
  for (size_t r = 0; r < scope.rep.size(); ++r)
    for (Month m = first; m <= last; ++m.index)
      *at(m).sales[m.month() - 1] += grid.amount[grid.at(static_cast<int32_t>(r), m)];
  const auto& o = f.opportunities;
  for (size_t i = 0; i < o.size(); ++i) {
    if (o.created[i] < first.first_day().days || o.created[i] > p.as_of.days || !opportunity_passes(f, scope, p.rf, i))
      continue;
    const Month m = Month::of(Date{o.created[i]});
    ++*at(m).created[m.month() - 1];
    *at(m).created_amount[m.month() - 1] += o.amount[i];
  }
  return out;
}

}  // namespace sl::analytics
