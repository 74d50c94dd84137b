#include "engine/monthly.h"

#include "engine/parallel.h"

namespace sl::engine {

std::vector<int32_t> visible_rep_top(const Dims& d, const Scope& scope) {
  std::vector<int32_t> top(static_cast<size_t>(d.rep_count()), kNone);
  for (int32_t p = 0; p < d.rep_count(); ++p) {
    if (!scope.sees_rep(p)) continue;
    int32_t r = d.rep_region[static_cast<size_t>(p)];
    if (r == kNone) continue;
    int32_t t = d.region_top[static_cast<size_t>(r)];
    top[static_cast<size_t>(p)] = t == kNone ? r : t;
  }
  return top;
}

MonthRegionGrid sum_by_month_top_region(const Dims& d, const FactTable& t, const Scope& scope, Date first, Date last) {
  MonthRegionGrid g;
  if (last < first) return g;
  g.first = Month::of(first);
  g.months = Month::of(last).index - g.first.index + 1;
  g.regions = d.region_count();
  g.cells.assign(static_cast<size_t>(g.months) * static_cast<size_t>(g.regions), 0);
  const auto top = visible_rep_top(d, scope);
  const int32_t* rep = t.rep.data();
  const Money* amount = t.amount.data();
  const int32_t* tp = top.data();
  auto do_months = [&](size_t, size_t mb, size_t me) {
    for (size_t m = mb; m < me; ++m) {
      Month mo{g.first.index + static_cast<int32_t>(m)};
      Period p = month_period(mo);
      RowRange rr = t.range(std::max(p.first, first), std::min(p.last, last));
      Money* cell = g.cells.data() + m * static_cast<size_t>(g.regions);
      for (size_t i = rr.begin; i < rr.end; ++i) {
        int32_t r = rep[i] == kNone ? kNone : tp[rep[i]];
        if (r != kNone) cell[r] += amount[i];
      }
    }
  };
  RowRange all = t.range(first, last);
  parallel_chunks(static_cast<size_t>(g.months), worker_count(all.end - all.begin) > 1 ? 2 : 1, do_months);
  return g;
}

}  // namespace sl::engine
