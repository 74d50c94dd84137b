// When a growth rate (YoY, PoP) is a percentage, and what it is when it is not.
//
// A comparison against a tiny base says nothing a percentage can carry ("+94904 %"): below a
// minimum base the growth is no number and its basis says why —
//   normal:  base ≥ the minimum base and ≥ share × x: growth = (x − base) / base;
//   new:     base below either, x not below the minimum base ("新增": next to nothing before);
//   small:   both below the minimum base (nothing to compare: "—");
//   partial: the month is not over (anomalies only: half a month against a whole one).
// The minimum base = share × the unit's mean month (the 12 months before the compared period
// or month; for a rep only the months they were employed in) × the window's length in months
// (days / 30.4375). A base of 0 is always tiny. The mean, not the median: a rep who signs a few
// large contracts a year has a median month of 0, which would protect nothing. The second
// bound (base ≥ share × x, i.e. growth ≤ +900 % at 10 %) catches a unit whose ordinary months
// are small and whose month is not: 1.0万 last year against 483万 is "new", not "+46870 %".
#pragma once
#include <optional>
#include <vector>

#include "core/money.h"

namespace sl::analytics {

enum class YoyBasis { normal, new_base, small, partial };
const char* yoy_basis_code(YoyBasis b);  // "normal" | "new" | "small" | "partial"

// 10 %: a base under a tenth of the unit's ordinary month is a fragment (a new hire's first
// days, one stray payment), and a percentage on it (≥ +900 % for an ordinary month) says
// nothing about the trend; both amounts are still shown beside "new".
inline constexpr double kMinBaseShare = 0.10;
inline constexpr double kDaysPerMonth = 30.4375;

struct Growth {
  std::optional<double> value;  // (x − base) / base when basis is normal
  YoyBasis basis = YoyBasis::small;
};

// Mean of the monthly amounts (0 for none) × share × months.
double min_base(const std::vector<double>& monthly, double months, double share = kMinBaseShare);
// The growth of x over base under a minimum base (and share × x, see above).
Growth growth_over(Money x, Money base, double minimum, double share = kMinBaseShare);

}  // namespace sl::analytics
