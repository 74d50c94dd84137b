#include "analytics/plan/suggestion.h"

#include <cmath>
#include <thread>

#include "analytics/plan/suggestion_parts.h"

namespace sl::analytics {

namespace {

using suggestion_parts::Series;

Evidence history_evidence(const Series& x) {
  Evidence ev;
  ev.method = EvidenceMethod::history;
  if (x.months() < 1) return ev;
  const auto fit = forecast::forecast_line(x.sales, x.period_last.index - x.last.index, 0.8);
  ev.model = fit.method;
  if (fit.method == forecast::Method::holt_winters) ev.params = fit.params;
  ev.backtest = fit.backtest;
  const size_t skip = static_cast<size_t>(x.period_first.index - x.last.index - 1);
  double sum = 0;
  for (size_t h = skip; h < fit.forecast.size(); ++h) ev.months.push_back(fit.forecast[h].value), sum += fit.forecast[h].value;
  ev.value = std::llround(sum);
  return ev;
}

}  // namespace

Suggestion suggestion(const engine::Snapshot& s, const engine::Scope& owner, const SuggestionParams& p) {
  const Series x = suggestion_parts::owner_series(s, owner, p);
  Suggestion out;
  out.history_first = x.first, out.history_last = x.last;
  for (double v : x.sales) out.sales.push_back(std::llround(v));
  // History (its own backtest: model refits) beside market and pipeline (theirs in parallel).
  Evidence from_history;
  std::thread fit([&] { from_history = history_evidence(x); });
  out.evidence = {suggestion_parts::market_evidence(x), suggestion_parts::pipeline_evidence(s, owner, x)};
  fit.join();
  out.evidence.push_back(std::move(from_history));
  std::vector<std::optional<double>> values, mapes, wapes;
  for (const auto& e : out.evidence) {
    values.push_back(e.value ? std::optional<double>(static_cast<double>(*e.value)) : std::nullopt);
    mapes.push_back(e.backtest.mape);
    wapes.push_back(e.backtest.wape);
  }
  const Blend b = blend(values, mapes, wapes);
  for (size_t k = 0; k < out.evidence.size(); ++k) out.evidence[k].weight = b.weights[k];
  const size_t months = static_cast<size_t>(p.last.index - p.first.index + 1);
  if (!b.value) return out;
  const double v = *b.value;
  out.error = b.error;
  out.suggested = std::llround(v);
  out.low = std::llround(std::max(0.0, v * (1 - *b.error)));
  out.high = std::llround(v * (1 + *b.error));
  const auto& history = out.evidence.back().months;
  out.split = split_by(*out.suggested, history.size() == months ? history : std::vector<double>(months, 1.0));
  return out;
}

}  // namespace sl::analytics
