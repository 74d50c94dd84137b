// P4 营业收入各项指标分析 (shared/METRICS.md P4, docs/metrics.md): the company's finance ledger
// as eight lines by month, gross and operating margin, YTD against last YTD, and the related
// indicators (Pearson r of monthly YoY growth, finance_correlation.h). The ledger is
// company-wide: only a scope that sees everything reads it (any other scope gets no months).
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

// The lines, in the page's order. gross_profit = revenue − cost_of_sales; operating_profit =
// gross_profit − selling − admin − finance expense + other_income.
enum class FinanceLine {
  revenue,
  cost_of_sales,
  gross_profit,
  selling_expense,
  admin_expense,
  finance_expense,
  other_income,
  operating_profit
};
constexpr int kFinanceLines = 8;
const char* finance_line_code(FinanceLine l);  // "revenue", …, "operating_profit"
constexpr FinanceLine finance_line(int k) { return static_cast<FinanceLine>(k); }

using LineValues = std::array<Money, kFinanceLines>;  // by FinanceLine
LineValues finance_lines(const model::FinanceMonth& m);

// value / base, nullopt when base is 0.
std::optional<double> ratio(Money value, Money base);

struct FinanceMonthRow {
  Month month;
  LineValues v{};
  std::optional<double> gross_margin, operating_margin;  // over revenue; nullopt when revenue is 0
};

struct FinanceYtdRow {
  FinanceLine line = FinanceLine::revenue;
  Money ytd = 0, last_ytd = 0;
  std::optional<double> growth;  // (ytd − last_ytd) / |last_ytd|; nullopt when last_ytd is 0
};

struct FinanceYtd {
  std::optional<Month> first, last;  // this year's months in the YTD (none: no complete month yet)
  std::vector<FinanceYtdRow> lines;  // every line, in FinanceLine order
  std::optional<double> gross_margin, gross_margin_ly, operating_margin, operating_margin_ly;
};

// The months of the ledger complete at as_of (last day ≤ as_of), first ledger month to the last
// complete one, a month missing in between counted as 0 on every line. Empty outside a scope
// that sees everything.
std::vector<FinanceMonthRow> finance_months(const engine::Snapshot& s, const engine::Scope& scope, Date as_of);

// YTD: January of the last month's year up to the last month (the latest complete ledger month
// at as_of when it is in as_of's year, else none), against the same months one year earlier.
FinanceYtd finance_ytd(const std::vector<FinanceMonthRow>& months, Date as_of);

}  // namespace sl::analytics
