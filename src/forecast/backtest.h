// Rolling-origin backtest: for every origin o (the first o months are the history) the method
// forecasts months o+1..o+12 (those that exist) and each (origin, horizon) pair is scored.
// MAPE = mean |A − F| / |A| over the pairs with A ≠ 0 (zero actuals skipped); WAPE =
// Σ|A − F| / Σ|A| over all pairs; each undefined (nullopt) when its denominator is empty or 0.
#pragma once
#include <functional>
#include <span>
#include <vector>

#include "forecast/forecast.h"

namespace sl::forecast {

inline constexpr int kBacktestHorizon = 12;

// Scores forecasts against actuals pair by pair (equal lengths).
Accuracy accuracy(std::span<const double> actual, std::span<const double> forecast);

// A method: the point forecasts of the `horizon` months after `history`.
using PointForecaster = std::function<std::vector<double>(std::span<const double> history, int horizon)>;

// Origins first_origin..n−1 (none when first_origin ≥ n).
Accuracy backtest(std::span<const double> x, int first_origin, const PointForecaster& method,
                  int max_horizon = kBacktestHorizon);

}  // namespace sl::forecast
