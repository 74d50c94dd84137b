#include "jobs/render/axis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "present/cell_text.h"

namespace sl::jobs::render {

double nice_step(double raw) {
  if (!(raw > 0) || !std::isfinite(raw)) return 1;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  const double f = raw / power;
  // A small tolerance: 0.3 / 3 is 0.09999… in binary and must still step by 0.1.
  const double nice = f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10;
  return nice * power;
}

Axis nice_axis(double lo, double hi, int max_ticks) {
  max_ticks = std::max(max_ticks, 2);
  lo = std::min(lo, 0.0);
  hi = std::max(hi, 0.0);
  if (!(hi > lo)) hi = lo + 1;
  Axis a;
  a.step = nice_step((hi - lo) / (max_ticks - 1));
  for (;;) {  // the rounded ends may need one tick more than allowed: widen the step
    a.min = std::floor(lo / a.step + 1e-9) * a.step;
    a.max = std::ceil(hi / a.step - 1e-9) * a.step;
    if (std::lround((a.max - a.min) / a.step) + 1 <= max_ticks) break;
    a.step = nice_step(a.step * 1.01);
  }
  const long n = std::lround((a.max - a.min) / a.step);
  a.ticks.clear();
  for (long i = 0; i <= n; ++i) {
    double t = a.min + static_cast<double>(i) * a.step;
    if (std::fabs(t) < a.step * 1e-9) t = 0;  // no "-0"
    a.ticks.push_back(t);
  }
  return a;
}

std::string tick_text(double v, double step) {
  int decimals = 0;
  while (decimals < 6 && std::fabs(step * std::pow(10.0, decimals) - std::round(step * std::pow(10.0, decimals))) > 1e-6)
    ++decimals;
  return present::grouped(v, decimals);
}

size_t label_stride(size_t categories, double slot_width, double widest_label, double gap) {
  if (categories == 0 || slot_width <= 0) return 1;
  const double need = widest_label + gap;
  size_t k = static_cast<size_t>(std::ceil(need / slot_width - 1e-9));
  return std::clamp<size_t>(k, 1, categories);
}

}  // namespace sl::jobs::render
