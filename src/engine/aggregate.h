// Group-by over a date range of a fact table. Results are dense arrays indexed by the
// group key, so grouping costs one array add per row and no hashing.
#pragma once
#include <vector>

#include "engine/dims.h"
#include "engine/facts.h"
#include "engine/scope.h"

namespace sl::engine {

// Σ amount per rep index over rows dated [first, last] whose rep the scope sees.
std::vector<Money> sum_by_rep(const FactTable& t, const Scope& scope, Date first, Date last);

// Rolls per-rep sums up to every region: out[r] = Σ over reps placed in r's subtree.
std::vector<Money> roll_up_regions(const Dims& d, const std::vector<Money>& by_rep);

}  // namespace sl::engine
