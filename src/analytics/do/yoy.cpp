#include "analytics/do/yoy.h"

#include <algorithm>

namespace sl::analytics {

const char* yoy_basis_code(YoyBasis b) {
  switch (b) {
    case YoyBasis::normal: return "normal";
    case YoyBasis::new_base: return "new";
    case YoyBasis::small: return "small";
    case YoyBasis::partial: return "partial";
  }
  return "";
}

double min_base(const std::vector<double>& monthly, double months, double share) {
  if (monthly.empty()) return 0;
  double sum = 0;
  for (double x : monthly) sum += x;
  return std::max(0.0, sum / static_cast<double>(monthly.size())) * share * months;
}

Growth growth_over(Money x, Money base, double minimum, double share) {
  Growth g;
  const double b = static_cast<double>(base);
  if (base > 0 && b >= minimum && b >= share * static_cast<double>(x)) {
    g.basis = YoyBasis::normal;
    g.value = static_cast<double>(x - base) / static_cast<double>(base);
  } else {
    g.basis = x > 0 && static_cast<double>(x) >= minimum ? YoyBasis::new_base : YoyBasis::small;
  }
  return g;
}

}  // namespace sl::analytics
