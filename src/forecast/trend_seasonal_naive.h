// Linear trend plus seasonal naive, the model for lines with fewer than 24 months (and the
// benchmark Holt-Winters must beat). A least-squares line y = a + b·t through the history;
// the forecast of month t is the line at t plus the detrended value of the latest month of
// the history with the same month of the year (t − 12k), or the line alone when the history
// has no such month.
//
// 80 % interval (any level): value ± z · σ · sqrt(k + 1), z the normal quantile of
// (1 + level) / 2 and k = ⌊(h − 1) / 12⌋ the number of whole years the forecast lies beyond
// the last copied season (the h-step variance of a seasonal random walk). σ² is the mean
// squared seasonal difference of the detrended history, e_t = r_t − r_{t−12} for t ≥ 12 (the
// in-sample one-step errors of the method); with fewer than 13 months, the residual variance
// of the line, Σr² / (n − 2) (0 for n = 2).
#pragma once
#include <span>
#include <vector>

#include "forecast/forecast.h"

namespace sl::forecast {

std::vector<Band> trend_seasonal_naive(std::span<const double> history, int horizon, double level);

}  // namespace sl::forecast
