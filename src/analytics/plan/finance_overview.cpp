#include "analytics/plan/finance_overview.h"

namespace sl::analytics {

FinanceResult finance_overview(const engine::Snapshot& s, const engine::Scope& scope, const FinanceParams& p) {
  FinanceResult r;
  r.months = finance_months(s, scope, p.as_of);
  r.ytd = finance_ytd(r.months, p.as_of);
  r.correlation = finance_correlation(r.months);
  r.forecast = finance_forecast(r.months, p.as_of);
  return r;
}

}  // namespace sl::analytics
