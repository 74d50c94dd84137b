// Holt-Winters additive with season 12, exactly as R's stats::HoltWinters (start.periods = 2)
// and predict.HoltWinters compute it: the start values from decompose() of the first two
// seasons, the recursion from the 13th month on, the SSE of its one-step errors, and the
// prediction interval z · sqrt(var(residuals) · (1 + Σ_{j<h} ψ_j²)).
#pragma once
#include <array>
#include <span>
#include <vector>

#include "forecast/forecast.h"

namespace sl::forecast {

inline constexpr int kSeason = 12;
inline constexpr int kHwMinMonths = 2 * kSeason;  // decompose() needs two full seasons

// R's default start values: level and trend from a straight line through the centred
// 2×12 moving average of months 1–24 (intercept and slope, time counted from the first
// defined average), seasonals the mean detrended value per month, centred to sum 0.
struct HwStart {
  double level = 0, trend = 0;
  std::array<double, kSeason> season{};
};
HwStart hw_start(std::span<const double> x);  // x.size() ≥ kHwMinMonths

// The recursion run over x with fixed parameters (each clamped into [0, 1], as R does).
struct HwModel {
  HwParams params;
  double sse = 0;                            // Σ one-step errors² over months 13..n
  double residual_variance = 0;              // var() of those errors (n − 1 denominator)
  double level = 0, trend = 0;               // a and b after the last month
  std::array<double, kSeason> season{};      // s[j]: the seasonal of the (j+1)-th month ahead
};
HwModel hw_run(std::span<const double> x, const HwStart& start, HwParams p);
double hw_sse(std::span<const double> x, const HwStart& start, HwParams p);

// alpha, beta, gamma in [0, 1] minimising the SSE (R fits them with L-BFGS-B from
// (0.3, 0.1, 0.1); we search a coarse grid and run a bounded Nelder–Mead from the best grid
// point and from R's start, keeping the lower SSE).
HwModel hw_fit(std::span<const double> x);

// Point forecasts and the two-sided `level` interval for months n+1..n+horizon.
std::vector<Band> hw_predict(const HwModel& m, int horizon, double level);

}  // namespace sl::forecast
