#include "analytics/do/rep_figures.h"

#include <algorithm>

#include "analytics/do/month_complete.h"
#include "analytics/do/progress.h"
#include "analytics/plan/forecast_accuracy.h"

namespace sl::analytics {

using engine::kNone;

std::optional<double> kpi_score(const std::array<KpiPart, 4>& parts) {
  double sum = 0, weights = 0;
  for (const auto& p : parts) {
    if (!p.value) continue;
    sum += p.weight * std::min(*p.value, kKpiCap);
    weights += p.weight;
  }
  if (weights == 0) return std::nullopt;
  return sum / weights * 100;
}

PeriodSums period_sums(const engine::Snapshot& s, const Period& p, Date as_of, int lock_day) {
  const engine::Facts& f = *s.facts;
  const size_t n = static_cast<size_t>(s.dims->rep_count());
  const engine::Scope all = engine::scope_all(*s.dims);
  PeriodSums r;
  r.period = p;
  r.as_of = as_of;
  r.lock_day = lock_day;
  const Date last = std::min(p.last, as_of);
  r.sales = sum_by_rep(f, f.sales, all, RowFilter{}, p.first, last);
  r.collections = sum_by_rep(f, f.collections, all, RowFilter{}, p.first, last);
  r.first_contracts = sum_by_rep(f, f.first_contracts, all, RowFilter{}, p.first, last);

  r.won.assign(n, 0);
  r.lost.assign(n, 0);
  const auto& o = f.opportunities;
  for (size_t i = 0; i < o.size(); ++i) {
    if (o.rep[i] == kNone || o.closed[i] == engine::kNoDay) continue;
    if (o.closed[i] < p.first.days || o.closed[i] > last.days) continue;
    if (o.stage[i] == static_cast<int8_t>(model::Stage::won))
      ++r.won[o.rep[i]];
    else if (o.stage[i] == static_cast<int8_t>(model::Stage::lost))
      ++r.lost[o.rep[i]];
  }

  // Forecast accuracy over complete months; the latest complete month while none is.
  Month from = Month::of(p.first), to = Month::of(p.last);
  while (to >= from && !month_complete(to, as_of)) to.index--;
  if (to < from) from = to = Month{Month::of(as_of).index - 1};
  r.month_sales = rep_month_grid(f, f.sales, all, RowFilter{}, from, to, as_of);  // complete months: as_of cuts nothing
  return r;
}

RepFigures rep_figures(const engine::Snapshot& s, const PeriodSums& sums, const std::vector<int32_t>& reps,
                       int32_t slot) {
  const engine::Facts& f = *s.facts;
  const Period& p = sums.period;
  const Date as_of = sums.as_of;
  RepFigures r;
  for (int32_t rep : reps) {
    r.sales += sums.sales[rep].amount;
    r.collections += sums.collections[rep].amount;
    r.new_customers += sums.first_contracts[rep].count;
    r.won += sums.won[rep];
    r.lost += sums.lost[rep];
  }
  if (r.sales > 0) r.collection_rate = ratio(r.collections, r.sales);
  const Month m_first = Month::of(p.first), m_last = Month::of(p.last);
  if (slot != kNone) {
    r.sales_target = s.targets->sum(model::TargetMetric::sales, slot, m_first, m_last);
    r.collection_target = s.targets->sum(model::TargetMetric::collection, slot, m_first, m_last);
    r.new_customer_target = s.targets->sum(model::TargetMetric::new_customers, slot, m_first, m_last);
  }
  // Completion exactly as D3 defines it.
  r.completion = progress_row(r.sales_target, r.sales, p, as_of).completion;
  r.collection_completion = progress_row(r.collection_target, r.collections, p, as_of).completion;
  std::optional<double> new_completion = progress_row(r.new_customer_target, r.new_customers, p, as_of).completion;
  if (r.won + r.lost > 0) r.win_rate = static_cast<double>(r.won) / static_cast<double>(r.won + r.lost);

  const RepMonthGrid& g = sums.month_sales;
  std::vector<ForecastPair> pairs;
  for (int32_t rep : reps)
    for (Month m = g.first; g.covers(m); m.index++) {
      auto fc = counted_forecast(f.forecasts, rep, m, sums.lock_day);
      if (fc) pairs.push_back({g.amount[g.at(rep, m)], *fc});
    }
  r.forecast_accuracy = set_accuracy(pairs).accuracy;

  r.parts = {KpiPart{"sales_completion", 40, r.completion},
             KpiPart{"collection_completion", 30, r.collection_completion},
             KpiPart{"new_customers", 15, new_completion}, KpiPart{"forecast_accuracy", 15, r.forecast_accuracy}};
  r.kpi_score = kpi_score(r.parts);
  return r;
}

RepFigures rep_figures(const engine::Snapshot& s, const std::vector<bool>& members, int32_t slot, const Period& p,
                       Date as_of) {
  std::vector<int32_t> reps;
  for (int32_t rep = 0; rep < static_cast<int32_t>(members.size()); ++rep)
    if (members[rep]) reps.push_back(rep);
  return rep_figures(s, period_sums(s, p, as_of), reps, slot);
}

}  // namespace sl::analytics
