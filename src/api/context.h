// What every handler needs: the store, authentication, the published Snapshot and the
// server's notion of today (overridable so tests do not depend on the real date).
#pragma once
#include <functional>
#include <memory>

#include "api/result_cache.h"
#include "publish/snapshot_holder.h"
#include "auth/auth.h"
#include "engine/scope.h"
#include "http/request.h"
#include "store/store.h"

namespace sl::api {

struct Context {
  store::Store& store;
  auth::Auth& auth;
  publish::SnapshotHolder& snapshots;  // writes to the analysed data go through it
  std::function<Date()> today;
  std::string version = "0.1.0";
  // The database's path (the import page's jobs open their own connection) and the folder
  // uploads are kept in (http::ServerConfig::upload_dir); "" = none / a temp folder.
  std::string db, upload_dir;
  // The session cookie's Secure attribute: "auto" (when the request came over TLS, see
  // http::Request::https), "always" or "never".
  std::string secure_cookie = "auto";
  // P5: a month's forecasts lock at 00:00 Beijing time on this day of the month (serve
  // --forecast-lock-day, shown in /api/v1/meta).
  int forecast_lock_day = 3;
  bool cookie_secure(const http::Request& req) const {
    return secure_cookie == "always" || (secure_cookie == "auto" && req.https);
  }
  ResultCache results{};   // analytics results of the current Snapshot (result_cache.h)
  ResultCache bodies{64};  // whole dashboard answers by data version (cached_response.h)
};

// The logged-in caller of one request, with the Snapshot the request reads and the
// caller's Scope resolved against it.
struct Caller {
  model::User user;
  std::string token;
  std::shared_ptr<const engine::Snapshot> snap;
  engine::Scope scope;
};

// 401 without a valid session; for state-changing methods also 403 without the CSRF token.
Caller require_caller(Context& ctx, const http::Request& req);
engine::Scope scope_for(const model::User& u, const engine::Snapshot& s);

}  // namespace sl::api
