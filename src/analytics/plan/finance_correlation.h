// P4's related indicators: for every pair of finance lines, Pearson r of their monthly YoY
// growth over the last 24 months of the ledger; |r| ≥ 0.6 "moves together" (r > 0) or "moves
// opposite" (r < 0); a pair broke its usual direction in the latest month when that month's
// deviations from the window's means have the opposite sign to r's direction
// ((g₁ − ḡ₁)(g₂ − ḡ₂) < 0 for together, > 0 for opposite).
#pragma once
#include <optional>
#include <vector>

#include "analytics/plan/finance.h"

namespace sl::analytics {

constexpr int kCorrelationMonths = 24;
constexpr double kCorrelationThreshold = 0.6;

// YoY growth of one line: (v(m) − v(m − 12)) / |v(m − 12)|; nullopt when v(m − 12) is 0 or the
// month a year earlier is not in `months`. One value per month of `months`.
std::vector<std::optional<double>> yoy_growth(const std::vector<FinanceMonthRow>& months, FinanceLine line);

// Pearson r over the positions where both series have a value; nullopt with fewer than 3 such
// positions or when either series is constant over them.
std::optional<double> pearson(const std::vector<std::optional<double>>& x, const std::vector<std::optional<double>>& y,
                              int* points = nullptr);

enum class Direction { none, together, opposite };
const char* direction_code(Direction d);  // "none" | "together" | "opposite"
Direction direction_of(const std::optional<double>& r);

struct FinancePair {
  FinanceLine a = FinanceLine::revenue, b = FinanceLine::revenue;  // a before b in FinanceLine order
  std::optional<double> r;
  int points = 0;  // months in r
  Direction direction = Direction::none;
  // The latest month's growths (nullopt when undefined) and whether the pair broke its direction.
  std::optional<double> latest_a, latest_b;
  bool broken = false;
};

struct FinanceCorrelation {
  std::optional<Month> first, last;  // the growth window (the last ≤ 24 months of `months`)
  std::vector<FinancePair> pairs;    // every pair a < b, 28 of them, in (a, b) order
};

FinanceCorrelation finance_correlation(const std::vector<FinanceMonthRow>& months);

}  // namespace sl::analytics
