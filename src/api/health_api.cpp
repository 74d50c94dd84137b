// GET /api/v1/health (issue 15, no login): what a load balancer asks of each app server —
// whether the database answers a round trip, the data version it holds and the version of
// the Snapshot this server answers from (equal once the server has caught up).
#include "api/json_fields.h"
#include "api/routes.h"

namespace sl::api {

void add_health_routes(http::Router& r, Context& ctx) {
  r.add("GET", "/api/v1/health", [&ctx](http::Request&) {
    const bool up = ctx.store.ping();
    int64_t data_version = 0;
    try {
      data_version = ctx.store.data_version();  // away: the last one read
    } catch (const std::exception&) {
    }
    http::Response res = http::json_response(200, json::object{{"db", up ? "ok" : "down"},
                                                               {"data_version", data_version},
                                                               {"snapshot_version", ctx.snapshots.current()->version}});
    res.headers.push_back({"Cache-Control", "no-store"});
    return res;
  });
}

}  // namespace sl::api
