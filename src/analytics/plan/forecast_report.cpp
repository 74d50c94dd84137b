#include "analytics/plan/forecast_report.h"

#include <algorithm>

#include "analytics/do/do_filter.h"
#include "analytics/do/month_complete.h"

namespace sl::analytics {

namespace {

// The target owner of a scope: a rep's own, a region subtree's root, else the company.
int32_t target_slot(const engine::Snapshot& s, const engine::Scope& scope) {
  if (scope.own_rep != engine::kNone) return s.targets->rep_slot(scope.own_rep);
  if (scope.everything || scope.root_region == engine::kNone || scope.root_region == s.dims->company)
    return s.targets->company_slot();
  return s.targets->region_slot(scope.root_region);
}

}  // namespace

const char* bias_label(const std::optional<double>& bias) {
  if (!bias) return nullptr;
  return *bias > 0 ? "over_promising" : *bias < 0 ? "sandbagging" : "even";
}

ForecastReport forecast_report(const engine::Snapshot& s, const engine::Scope& scope, const ForecastReportParams& p) {
  const engine::Dims& d = *s.dims;
  const engine::Facts& f = *s.facts;
  const Month current = Month::of(p.as_of);
  const Month last = month_complete(current, p.as_of) ? current : Month{current.index - 1};
  const Month rank_first{last.index - p.months + 1}, trend_first{last.index - p.trend_months + 1};
  const Month table_last{current.index + p.ahead};
  const Month grid_first = std::min(rank_first, trend_first);
  const RepMonthGrid g = rep_month_grid(f, f.sales, scope, RowFilter{}, grid_first, table_last, p.as_of);
  // What was known on as_of: submissions made by its end (and before each month's lock).
  const int64_t known_until = beijing_midnight(Date{p.as_of.days + 1});
  auto forecast_of = [&](int32_t rep, Month m) -> std::optional<Money> {
    auto sub = submissions_before(f.forecasts, rep, m, std::min(forecast_lock_at(m, p.lock_day), known_until));
    if (!sub.count) return std::nullopt;
    return f.forecasts.value[sub.last];
  };
  auto employed = [&](int32_t rep, Month m) { return d.rep_active(rep, m.first_day(), m.last_day()); };

  ForecastReport out;
  out.first = rank_first;
  out.last = last;
  const int32_t slot = target_slot(s, scope);
  for (Month m = trend_first; m <= table_last; m.index++) {
    ForecastMonth fm;
    fm.month = m;
    fm.complete = month_complete(m, p.as_of);
    std::vector<ForecastPair> pairs;
    for (int32_t rep = 0; rep < d.rep_count(); ++rep) {
      if (!scope.sees_rep(rep)) continue;
      const Money a = g.amount[g.at(rep, m)];
      fm.actual += a;
      if (!employed(rep, m)) continue;
      if (auto fc = forecast_of(rep, m)) {
        fm.forecast = fm.forecast.value_or(0) + *fc;
        ++fm.forecasters;
        if (fm.complete) pairs.push_back({a, *fc});
      }
    }
    fm.acc = set_accuracy(pairs);
    const int64_t target = s.targets->get(model::TargetMetric::sales, slot, m);
    if (target != engine::kNoTarget) fm.target = target;
    out.months.push_back(fm);
  }

  std::vector<ForecastPair> all;
  for (int32_t rep = 0; rep < d.rep_count(); ++rep) {
    if (!scope.sees_rep(rep) || !d.rep_active(rep, rank_first.first_day(), last.last_day())) continue;
    RepAccuracy r;
    r.rep = rep;
    std::vector<ForecastPair> pairs;
    for (Month m = rank_first; m <= last; m.index++) {
      if (!employed(rep, m)) continue;
      if (auto fc = forecast_of(rep, m)) {
        pairs.push_back({g.amount[g.at(rep, m)], *fc});
        r.forecast += *fc;
        r.actual += pairs.back().actual;
      }
    }
    r.acc = set_accuracy(pairs);
    all.insert(all.end(), pairs.begin(), pairs.end());
    out.forecast += r.forecast;
    out.actual += r.actual;
    out.ranking.push_back(r);
  }
  out.overall = set_accuracy(all);
  std::stable_sort(out.ranking.begin(), out.ranking.end(), [](const RepAccuracy& a, const RepAccuracy& b) {
    if (a.acc.accuracy.has_value() != b.acc.accuracy.has_value()) return a.acc.accuracy.has_value();
    return a.acc.accuracy && *a.acc.accuracy > *b.acc.accuracy;
  });
  for (size_t i = 0; i < out.ranking.size() && out.ranking[i].acc.accuracy; ++i)
    out.ranking[i].rank = static_cast<int>(i + 1);
  return out;
}

}  // namespace sl::analytics
