// User administration (issue 14): admins list, create and edit users and reset passwords;
// every user edits their own display name, email and language (PATCH /api/v1/me). Each
// write is audited by the store (entity "user"); deactivating a user or changing their role
// or scope ends their sessions; the last active admin cannot be deactivated or demoted.
#include <algorithm>

#include "api/json_fields.h"
#include "api/paging.h"
#include "api/routes.h"
#include "api/user_fields.h"
#include "auth/password.h"
#include "model/keys.h"

namespace sl::api {

namespace {

Caller admin(Context& ctx, const http::Request& req) {
  Caller c = require_caller(ctx, req);
  if (c.user.role != model::Role::admin)
    throw AppError(403, "forbidden", "", "仅系统管理员可以管理用户", "Only administrators can manage users");
  return c;
}

AppError no_such_user(const std::string& id) {
  return AppError(404, "not_found", "", "用户不存在：" + id, "No such user: " + id);
}

model::User user_by_id(Context& ctx, const std::string& id_text) {
  Id id = 0;
  try {
    id = query_id(id_text, "id");
  } catch (const AppError&) {
    throw no_such_user(id_text);
  }
  auto rec = ctx.store.find_user(id);
  if (!rec) throw no_such_user(id_text);
  return rec->user;
}

// The list row: the user with their region's and rep's names.
json::object admin_json(const model::User& u, const engine::Dims& d) {
  json::object o = user_json(u);
  const int32_t region = u.region ? d.find_region(u.region) : engine::kNone;
  const int32_t rep = u.rep ? d.find_rep(u.rep) : engine::kNone;
  o["region_name"] = region == engine::kNone ? json::value(nullptr) : json::value(d.region_name[region]);
  o["rep_name"] = rep == engine::kNone ? json::value(nullptr) : json::value(d.rep_name[rep]);
  return o;
}

bool contains_folded(const std::string& hay, const std::string& needle) {
  auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
  };
  return lower(hay).find(lower(needle)) != std::string::npos;
}

// A password given in the body (through the policy), or a generated one to hand back once.
std::string new_password(const json::object& body, const std::string& login, bool& generated) {
  generated = !body.contains("password") || body.at("password").is_null();
  if (generated) return auth::random_token().substr(0, 20);
  std::string pw = required_string(body, "password", 1024);
  auth::validate_password(pw, login);
  return pw;
}

json::object answer(const Caller& c, const model::User& u) {
  return json::object{{"user", admin_json(u, *c.snap->dims)}};
}

}  // namespace

void add_user_routes(http::Router& r, Context& ctx) {
  r.add("GET", "/api/v1/users", [&ctx](http::Request& req) {
    Caller c = admin(ctx, req);
    const std::string q = req.query_value("q"), role = req.query_value("role");
    if (!role.empty() && !model::parse_role(role))
      throw invalid_field("role", "角色应为 admin、executive、manager 或 rep", "role must be admin, executive, manager or rep");
    const Paging p = read_paging(req);
    std::vector<model::User> users;
    for (auto& u : ctx.store.list_users()) {
      if (!role.empty() && model::role_code(u.role) != role) continue;
      if (!q.empty() && !contains_folded(u.login, q) && !contains_folded(u.display_name, q) && !contains_folded(u.email, q))
        continue;
      users.push_back(std::move(u));
    }
    json::array rows;
    for (size_t i = p.first(users.size()); i < p.last(users.size()); ++i) rows.push_back(admin_json(users[i], *c.snap->dims));
    json::object out{{"users", std::move(rows)}};
    add_paging(out, users.size(), p);
    return http::json_response(200, out);
  });

  // What the create and edit forms pick a manager's region and a rep account's rep from.
  r.add("GET", "/api/v1/users/scopes", [&ctx](http::Request& req) {
    admin(ctx, req);
    json::array regions, reps;
    for (const auto& g : ctx.store.load_regions())
      regions.push_back(json::object{{"id", g.id}, {"name", g.name}, {"level", g.level}});
    for (const auto& p : ctx.store.load_reps())
      reps.push_back(json::object{{"id", p.id}, {"name", p.name}, {"employee_no", p.employee_no}, {"region", p.region}});
    return http::json_response(200, json::object{{"regions", std::move(regions)}, {"reps", std::move(reps)}});
  });

  r.add("POST", "/api/v1/users", [&ctx](http::Request& req) {
    Caller c = admin(ctx, req);
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    patch_fields(body, {"login", "display_name", "role", "region", "rep", "email", "wecom_id", "dingtalk_id", "lang",
                        "active", "password"});
    model::User u;
    u.login = required_string(body, "login", 64);
    model::validate_login(u.login);
    if (!body.contains("role")) throw missing_field("role");
    u.display_name = u.login;
    read_contact_fields(body, u);
    read_role_fields(body, u, ctx.store);
    bool generated = false;
    const std::string pw = new_password(body, u.login, generated);
    u.id = ctx.store.create_user(u, auth::hash_password(pw), c.user.id, auth::system_clock_seconds());
    json::object out = answer(c, u);
    if (generated) out["password"] = pw;
    return http::json_response(201, out);
  });

  r.add("PATCH", "/api/v1/users/{id}", [&ctx](http::Request& req) {
    Caller c = admin(ctx, req);
    model::User u = user_by_id(ctx, req.params["id"]);
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    patch_fields(body, {"display_name", "role", "region", "rep", "email", "wecom_id", "dingtalk_id", "lang", "active"});
    read_contact_fields(body, u);
    read_role_fields(body, u, ctx.store);
    if (!ctx.store.update_user(u, c.user.id, auth::system_clock_seconds())) throw no_such_user(req.params["id"]);
    return http::json_response(200, answer(c, u));
  });

  r.add("POST", "/api/v1/users/{id}/password", [&ctx](http::Request& req) {
    Caller c = admin(ctx, req);
    model::User u = user_by_id(ctx, req.params["id"]);
    const json::value parsed = req.body.empty() ? json::value(json::object{}) : http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    if (!body.empty()) patch_fields(body, {"password"});
    bool generated = false;
    const std::string pw = new_password(body, u.login, generated);
    if (!ctx.store.reset_password(u.id, auth::hash_password(pw), c.user.id, auth::system_clock_seconds()))
      throw no_such_user(req.params["id"]);
    json::object out = answer(c, u);
    if (generated) out["password"] = pw;
    return http::json_response(200, out);
  });

  // A user's own account: display name, email and language; nothing that widens rights.
  r.add("PATCH", "/api/v1/me", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    for (const char* f : {"role", "region", "rep", "active", "login", "wecom_id", "dingtalk_id", "password"})
      if (body.contains(f))
        throw AppError(403, "forbidden", f, std::string("只有管理员可以修改 ") + f,
                       std::string("Only an administrator can change ") + f);
    patch_fields(body, {"display_name", "email", "lang"});
    model::User u = c.user;
    read_contact_fields(body, u);
    if (!ctx.store.update_user(u, c.user.id, auth::system_clock_seconds())) throw not_found();
    return http::json_response(200, json::object{{"user", user_json(u)}});
  });
}

}  // namespace sl::api
