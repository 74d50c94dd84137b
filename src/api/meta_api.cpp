// GET /api/v1/meta and GET /api/v1/regions.
#include "api/json_fields.h"
#include "api/routes.h"

namespace sl::api {

void add_meta_routes(http::Router& r, Context& ctx) {
  r.add("GET", "/api/v1/meta", [&ctx](http::Request&) {
    return http::json_response(200, json::object{{"today", format_date(ctx.today())},
                                                   {"version", ctx.version},
                                                   {"forecast_lock_day", ctx.forecast_lock_day}});
  });

  // The regions the caller may see. A rep sees none: their book is their own rows.
  r.add("GET", "/api/v1/regions", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const engine::Dims& d = *c.snap->dims;
    json::array out;
    for (int32_t i = 0; i < d.region_count(); ++i) {
      if (!c.scope.sees_region(i)) continue;
      int32_t parent = d.region_parent[i];
      out.push_back(
          json::object{{"id", d.region_id[i]},
                       {"name", d.region_name[i]},
                       {"parent", parent == engine::kNone ? json::value(nullptr) : json::value(d.region_id[parent])},
                       {"level", d.region_level[i]}});
    }
    return http::json_response(200, json::object{{"regions", std::move(out)}});
  });
}

}  // namespace sl::api
