// Which method a line uses. Holt-Winters is a candidate only with ≥ 24 months (it is then the
// default, as shared/METRICS.md P4 says); the backtest overturns it when trend + seasonal
// naive has the strictly lower error on the same pairs: MAPE, or WAPE where a MAPE is
// undefined. With nothing comparable (exactly 24 months: no HW origin to score) the default
// stands.
#pragma once
#include "forecast/forecast.h"

namespace sl::forecast {

Method choose_method(bool holt_winters_fitted, const Accuracy& holt_winters, const Accuracy& naive);

// The first rolling origin of the backtests for n months: 24 when Holt-Winters can be scored
// (n > 24; both methods then use the same pairs), else 12 (one season of history for the
// seasonal naive), else 2 (a line needs two points).
int first_origin(int months);

}  // namespace sl::forecast
