#include "analytics/plan/finance_correlation.h"

#include <algorithm>
#include <cmath>

namespace sl::analytics {

std::vector<std::optional<double>> yoy_growth(const std::vector<FinanceMonthRow>& months, FinanceLine line) {
  // months are consecutive: the month a year earlier is 12 positions back.
  const auto i = static_cast<size_t>(line);
  std::vector<std::optional<double>> g(months.size());
  for (size_t k = 12; k < months.size(); ++k) {
    const Money base = months[k - 12].v[i];
    if (base != 0) g[k] = static_cast<double>(months[k].v[i] - base) / std::fabs(static_cast<double>(base));
  }
  return g;
}

namespace {

struct Moments {
  int n = 0;
  double mx = 0, my = 0;
};

Moments means(const std::vector<std::optional<double>>& x, const std::vector<std::optional<double>>& y) {
  Moments m;
  for (size_t k = 0; k < x.size() && k < y.size(); ++k)
    if (x[k] && y[k]) ++m.n, m.mx += *x[k], m.my += *y[k];
  if (m.n) m.mx /= m.n, m.my /= m.n;
  return m;
}

}  // namespace

std::optional<double> pearson(const std::vector<std::optional<double>>& x, const std::vector<std::optional<double>>& y,
                              int* points) {
  const Moments m = means(x, y);
  if (points) *points = m.n;
  if (m.n < 3) return std::nullopt;
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t k = 0; k < x.size() && k < y.size(); ++k)
    if (x[k] && y[k]) {
      const double dx = *x[k] - m.mx, dy = *y[k] - m.my;
      sxy += dx * dy, sxx += dx * dx, syy += dy * dy;
    }
  // A constant series (up to rounding of its mean) has no direction to correlate.
  const double scale_x = std::max(1.0, std::fabs(m.mx)), scale_y = std::max(1.0, std::fabs(m.my));
  if (sxx <= 1e-24 * scale_x * scale_x * m.n || syy <= 1e-24 * scale_y * scale_y * m.n) return std::nullopt;
  return std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
}

const char* direction_code(Direction d) {
  return d == Direction::together ? "together" : d == Direction::opposite ? "opposite" : "none";
}

Direction direction_of(const std::optional<double>& r) {
  if (!r) return Direction::none;
  if (*r >= kCorrelationThreshold) return Direction::together;
  if (*r <= -kCorrelationThreshold) return Direction::opposite;
  return Direction::none;
}

FinanceCorrelation finance_correlation(const std::vector<FinanceMonthRow>& months) {
  FinanceCorrelation c;
  const size_t n = months.size(), from = n > kCorrelationMonths ? n - kCorrelationMonths : 0;
  if (n) c.first = months[from].month, c.last = months.back().month;
  std::vector<std::vector<std::optional<double>>> g;
  for (int k = 0; k < kFinanceLines; ++k) {
    auto all = yoy_growth(months, finance_line(k));
    g.emplace_back(all.begin() + static_cast<std::ptrdiff_t>(from), all.end());
  }
  for (int a = 0; a < kFinanceLines; ++a)
    for (int b = a + 1; b < kFinanceLines; ++b) {
      const auto &x = g[static_cast<size_t>(a)], &y = g[static_cast<size_t>(b)];
      FinancePair p;
      p.a = finance_line(a), p.b = finance_line(b);
      p.r = pearson(x, y, &p.points);
      p.direction = direction_of(p.r);
      if (!x.empty()) p.latest_a = x.back(), p.latest_b = y.back();
      if (p.direction != Direction::none && p.latest_a && p.latest_b) {
        const Moments m = means(x, y);
        const double product = (*p.latest_a - m.mx) * (*p.latest_b - m.my);
        p.broken = p.direction == Direction::together ? product < 0 : product > 0;
      }
      c.pairs.push_back(p);
    }
  return c;
}

}  // namespace sl::analytics
