#include "analytics/plan/finance.h"

#include <cstdlib>

namespace sl::analytics {

const char* finance_line_code(FinanceLine l) {
  switch (l) {
    case FinanceLine::revenue: return "revenue";
    case FinanceLine::cost_of_sales: return "cost_of_sales";
    case FinanceLine::gross_profit: return "gross_profit";
    case FinanceLine::selling_expense: return "selling_expense";
    case FinanceLine::admin_expense: return "admin_expense";
    case FinanceLine::finance_expense: return "finance_expense";
    case FinanceLine::other_income: return "other_income";
    case FinanceLine::operating_profit: return "operating_profit";
  }
  return "revenue";
}

LineValues finance_lines(const model::FinanceMonth& m) {
  const Money gross = m.revenue - m.cost_of_sales;
  return {m.revenue,       m.cost_of_sales,   gross,          m.selling_expense,
          m.admin_expense, m.finance_expense, m.other_income,
          gross - m.selling_expense - m.admin_expense - m.finance_expense + m.other_income};
}

std::optional<double> ratio(Money value, Money base) {
  if (base == 0) return std::nullopt;
  return static_cast<double>(value) / static_cast<double>(base);
}

namespace {

FinanceMonthRow row_of(Month m, const LineValues& v) {
  constexpr auto rev = static_cast<size_t>(FinanceLine::revenue);
  return {m, v, ratio(v[static_cast<size_t>(FinanceLine::gross_profit)], v[rev]),
          ratio(v[static_cast<size_t>(FinanceLine::operating_profit)], v[rev])};
}

}  // namespace

std::vector<FinanceMonthRow> finance_months(const engine::Snapshot& s, const engine::Scope& scope, Date as_of) {
  std::vector<FinanceMonthRow> out;
  if (!scope.everything || !s.facts->finance) return out;
  for (const auto& m : *s.facts->finance) {  // in month order
    if (m.month.last_day() > as_of) break;
    while (!out.empty() && out.back().month.index + 1 < m.month.index)
      out.push_back(row_of(Month{out.back().month.index + 1}, LineValues{}));
    if (!out.empty() && out.back().month == m.month) {  // a month twice in the ledger: added up
      LineValues v = out.back().v;
      const LineValues add = finance_lines(m);
      for (int k = 0; k < kFinanceLines; ++k) v[static_cast<size_t>(k)] += add[static_cast<size_t>(k)];
      out.back() = row_of(m.month, v);
    } else {
      out.push_back(row_of(m.month, finance_lines(m)));
    }
  }
  return out;
}

FinanceYtd finance_ytd(const std::vector<FinanceMonthRow>& months, Date as_of) {
  FinanceYtd y;
  const int year = Month::of(as_of).year();
  if (!months.empty() && months.back().month.year() == year) {
    y.first = Month::of(year, 1);
    y.last = months.back().month;
  }
  LineValues now{}, before{};
  if (y.last)
    for (const auto& r : months)
      for (int k = 0; k < kFinanceLines; ++k) {
        const auto i = static_cast<size_t>(k);
        if (r.month >= *y.first && r.month <= *y.last) now[i] += r.v[i];
        if (r.month.index >= y.first->index - 12 && r.month.index <= y.last->index - 12) before[i] += r.v[i];
      }
  for (int k = 0; k < kFinanceLines; ++k) {
    const auto i = static_cast<size_t>(k);
    y.lines.push_back({finance_line(k), now[i], before[i],
                       before[i] == 0 ? std::nullopt
                                      : std::optional<double>(static_cast<double>(now[i] - before[i]) /
                                                              static_cast<double>(std::llabs(before[i])))});
  }
  constexpr auto rev = static_cast<size_t>(FinanceLine::revenue), gp = static_cast<size_t>(FinanceLine::gross_profit),
                 op = static_cast<size_t>(FinanceLine::operating_profit);
  y.gross_margin = ratio(now[gp], now[rev]);
  y.gross_margin_ly = ratio(before[gp], before[rev]);
  y.operating_margin = ratio(now[op], now[rev]);
  y.operating_margin_ly = ratio(before[op], before[rev]);
  return y;
}

}  // namespace sl::analytics
