// The standard normal quantile (the inverse of its CDF), for prediction intervals: the z of a
// two-sided interval of coverage `level` is normal_quantile((1 + level) / 2).
#pragma once

namespace sl::forecast {

// p in (0, 1). Wichura's algorithm AS 241 (PPND16), the one R's qnorm uses: about 1e-16
// relative, so our intervals match R's to rounding.
double normal_quantile(double p);

}  // namespace sl::forecast
