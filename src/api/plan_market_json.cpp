#include "api/plan_market_json.h"

#include "api/json_fields.h"

namespace sl::api::plan_json {

std::string scope_label(const engine::Snapshot& s, const engine::Scope& scope) {
  if (scope.everything) return "company";
  if (scope.own_rep != engine::kNone)
    return "rep:" + std::to_string(s.dims->rep_id[static_cast<size_t>(scope.own_rep)]);
  if (scope.root_region != engine::kNone)
    return "region:" + std::to_string(s.dims->region_id[static_cast<size_t>(scope.root_region)]);
  return "none";
}

json::object window_json(const analytics::Window& w) {
  return json::object{{"first", format_date(w.first)}, {"last", format_date(w.last)}};
}

json::object share_json(const analytics::ShareFigures& f) {
  return json::object{{"market", f.market}, {"own", f.own}, {"share", opt(f.share)}};
}

}  // namespace sl::api::plan_json
