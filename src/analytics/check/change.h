// A plain relative change (x − base) / base, none when the base is 0: the C pages' YoY of a
// whole scope or a key account's trailing year, where METRICS.md asks for the ratio itself
// (the D pages' growth on a unit's tiny base follows analytics/do/yoy.h instead).
#pragma once
#include <optional>

#include "core/money.h"

namespace sl::analytics {

inline std::optional<double> change(Money x, Money base) {
  if (base == 0) return std::nullopt;
  return static_cast<double>(x - base) / static_cast<double>(base);
}

}  // namespace sl::analytics
