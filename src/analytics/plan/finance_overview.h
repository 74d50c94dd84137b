// P4 营业收入各项指标分析 as one result: the ledger's lines by month, YTD against last YTD, the
// related indicators and the rest-of-year forecast per line (finance.h,
// finance_correlation.h, finance_forecast.h), for a scope that sees everything.
#pragma once
#include "analytics/plan/finance.h"
#include "analytics/plan/finance_correlation.h"
#include "analytics/plan/finance_forecast.h"

namespace sl::analytics {

struct FinanceParams {
  Date as_of;
};

struct FinanceResult {
  std::vector<FinanceMonthRow> months;
  FinanceYtd ytd;
  FinanceCorrelation correlation;
  FinanceForecast forecast;
};

FinanceResult finance_overview(const engine::Snapshot& s, const engine::Scope& scope, const FinanceParams& p);

}  // namespace sl::analytics
