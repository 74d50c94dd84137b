// Small bounded minimisers for the smoothing parameters, both deterministic: Nelder–Mead on a
// box (every trial point projected into it; no gradients, robust far from the optimum) and a
// projected quasi-Newton method with central-difference gradients (the kind of search R's
// L-BFGS-B does: it follows the same descent from the same start, and it settles on a corner of
// the box — where the Holt-Winters fits often end — which Nelder–Mead approaches slowly).
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

// Projected BFGS: the variables on a bound whose gradient points out of the box are held
// there, the rest take a BFGS step, the step is projected into the box with a backtracking
// (Armijo) line search. Gradients by central differences of width 1e-4 · side (one-sided at a
// bound). Stops when an iteration lowers f by less than 1e-10 relative.
Minimum minimise_projected_bfgs(const std::function<double(const std::vector<double>&)>& f, std::vector<double> start,
                                const std::vector<double>& lower, const std::vector<double>& upper,
                                int max_evaluations = 2000);

}  // namespace sl::forecast
