#include "forecast/choice.h"

#include "forecast/holt_winters.h"

namespace sl::forecast {

Method choose_method(bool holt_winters_fitted, const Accuracy& hw, const Accuracy& naive) {
  if (!holt_winters_fitted) return Method::trend_seasonal_naive;
  if (hw.mape && naive.mape) return *naive.mape < *hw.mape ? Method::trend_seasonal_naive : Method::holt_winters;
  if (hw.wape && naive.wape) return *naive.wape < *hw.wape ? Method::trend_seasonal_naive : Method::holt_winters;
  return Method::holt_winters;
}

int first_origin(int months) {
  if (months > kHwMinMonths) return kHwMinMonths;
  if (months > kSeason) return kSeason;
  return 2;
}

}  // namespace sl::forecast
