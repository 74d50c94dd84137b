// `salesloop routes`: every HTTP route the server registers, one "METHOD /pattern" a line —
// for operators (what a proxy must pass) and for the authorization-matrix test, which fails
// when a route has no row in its table.
#include <iostream>

#include "api/routes.h"
#include "app/commands.h"

namespace sl::app {

int routes() {
  auto store = store::open_store(":memory:");
  publish::SnapshotHolder snapshots(*store);
  auth::Auth auth(*store);
  api::Context ctx{*store, auth, snapshots, [] { return local_today(); }};
  http::Router router;
  api::register_routes(router, ctx);
  for (const auto& r : router.routes()) std::cout << r << "\n";
  return 0;
}

}  // namespace sl::app
