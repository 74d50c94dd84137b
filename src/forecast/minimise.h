// A small bounded minimiser for the smoothing parameters: Nelder–Mead on a box, every trial
// point projected into the box, restarted from its best point until a restart no longer
// improves. Deterministic; no gradients (the Holt-Winters SSE is cheap and not smooth at the
// bounds, where R's L-BFGS-B often ends).
#pragma once
#include <functional>
#include <vector>

namespace sl::forecast {

struct Minimum {
  std::vector<double> x;
  double value = 0;
  int evaluations = 0;
};

// Minimises f over lower ≤ x ≤ upper (same sizes as start) from start; step is the initial
// simplex edge as a share of each box side.
Minimum minimise_in_box(const std::function<double(const std::vector<double>&)>& f, std::vector<double> start,
                        const std::vector<double>& lower, const std::vector<double>& upper, double step = 0.1,
                        int max_evaluations = 2000);

}  // namespace sl::forecast
