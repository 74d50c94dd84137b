// POST/DELETE /api/v1/session and GET /api/v1/me.
#include "api/json_fields.h"
#include "api/routes.h"

namespace sl::api {

json::object user_json(const model::User& u) {
  return json::object{{"id", u.id},
                      {"login", u.login},
                      {"display_name", u.display_name},
                      {"role", model::role_code(u.role)},
                      {"region", u.region ? json::value(u.region) : json::value(nullptr)},
                      {"rep", u.rep ? json::value(u.rep) : json::value(nullptr)},
                      {"email", u.email},
                      {"wecom_id", u.wecom_id},
                      {"dingtalk_id", u.dingtalk_id},
                      {"lang", u.lang},
                      {"active", u.active}};
}

void add_session_routes(http::Router& r, Context& ctx) {
  r.add("POST", "/api/v1/session", [&ctx](http::Request& req) {
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    std::string login = required_string(body, "login", 100);
    std::string password = required_string(body, "password", 200);
    auto result = ctx.auth.login(login, password, req.client.empty() ? req.remote : req.client);
    auto res = http::json_response(200, json::object{{"user", user_json(result.user)}, {"csrf", result.csrf}});
    res.headers.emplace_back("Set-Cookie", auth::session_cookie(result.token, ctx.cookie_secure(req)));
    res.headers.emplace_back("Cache-Control", "no-store");
    return res;
  });

  r.add("DELETE", "/api/v1/session", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    ctx.auth.logout(c.token);
    http::Response res;
    res.status = 204;
    res.content_type.clear();
    res.headers.emplace_back("Set-Cookie", auth::clear_session_cookie(ctx.cookie_secure(req)));
    return res;
  });

  r.add("GET", "/api/v1/me", [&ctx](http::Request& req) {
    std::string token = req.cookie("sl_session");
    auto session = token.empty() ? std::nullopt : ctx.auth.authenticate(token);
    if (!session) throw AppError(401, "not_logged_in", "", "请先登录", "Please log in first");
    auto res =
        http::json_response(200, json::object{{"user", user_json(session->principal.user)}, {"csrf", session->csrf}});
    res.headers.emplace_back("Cache-Control", "no-store");
    return res;
  });
}

}  // namespace sl::api
