// Money is int64 fen (1/100 yuan) end to end. Ratios of money are doubles.
#pragma once
#include <cstdint>

namespace sl {

using Money = int64_t;

constexpr Money yuan(int64_t y) { return y * 100; }

// a / b, or 0 when b is 0 (a ratio of nothing is reported as 0, never NaN).
inline double ratio(Money a, Money b) { return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b); }

}  // namespace sl
