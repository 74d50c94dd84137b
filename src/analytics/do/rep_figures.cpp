#include "analytics/do/rep_figures.h"

#include <algorithm>

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

namespace {
// Σ amount (and row count) by rep over [first, last].
void sum_by_rep(const engine::FactTable& t, Date first, Date last, std::vector<Money>* amount, std::vector<int64_t>* rows) {
  auto rr = t.range(first, last);
  for (size_t i = rr.begin; i < rr.end; ++i) {
    int32_t p = t.rep[i];
    if (p == kNone) continue;
    if (amount) (*amount)[p] += t.amount[i];
    if (rows) ++(*rows)[p];
  }
}
}  // namespace

PeriodSums period_sums(const engine::Snapshot& s, const Period& p, Date as_of) {
  const engine::Facts& f = *s.facts;
  const size_t n = static_cast<size_t>(s.dims->rep_count());
  PeriodSums r;
  r.period = p;
  r.as_of = as_of;
  const Date last = std::min(p.last, as_of);
  r.sales.assign(n, 0);
  r.collections.assign(n, 0);
  r.new_customers.assign(n, 0);
  r.won.assign(n, 0);
  r.lost.assign(n, 0);
  sum_by_rep(f.sales, p.first, last, &r.sales, nullptr);
  sum_by_rep(f.collections, p.first, last, &r.collections, nullptr);
  sum_by_rep(f.first_contracts, p.first, last, nullptr, &r.new_customers);

  const auto& o = f.opportunities;
  for (size_t i = 0; i < o.size(); ++i) {
    if (o.rep[i] == kNone || o.closed[i] == engine::kNoDay) continue;
    if (o.closed[i] < p.first.days || o.closed[i] > last.days) continue;
    if (o.stage[i] == static_cast<int8_t>(model::Stage::won)) ++r.won[o.rep[i]];
    else if (o.stage[i] == static_cast<int8_t>(model::Stage::lost)) ++r.lost[o.rep[i]];
  }

  // Forecast accuracy over complete months; the latest complete month while none is.
  Month from = Month::of(p.first), to = Month::of(p.last);
  while (to >= from && to.last_day() > as_of) to.index--;
  if (to < from) from = to = Month{Month::of(as_of).index - 1};
  r.forecast_from = from;
  r.forecast_to = to;
  const int months = to.index - from.index + 1;
  r.month_sales.assign(n * static_cast<size_t>(months), 0);
  for (int k = 0; k < months; ++k) {
    Month m{from.index + k};
    auto rr = f.sales.range(m.first_day(), m.last_day());
    for (size_t i = rr.begin; i < rr.end; ++i)
      if (f.sales.rep[i] != kNone) r.month_sales[static_cast<size_t>(f.sales.rep[i]) * months + k] += f.sales.amount[i];
  }
  return r;
}

RepFigures rep_figures(const engine::Snapshot& s, const PeriodSums& sums, const std::vector<int32_t>& reps, int32_t slot) {
  const engine::Facts& f = *s.facts;
  const Period& p = sums.period;
  const Date as_of = sums.as_of;
  RepFigures r;
  for (int32_t rep : reps) {
    r.sales += sums.sales[rep];
    r.collections += sums.collections[rep];
    r.new_customers += sums.new_customers[rep];
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

  const int months = sums.forecast_to.index - sums.forecast_from.index + 1;
  std::vector<ForecastPair> pairs;
  for (int32_t rep : reps)
    for (int k = 0; k < months; ++k) {
      auto fc = counted_forecast(f.forecasts, rep, Month{sums.forecast_from.index + k});
      if (fc) pairs.push_back({sums.month_sales[static_cast<size_t>(rep) * months + k], *fc});
    }
  r.forecast_accuracy = set_accuracy(pairs).accuracy;

  r.parts = {KpiPart{"sales_completion", 40, r.completion}, KpiPart{"collection_completion", 30, r.collection_completion},
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
