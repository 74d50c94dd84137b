// P6's market and pipeline evidences and their backtests (docs/metrics.md "P6").
#include <cmath>
#include <numeric>

#include "analytics/plan/pipeline.h"
#include "analytics/plan/suggestion_parts.h"

namespace sl::analytics::suggestion_parts {

namespace {

// Σ v over the 12 months ending with e (from the first history month on).
double trailing(const Series& x, const std::vector<double>& v, Month e) {
  double sum = 0;
  for (int32_t m = std::max(x.first.index, e.index - 11); m <= e.index; ++m) sum += v[x.at(Month{m})];
  return sum;
}
std::optional<double> share_at(const Series& x, Month e) {
  const double market = trailing(x, x.market, e);
  if (!(market > 0)) return std::nullopt;
  return trailing(x, x.own, e) / market;
}
// Created and won within a period's length: the mean of the 12 windows ending with e's 12
// months (fewer at the start), for the whole period.
double run_rate_at(const Series& x, Month e) {
  const int32_t from = std::max(x.first.index, e.index - 11);
  return trailing(x, x.won_within, e) / static_cast<double>(e.index - from + 1);
}
std::vector<double> prefix(const std::vector<double>& v, size_t n) { return {v.begin(), v.begin() + static_cast<long>(n)}; }

// The period's months out of forecasts of the months after the last history month.
std::vector<double> period_part(const Series& x, const std::vector<double>& ahead) {
  const size_t skip = static_cast<size_t>(x.period_first.index - x.last.index - 1);
  return {ahead.begin() + static_cast<long>(skip), ahead.end()};
}

void set_value(Evidence& e) {
  e.value = std::llround(std::accumulate(e.months.begin(), e.months.end(), 0.0));
}

}  // namespace

Evidence market_evidence(const Series& x) {
  Evidence ev;
  ev.method = EvidenceMethod::market;
  if (x.months() < 1) return ev;
  ev.share = share_at(x, x.last);
  ev.share_own = std::llround(trailing(x, x.own, x.last));
  ev.share_market = std::llround(trailing(x, x.market, x.last));
  const int horizon = x.period_last.index - x.last.index;
  const auto fit = forecast::forecast_line(x.market, horizon, 0.8);
  ev.model = fit.method;
  if (fit.method == forecast::Method::holt_winters) ev.params = fit.params;
  if (!ev.share) return ev;
  for (double m : period_part(x, [&] {
         std::vector<double> v;
         for (const auto& b : fit.forecast) v.push_back(b.value);
         return v;
       }()))
    ev.months.push_back(m * *ev.share), ev.market_forecast += m;
  set_value(ev);
  ev.backtest = origin_backtest(x, [&](Month e, int horizon_e) {
    std::vector<std::optional<double>> out(static_cast<size_t>(horizon_e));
    const auto share = share_at(x, e);
    if (!share) return out;
    const auto history = prefix(x.market, x.at(e) + 1);
    const auto points = model_points(fit.method, history, horizon_e);
    for (size_t h = 0; h < out.size(); ++h) out[h] = points[h] * *share;
    return out;
  });
  return ev;
}

Evidence pipeline_evidence(const engine::Snapshot& s, const engine::Scope& owner, const Series& x) {
  Evidence ev;
  ev.method = EvidenceMethod::pipeline;
  if (x.months() < 1) return ev;
  // The pipeline on as_of and at the end of each backtest origin, in one pass for all.
  const Origins origins = backtest_origins(x);
  std::vector<Date> dates{x.as_of};
  for (size_t k = 0; k < origins.count; ++k) dates.push_back(Month{origins.first + static_cast<int32_t>(k)}.last_day());
  const RowFilter rf;
  const std::vector<Pipeline> pipelines =
      weighted_pipelines_at(s, owner, dates, rf, stage_probabilities_at(s, owner, dates, rf));
  const Pipeline& now = pipelines[0];
  ev.open = now.count;
  ev.run_rate = run_rate_at(x, x.last);
  const double per_month = ev.run_rate / static_cast<double>(x.period_last.index - x.period_first.index + 1);
  for (Month m = x.period_first; m <= x.period_last; m = Month{m.index + 1}) {
    const double expected = pipeline_expected(now, m, m);
    ev.expected += expected;
    ev.months.push_back(expected + per_month);
  }
  set_value(ev);
  ev.backtest = origin_backtest(x, [&](Month e, int horizon_e) {
    std::vector<std::optional<double>> out(static_cast<size_t>(horizon_e));
    const Pipeline& then = pipelines[static_cast<size_t>(e.index - origins.first) + 1];
    const double rate = run_rate_at(x, e) / static_cast<double>(x.period_last.index - x.period_first.index + 1);
    for (int h = 1; h <= horizon_e; ++h)
      out[static_cast<size_t>(h - 1)] = pipeline_expected(then, Month{e.index + h}, Month{e.index + h}) + rate;
    return out;
  });
  return ev;
}

}  // namespace sl::analytics::suggestion_parts
