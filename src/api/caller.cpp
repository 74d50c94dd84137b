#include "api/context.h"

namespace sl::api {

engine::Scope scope_for(const model::User& u, const engine::Snapshot& s) {
  const engine::Dims& d = *s.dims;
  switch (u.role) {
    case model::Role::admin:
    case model::Role::executive: return engine::scope_all(d);
    case model::Role::manager: return engine::scope_region(d, d.find_region(u.region));
    case model::Role::rep: return engine::scope_rep(d, d.find_rep(u.rep));
  }
  return engine::scope_none(d);
}

Caller require_caller(Context& ctx, const http::Request& req) {
  std::string token = req.cookie("sl_session");
  auto session = token.empty() ? std::nullopt : ctx.auth.authenticate(token);
  if (!session) throw AppError(401, "not_logged_in", "", "请先登录", "Please log in first");
  if (req.method != "GET" && req.method != "HEAD" && !auth::check_csrf(*session, req.header("X-CSRF-Token")))
    throw AppError(403, "csrf", "", "请求缺少有效的 CSRF 令牌，请刷新页面后重试",
                   "The request lacks a valid CSRF token; reload the page and try again");
  Caller c;
  c.user = session->principal.user;
  c.token = token;
  c.snap = ctx.snapshots.current();
  c.scope = scope_for(c.user, *c.snap);
  return c;
}

}  // namespace sl::api
