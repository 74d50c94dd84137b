// The pieces of P6's suggestion (suggestion.h), one file each: the owner's monthly series and
// the market and pipeline evidences with their backtests.
#pragma once
#include <algorithm>
#include <optional>
#include <span>
#include <thread>
#include <vector>

#include "analytics/plan/suggestion.h"
#include "engine/parallel.h"
#include "forecast/backtest.h"

namespace sl::analytics::suggestion_parts {

// The history months and the owner's series over them.
struct Series {
  Month first, last;            // history months (last < first: none)
  Month period_first, period_last;
  Date as_of;
  std::vector<double> sales;    // the owner's sales by month (every contract of the scope's reps)
  std::vector<double> market;   // the market size of the owner's market cells by month
  std::vector<double> own;      // the owner's sales falling in those cells by month
  std::vector<double> won_within;  // by month j: created in the k months ending with j and won by then
                                   // (k = the period's months; amount)
  int months() const { return last.index - first.index + 1; }
  size_t at(Month m) const { return static_cast<size_t>(m.index - first.index); }
};
Series owner_series(const engine::Snapshot& s, const engine::Scope& owner, const SuggestionParams& p);

// The point forecasts of `horizon` months after x with the given model (Holt-Winters needs 24
// months: below it, trend + seasonal naive).
std::vector<double> model_points(forecast::Method m, std::span<const double> x, int horizon);

Evidence market_evidence(const Series& x);
Evidence pipeline_evidence(const engine::Snapshot& s, const engine::Scope& owner, const Series& x);

// The backtest's origin months: first, first + 1, … (count of them, the last one E − 1).
struct Origins {
  int32_t first = 0;
  size_t count = 0;
};
inline Origins backtest_origins(const Series& x) {
  const int32_t first = std::max(x.first.index, x.last.index - kSuggestionOrigins);
  return {first, static_cast<size_t>(std::max(0, x.last.index - first))};
}

// Scores the forecasts of origins E − 12 … E − 1 (E the last history month): forecast(e, h)
// returns the evidence for month e + h made at the end of month e (nullopt: none), compared
// with the owner's sales of that month. The origins run on parallel workers (each is a model
// fit, or for the pipeline a read of the pipelines made for all origins at once); forecast_at
// must only read shared state.
template <class F>
forecast::Accuracy origin_backtest(const Series& x, F forecast_at) {
  const Origins origins = backtest_origins(x);
  const int32_t first = origins.first;  // variables, not a binding: clang 14's lambdas capture no binding
  const size_t n = origins.count;
  std::vector<std::vector<std::optional<double>>> made(n);
  const size_t workers = std::min<size_t>(n, std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
  engine::parallel_chunks(n, workers, [&](size_t, size_t b, size_t e) {
    for (size_t k = b; k < e; ++k) {
      const int32_t origin = first + static_cast<int32_t>(k);
      made[k] = forecast_at(Month{origin}, std::min(forecast::kBacktestHorizon, x.last.index - origin));
    }
  });
  std::vector<double> actual, predicted;
  for (int32_t e = first; e < x.last.index; ++e) {
    const int horizon = std::min(forecast::kBacktestHorizon, x.last.index - e);
    const std::vector<std::optional<double>>& f = made[static_cast<size_t>(e - first)];
    for (int h = 1; h <= horizon; ++h) {
      if (!f[static_cast<size_t>(h - 1)]) continue;
      actual.push_back(x.sales[x.at(Month{e + h})]);
      predicted.push_back(*f[static_cast<size_t>(h - 1)]);
    }
  }
  return forecast::accuracy(actual, predicted);
}

}  // namespace sl::analytics::suggestion_parts
