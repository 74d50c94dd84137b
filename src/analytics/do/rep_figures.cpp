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

namespace {

// Every rep's Σ and count of t over [first, last]: from the (rep, month) sums built with the
// Snapshot (engine/rep_month_sums.h), which fall back to a pass over the rows themselves.
std::vector<SumCount> company_sums(const engine::FactTable& t, const engine::MonthCells* cells, size_t reps, Date first,
                                   Date last) {
  std::vector<SumCount> out(reps);
  const std::vector<engine::RepSum> sums = engine::rep_sums(t, cells, reps, first, last);
  for (size_t r = 0; r < reps; ++r) out[r] = {sums[r].amount, sums[r].count};
  return out;
}

}  // namespace

PeriodSums period_sums(const engine::Snapshot& s, const Period& p, Date as_of, int lock_day) {
  const engine::Facts& f = *s.facts;
  const size_t n = static_cast<size_t>(s.dims->rep_count());
  const engine::RepMonthSums* x = f.rep_month_sums.get();
  PeriodSums r;
  r.period = p;
  r.as_of = as_of;
  r.lock_day = lock_day;
  const Date last = std::min(p.last, as_of);
  r.sales = company_sums(f.sales, x ? x->sales.get() : nullptr, n, p.first, last);
  r.collections = company_sums(f.collections, x ? x->collections.get() : nullptr, n, p.first, last);
  r.first_contracts = company_sums(f.first_contracts, x ? x->first_contracts.get() : nullptr, n, p.first, last);
  engine::WonLost wl = engine::won_lost(f.opportunities, x ? x->closed.get() : nullptr, n, p.first, last);
  r.won = std::move(wl.won);
  r.lost = std::move(wl.lost);

  // Forecast accuracy over complete months; the latest complete month while none is.
  Month from = Month::of(p.first), to = Month::of(p.last);
  while (to >= from && !month_complete(to, as_of)) to.index--;
  if (to < from) from = to = Month{Month::of(as_of).index - 1};
  RepMonthGrid& g = r.month_sales;  // as rep_month_grid(f, f.sales, all, {}, from, to, as_of) makes it
  g.first = from;
  g.months = to.index - from.index + 1;
  g.amount.assign(n * static_cast<size_t>(g.months), 0);
  g.count.assign(g.amount.size(), 0);
  for (Month m = from; m <= to; m.index++) {
    const auto month =
        company_sums(f.sales, x ? x->sales.get() : nullptr, n, m.first_day(), std::min(m.last_day(), as_of));
    for (size_t rep = 0; rep < n; ++rep) {
      g.amount[g.at(static_cast<int32_t>(rep), m)] = month[rep].amount;
      g.count[g.at(static_cast<int32_t>(rep), m)] = month[rep].count;
    }
  }
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
