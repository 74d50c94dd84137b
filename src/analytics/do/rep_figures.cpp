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
Money sum_members(const engine::FactTable& t, const std::vector<bool>& members, Date first, Date last, int64_t* rows) {
  Money out = 0;
  auto rr = t.range(first, last);
  for (size_t i = rr.begin; i < rr.end; ++i) {
    int32_t p = t.rep[i];
    if (p == kNone || !members[p]) continue;
    out += t.amount[i];
    if (rows) ++*rows;
  }
  return out;
}
}  // namespace

RepFigures rep_figures(const engine::Snapshot& s, const std::vector<bool>& members, int32_t slot, const Period& p,
                       Date as_of) {
  const engine::Facts& f = *s.facts;
  RepFigures r;
  const Date last = std::min(p.last, as_of);
  const Month m_first = Month::of(p.first), m_last = Month::of(p.last);
  r.sales = sum_members(f.sales, members, p.first, last, nullptr);
  r.collections = sum_members(f.collections, members, p.first, last, nullptr);
  sum_members(f.first_contracts, members, p.first, last, &r.new_customers);
  if (r.sales > 0) r.collection_rate = ratio(r.collections, r.sales);
  if (slot != kNone) {
    r.sales_target = s.targets->sum(model::TargetMetric::sales, slot, m_first, m_last);
    r.collection_target = s.targets->sum(model::TargetMetric::collection, slot, m_first, m_last);
    r.new_customer_target = s.targets->sum(model::TargetMetric::new_customers, slot, m_first, m_last);
  }
  // Completion exactly as D3 defines it.
  r.completion = progress_row(r.sales_target, r.sales, p, as_of).completion;
  r.collection_completion = progress_row(r.collection_target, r.collections, p, as_of).completion;
  std::optional<double> new_completion = progress_row(r.new_customer_target, r.new_customers, p, as_of).completion;

  const auto& o = f.opportunities;
  for (size_t i = 0; i < o.size(); ++i) {
    if (o.rep[i] == kNone || !members[o.rep[i]] || o.closed[i] == engine::kNoDay) continue;
    if (o.closed[i] < p.first.days || o.closed[i] > last.days) continue;
    if (o.stage[i] == static_cast<int8_t>(model::Stage::won)) ++r.won;
    else if (o.stage[i] == static_cast<int8_t>(model::Stage::lost)) ++r.lost;
  }
  if (r.won + r.lost > 0) r.win_rate = static_cast<double>(r.won) / static_cast<double>(r.won + r.lost);

  // Forecast accuracy over complete months; the latest complete month while none is.
  Month from = m_first, to = m_last;
  while (to >= from && to.last_day() > as_of) to.index--;
  if (to < from) from = to = Month{Month::of(as_of).index - 1};
  std::vector<ForecastPair> pairs;
  for (int32_t rep = 0; rep < static_cast<int32_t>(members.size()); ++rep) {
    if (!members[rep]) continue;
    for (Month m = from; m <= to; m.index++) {
      auto fc = counted_forecast(f.forecasts, rep, m);
      if (!fc) continue;
      std::vector<bool> one(members.size(), false);
      one[rep] = true;
      pairs.push_back({sum_members(f.sales, one, m.first_day(), m.last_day(), nullptr), *fc});
    }
  }
  r.forecast_accuracy = set_accuracy(pairs).accuracy;

  r.parts = {KpiPart{"sales_completion", 40, r.completion}, KpiPart{"collection_completion", 30, r.collection_completion},
             KpiPart{"new_customers", 15, new_completion}, KpiPart{"forecast_accuracy", 15, r.forecast_accuracy}};
  r.kpi_score = kpi_score(r.parts);
  return r;
}

}  // namespace sl::analytics
