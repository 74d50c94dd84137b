#include "api/target_grid.h"

#include "api/json_fields.h"
#include "model/target_rules.h"

namespace sl::api {

GridSpec grid_spec(const Caller& c, Date today, const std::string& year, const std::string& metric,
                   const std::string& owner, const std::string& region) {
  const engine::Dims& d = *c.snap->dims;
  const bool exec = c.user.role == model::Role::admin || c.user.role == model::Role::executive;
  if (c.user.role == model::Role::rep) throw forbidden();

  GridSpec g;
  g.year = model::target_year(year.empty() ? to_ymd(today).year : query_id(year, "year"));
  g.metric = model::grid_metric(metric);
  g.locked_before = Month::of(today);

  Date first = from_ymd(g.year, 1, 1), last = from_ymd(g.year, 12, 31);
  if (owner == "region") {
    if (!exec) throw forbidden();
    g.owner = model::OwnerKind::region;
    g.parent = d.company;
    g.rows = d.regions_at_level(1);
  } else if (owner == "rep" || owner.empty()) {
    g.owner = model::OwnerKind::rep;
    g.parent = region.empty() ? c.scope.root_region : d.find_region(query_id(region, "region"));
    if (g.parent == engine::kNone && region.empty() && exec && d.company == engine::kNone)
      return g;  // a company without regions yet (just made by `salesloop init`): no rows
    if (g.parent == engine::kNone) {
      if (region.empty()) throw missing_field("region");
      throw not_found();
    }
    if (!c.scope.sees_region(g.parent)) throw forbidden();
    for (int32_t p = 0; p < d.rep_count(); ++p)
      if (d.in_subtree(d.rep_region[p], g.parent) && d.rep_active(p, first, last)) g.rows.push_back(p);
  } else {
    throw invalid_field("owner", "owner 应为 region 或 rep", "owner must be region or rep");
  }
  return g;
}

}  // namespace sl::api
