#include "forecast/minimise.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sl::forecast {
namespace {

struct Box {
  const std::vector<double>& lower;
  const std::vector<double>& upper;
  void clamp(std::vector<double>& x) const {
    for (size_t i = 0; i < x.size(); ++i) x[i] = std::clamp(x[i], lower[i], upper[i]);
  }
};

// One Nelder–Mead run (standard coefficients 1, 2, 0.5, 0.5) from a simplex around start.
Minimum nelder_mead(const std::function<double(const std::vector<double>&)>& f, const std::vector<double>& start,
                    const Box& box, double step, int budget) {
  const size_t n = start.size();
  std::vector<std::vector<double>> pts(n + 1, start);
  for (size_t i = 0; i < n; ++i) {
    double side = box.upper[i] - box.lower[i];
    // step towards the inside of the box, so no vertex collapses onto a bound.
    double d = step * side;
    pts[i + 1][i] = start[i] + d <= box.upper[i] ? start[i] + d : start[i] - d;
    box.clamp(pts[i + 1]);
  }
  std::vector<double> val(n + 1);
  int used = 0;
  auto eval = [&](std::vector<double>& x) {
    box.clamp(x);
    ++used;
    return f(x);
  };
  for (size_t i = 0; i <= n; ++i) val[i] = eval(pts[i]);
  std::vector<size_t> order(n + 1);
  std::vector<double> centre(n), trial(n), trial2(n);
  while (used < budget) {
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return val[a] < val[b]; });
    size_t best = order[0], worst = order[n], second = order[n - 1];
    double spread = std::fabs(val[worst] - val[best]);
    double size = 0;
    for (size_t i = 0; i <= n; ++i)
      for (size_t k = 0; k < n; ++k) size = std::max(size, std::fabs(pts[i][k] - pts[best][k]));
    if (size < 1e-10 || spread <= 1e-14 * (std::fabs(val[best]) + 1e-300)) break;
    std::fill(centre.begin(), centre.end(), 0.0);
    for (size_t i = 0; i <= n; ++i)
      if (i != worst)
        for (size_t k = 0; k < n; ++k) centre[k] += pts[i][k] / n;
    for (size_t k = 0; k < n; ++k) trial[k] = centre[k] + (centre[k] - pts[worst][k]);
    double ft = eval(trial);
    if (ft < val[best]) {
      for (size_t k = 0; k < n; ++k) trial2[k] = centre[k] + 2 * (centre[k] - pts[worst][k]);
      double fe = eval(trial2);
      if (fe < ft) {
        pts[worst] = trial2, val[worst] = fe;
      } else {
        pts[worst] = trial, val[worst] = ft;
      }
      continue;
    }
    if (ft < val[second]) {
      pts[worst] = trial, val[worst] = ft;
      continue;
    }
    // contraction: outside when the reflection beat the worst, inside otherwise.
    bool outside = ft < val[worst];
    for (size_t k = 0; k < n; ++k)
      trial2[k] = outside ? centre[k] + 0.5 * (trial[k] - centre[k]) : centre[k] + 0.5 * (pts[worst][k] - centre[k]);
    double fc = eval(trial2);
    if (fc < (outside ? ft : val[worst])) {
      pts[worst] = trial2, val[worst] = fc;
      continue;
    }
    for (size_t i = 0; i <= n; ++i) {  // shrink towards the best
      if (i == best) continue;
      for (size_t k = 0; k < n; ++k) pts[i][k] = pts[best][k] + 0.5 * (pts[i][k] - pts[best][k]);
      val[i] = eval(pts[i]);
    }
  }
  size_t best = std::min_element(val.begin(), val.end()) - val.begin();
  return {pts[best], val[best], used};
}

}  // namespace

Minimum minimise_in_box(const std::function<double(const std::vector<double>&)>& f, std::vector<double> start,
                        const std::vector<double>& lower, const std::vector<double>& upper, double step,
                        int max_evaluations) {
  Box box{lower, upper};
  box.clamp(start);
  Minimum best{start, f(start), 1};
  int used = 1;
  // Restarts from the best point with a fresh simplex: plain Nelder–Mead can stall on a
  // degenerate simplex, which a restart undoes.
  for (double s = step; used < max_evaluations; s = std::max(s * 0.5, 1e-3)) {
    Minimum m = nelder_mead(f, best.x, box, s, max_evaluations - used);
    used += m.evaluations;
    bool better = m.value < best.value - 1e-12 * std::fabs(best.value);
    if (m.value < best.value) best.x = m.x, best.value = m.value;
    if (!better) break;
  }
  best.evaluations = used;
  return best;
}

}  // namespace sl::forecast
