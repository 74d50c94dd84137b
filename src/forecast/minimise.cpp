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

Minimum minimise_projected_bfgs(const std::function<double(const std::vector<double>&)>& f, std::vector<double> x,
                                const std::vector<double>& lower, const std::vector<double>& upper,
                                int max_evaluations) {
  const size_t n = x.size();
  Box box{lower, upper};
  box.clamp(x);
  int used = 0;
  auto eval = [&](const std::vector<double>& v) {
    ++used;
    return f(v);
  };
  auto gradient = [&](const std::vector<double>& v) {
    std::vector<double> g(n);
    for (size_t i = 0; i < n; ++i) {
      double h = 1e-4 * (upper[i] - lower[i]);
      std::vector<double> a = v, b = v;
      a[i] = std::min(v[i] + h, upper[i]);
      b[i] = std::max(v[i] - h, lower[i]);
      g[i] = (eval(a) - eval(b)) / (a[i] - b[i]);
    }
    return g;
  };
  double fx = eval(x);
  std::vector<double> g = gradient(x);
  std::vector<std::vector<double>> H(n, std::vector<double>(n, 0.0));  // inverse Hessian, free vars
  auto reset = [&] {
    for (size_t i = 0; i < n; ++i)
      for (size_t k = 0; k < n; ++k) H[i][k] = i == k ? 1.0 : 0.0;
  };
  reset();
  std::vector<bool> was_free(n, true);
  while (used < max_evaluations) {
    std::vector<bool> free(n);
    bool changed = false;
    for (size_t i = 0; i < n; ++i) {
      free[i] = !((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0));
      changed = changed || free[i] != was_free[i];
    }
    if (changed) reset();
    was_free = free;
    std::vector<double> d(n, 0.0);
    double slope = 0;
    for (size_t i = 0; i < n; ++i) {
      if (!free[i]) continue;
      for (size_t k = 0; k < n; ++k)
        if (free[k]) d[i] -= H[i][k] * g[k];
      slope += d[i] * g[i];
    }
    if (slope >= 0) {  // not a descent direction: steepest descent instead
      reset();
      slope = 0;
      for (size_t i = 0; i < n; ++i) d[i] = free[i] ? -g[i] : 0.0, slope += d[i] * g[i];
    }
    if (slope == 0) break;
    std::vector<double> y(n);
    double fy = fx, t = 1;
    bool moved = false;
    for (int k = 0; k < 40 && used < max_evaluations; ++k, t *= 0.5) {
      for (size_t i = 0; i < n; ++i) y[i] = x[i] + t * d[i];
      box.clamp(y);
      double decrease = 0;  // Armijo on the projected step
      for (size_t i = 0; i < n; ++i) decrease += g[i] * (y[i] - x[i]);
      fy = eval(y);
      if (fy <= fx + 1e-4 * decrease) {
        moved = true;
        break;
      }
    }
    if (!moved) break;
    const double gain = fx - fy;
    std::vector<double> gy = gradient(y), s(n), q(n);
    for (size_t i = 0; i < n; ++i) s[i] = free[i] ? y[i] - x[i] : 0.0, q[i] = free[i] ? gy[i] - g[i] : 0.0;
    x = y, fx = fy, g = gy;
    if (gain <= 1e-10 * std::fabs(fx)) break;
    double sq = 0;
    for (size_t i = 0; i < n; ++i) sq += s[i] * q[i];
    if (sq > 1e-300) {  // BFGS update of the inverse Hessian
      std::vector<double> Hq(n, 0.0);
      for (size_t i = 0; i < n; ++i)
        for (size_t k = 0; k < n; ++k) Hq[i] += H[i][k] * q[k];
      double qHq = 0;
      for (size_t i = 0; i < n; ++i) qHq += q[i] * Hq[i];
      for (size_t i = 0; i < n; ++i)
        for (size_t k = 0; k < n; ++k)
          H[i][k] += ((sq + qHq) * s[i] * s[k]) / (sq * sq) - (Hq[i] * s[k] + s[i] * Hq[k]) / sq;
    }
  }
  return {x, fx, used};
}

}  // namespace sl::forecast
