// The value axis of a report chart: a range that holds the data and zero, cut in 1-2-5 steps
// (…, 0.1, 0.2, 0.5, 1, 2, 5, 10, …) so a reader can add the ticks in their head; and how many
// category labels to skip so that long x axes stay readable.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace sl::jobs::render {

struct Axis {
  double min = 0, max = 1, step = 0.2;
  std::vector<double> ticks;  // min, min + step, …, max
};

// The smallest 1, 2 or 5 × 10^k that is ≥ raw (raw > 0).
double nice_step(double raw);
// An axis over [lo, hi] ∪ {0} with at most max_ticks ticks (≥ 2); an empty range reads 0..1.
Axis nice_axis(double lo, double hi, int max_ticks = 6);
// A tick's text with as many decimals as the step needs and thousands separators ("1,500",
// "0.25", "-20").
std::string tick_text(double v, double step);
// Show every k-th category label: the smallest k with k × slot ≥ the widest label plus a gap.
size_t label_stride(size_t categories, double slot_width, double widest_label, double gap = 6);

}  // namespace sl::jobs::render
