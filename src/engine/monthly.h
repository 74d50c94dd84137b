// Σ amount by (month, 大区) over a date range: the grid behind D2's monthly trend by
// region. Rows are date-sorted, so each month is a row range found by binary search and
// the month of a row is never computed; the 大区 of a rep is looked up in a dense array.
#pragma once
#include <vector>

#include "engine/dims.h"
#include "engine/facts.h"
#include "engine/scope.h"

namespace sl::engine {

struct MonthRegionGrid {
  Month first;  // month of cell row 0
  int months = 0;
  int32_t regions = 0;       // = Dims::region_count()
  std::vector<Money> cells;  // [month * regions + region index of the 大区]
  Money at(Month m, int32_t region) const {
    return cells[static_cast<size_t>((m.index - first.index) * regions + region)];
  }
};

// Rows dated [first, last] whose rep the scope sees, summed into the month of the row and
// the 大区 (level-1 region) the rep is placed under; a rep placed at the company root
// counts under the root. Months are split between worker threads (disjoint cells).
MonthRegionGrid sum_by_month_top_region(const Dims& d, const FactTable& t, const Scope& scope, Date first, Date last);

// The rep → 大区 index map used above, with kNone for reps the scope does not see: the
// scope resolved once into one dense array, so the hot loop has a single lookup per row.
std::vector<int32_t> visible_rep_top(const Dims& d, const Scope& scope);

}  // namespace sl::engine
