// /api/v1/subscriptions (issue 14): create, list, change, delete, send now, send a test to me.
// Admins and executives may address anyone; a manager the people of their region subtree; a
// rep only themselves. Only the owner (and admins) see and change a subscription.
#include <boost/json.hpp>
#include <set>

#include "api/json_fields.h"
#include "api/report_pieces.h"
#include "api/routes.h"
#include "api/subscriptions.h"
#include "auth/auth.h"
#include "jobs/schedule.h"

namespace sl::api {

namespace {

namespace json = boost::json;
using Sub = store::PushStore::Subscription;

const std::vector<std::string> kChannels{"email", "wecom", "dingtalk", "webhook"}, kFormats{"pdf", "xlsx"},
    kMetrics{"completion_minus_time_progress", "completion"}, kOps{"<", "<=", ">", ">="};

bool one_of(const std::string& v, const std::vector<std::string>& allowed) {
  return std::find(allowed.begin(), allowed.end(), v) != allowed.end();
}

std::string choices(const json::object& body, const char* field, const std::vector<std::string>& allowed, bool need) {
  const auto* v = body.if_contains(field);
  json::array out;
  if (v && !v->is_array()) throw invalid_field(field, std::string("应为列表：") + field, std::string("must be a list: ") + field);
  if (v)
    for (const auto& x : v->as_array()) {
      if (!x.is_string() || !one_of(std::string(x.as_string()), allowed))
        throw invalid_field(field, std::string("取值无效：") + field, std::string("not a valid value in ") + field);
      out.push_back(x);
    }
  if (need && out.empty())
    throw invalid_field(field, std::string("至少选择一项：") + field, std::string("choose at least one: ") + field);
  return json::serialize(out);
}

std::string condition_of(const json::object& body, const std::string& page) {
  const auto* v = body.if_contains("condition");
  if (!v || v->is_null()) return "";
  const auto bad = [] {
    return invalid_field("condition", "条件应为 {metric, op, value}，metric 为该页面的条件指标（docs/push.md）",
                         "The condition must be {metric, op, value} with a metric of the page (docs/push.md)");
  };
  std::vector<std::string> metrics = kMetrics;  // and the page's own (jobs::register_report)
  for (auto& m : jobs::report_metrics(page)) metrics.push_back(std::move(m));
  if (!v->is_object()) throw bad();
  const auto& c = v->as_object();
  const auto* m = c.if_contains("metric");
  const auto* op = c.if_contains("op");
  const auto* x = c.if_contains("value");
  if (!m || !m->is_string() || !one_of(std::string(m->as_string()), metrics) || !op || !op->is_string() ||
      !one_of(std::string(op->as_string()), kOps) || !x || !x->is_number())
    throw bad();
  return json::serialize(json::object{{"metric", *m}, {"op", *op}, {"value", x->to_number<double>()}});
}

bool addresses_anyone(const Caller& c) {
  return c.user.role == model::Role::admin || c.user.role == model::Role::executive;
}

// Whom the caller may address: admins and executives anyone, a manager the reps and managers of
// their region subtree, everyone themselves.
bool may_address(const Caller& c, const model::User& u) {
  if (addresses_anyone(c) || u.id == c.user.id) return true;
  if (c.user.role == model::Role::rep) return false;
  const auto& d = *c.snap->dims;
  return (u.role == model::Role::rep && c.scope.sees_rep(d.find_rep(u.rep))) ||
         (u.role == model::Role::manager && c.scope.sees_region(d.find_region(u.region)));
}

// The recipients object, checked against who the caller may address (403 outside, 404 unknown).
std::string recipients_of(Context& ctx, const Caller& c, const json::object& body) {
  const auto* v = body.if_contains("recipients");
  if (!v || !v->is_object())
    throw invalid_field("recipients", "收件人应为 {users, roles, region_managers}", "recipients must be {users, roles, region_managers}");
  const auto& r = v->as_object();
  auto ids = [&](const char* k) {
    std::vector<int64_t> out;
    if (auto* a = r.if_contains(k)) {
      if (!a->is_array()) throw invalid_field(std::string("recipients.") + k, "应为编号列表", "must be a list of ids");
      for (const auto& x : a->as_array()) {
        if (!x.is_int64()) throw invalid_field(std::string("recipients.") + k, "应为编号列表", "must be a list of ids");
        out.push_back(x.as_int64());
      }
    }
    return out;
  };
  const auto users = ids("users"), regions = ids("region_managers");
  std::vector<std::string> roles;
  if (auto* a = r.if_contains("roles"); a && a->is_array())
    for (const auto& x : a->as_array()) {
      if (!x.is_string() || !model::parse_role(std::string(x.as_string())))
        throw invalid_field("recipients.roles", "角色无效", "not a valid role");
      roles.emplace_back(x.as_string());
    }
  if (users.empty() && roles.empty() && regions.empty())
    throw invalid_field("recipients", "至少需要一位收件人", "At least one recipient is needed");
  const bool anyone = addresses_anyone(c);
  const auto& d = *c.snap->dims;
  if (!anyone && !roles.empty()) throw forbidden();
  if (c.user.role == model::Role::rep && (!regions.empty() || users.size() != 1 || users[0] != c.user.id))
    throw forbidden();
  for (int64_t rid : regions) {
    const int32_t ri = d.find_region(rid);
    if (ri == engine::kNone) throw not_found();
    if (!c.scope.sees_region(ri)) throw forbidden();
  }
  for (int64_t uid : users) {
    auto u = ctx.store.find_user(uid);
    if (!u) throw not_found();
    if (!may_address(c, u->user)) throw forbidden();
  }
  json::array ju, jr, jm;
  for (auto x : users) ju.push_back(x);
  for (auto& x : roles) jr.push_back(json::string(x));
  for (auto x : regions) jm.push_back(x);
  return json::serialize(json::object{{"users", ju}, {"roles", jr}, {"region_managers", jm}});
}

json::array next_five(const std::string& schedule, int64_t now) {
  json::array out;
  for (const auto& t : jobs::next_runs(jobs::parse_schedule(schedule), jobs::local_time(now), 5))
    out.push_back(json::string(jobs::format_local(t)));
  return out;
}

json::object sub_json(const Sub& s, int64_t now) {
  return json::object{{"id", s.id},
                      {"owner", s.owner},
                      {"page", s.page},
                      {"params", json::parse(s.params)},
                      {"schedule", s.schedule},
                      {"recipients", json::parse(s.recipients)},
                      {"channels", json::parse(s.channels)},
                      {"formats", json::parse(s.formats)},
                      {"condition", s.condition.empty() ? json::value(nullptr) : json::parse(s.condition)},
                      {"enabled", s.enabled},
                      {"last_run", s.last_run_key},
                      {"next_runs", next_five(s.schedule, now)},
                      {"created_at", iso_time(s.created_at)}};
}

// Fills s from a POST body (every field) or a PATCH body (the fields given).
void read_sub(Context& ctx, const Caller& c, const json::object& body, Sub& s, bool patch) {
  if (!patch || body.contains("page")) {
    s.page = required_string(body, "page");
    const auto pages = jobs::report_pages();
    if (!one_of(s.page, pages)) throw invalid_field("page", "该页面不能订阅：" + s.page, "This page cannot be subscribed to: " + s.page);
  }
  if (auto* p = body.if_contains("params")) {
    if (!p->is_object()) throw invalid_field("params", "params 应为对象", "params must be an object");
    s.params = json::serialize(*p);
  } else if (!patch) {
    s.params = "{}";
  }
  if (!patch || body.contains("schedule")) {
    s.schedule = required_string(body, "schedule");
    jobs::parse_schedule(s.schedule);
  }
  if (!patch || body.contains("recipients")) s.recipients = recipients_of(ctx, c, body);
  if (!patch || body.contains("channels")) s.channels = choices(body, "channels", kChannels, true);
  if (!patch || body.contains("formats")) s.formats = choices(body, "formats", kFormats, false);
  if (!patch || body.contains("condition")) s.condition = condition_of(body, s.page);
  if (auto* e = body.if_contains("enabled")) {
    if (!e->is_bool()) throw invalid_field("enabled", "enabled 应为 true 或 false", "enabled must be true or false");
    s.enabled = e->as_bool();
  }
}

bool sees(const Caller& c, const Sub& s) { return c.user.role == model::Role::admin || s.owner == c.user.id; }

Sub visible(Context& ctx, const Caller& c, const http::Request& req) {
  auto s = ctx.store.find_subscription(query_id(req.params.at("id"), "id"));
  if (!s || !sees(c, *s)) throw not_found();
  return *s;
}

std::string base_url(const http::Request& req) {
  const std::string host = req.header("host");
  return host.empty() ? "" : std::string(req.https ? "https://" : "http://") + host;
}

json::object outcome_json(const RunOutcome& o) {
  json::array missing;
  for (const auto& m : o.missing) missing.push_back(json::string(m));
  return json::object{{"queued", o.queued}, {"skipped", o.skipped}, {"missing", missing}};
}

}  // namespace

void add_subscription_routes(http::Router& r, Context& ctx) {
  add_reports();
  add_schedule_preview_route(r, ctx);
  r.add("POST", "/api/v1/subscriptions", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const json::value parsed = http::parse_json_body(req);
    Sub s;
    read_sub(ctx, c, as_object(parsed, "body"), s, false);
    s.owner = c.user.id;
    s.created_at = auth::system_clock_seconds();
    s.id = ctx.store.add_subscription(s);
    json::object o = sub_json(s, s.created_at);
    return http::json_response(201, o);
  });
  r.add("GET", "/api/v1/subscriptions", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const int64_t now = auth::system_clock_seconds();
    json::array list;
    for (const auto& s : ctx.store.subscriptions())
      if (sees(c, s)) list.push_back(sub_json(s, now));
    return http::json_response(200, json::object{{"subscriptions", std::move(list)}, {"pages", [] {
                                                   json::array a;
                                                   for (const auto& p : jobs::report_pages()) a.push_back(json::string(p));
                                                   return a;
                                                 }()}});
  });
  // What the form's pickers offer: the active users the caller may address (with the channels
  // they have an address for), the regions whose managers they may address, whether roles may be.
  r.add("GET", "/api/v1/subscriptions/recipients", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    json::array users, regions;
    for (const auto& u : ctx.store.list_users()) {
      if (!u.active || !may_address(c, u)) continue;
      users.push_back(json::object{{"id", u.id},
                                   {"login", u.login},
                                   {"display_name", u.display_name},
                                   {"role", model::role_code(u.role)},
                                   {"email", !u.email.empty()}});
    }
    if (c.user.role != model::Role::rep) {
      const auto& d = *c.snap->dims;
      for (int32_t i = 0; i < d.region_count(); ++i)
        if (c.scope.sees_region(i))
          regions.push_back(json::object{{"id", d.region_id[i]}, {"name", d.region_name[i]}, {"level", d.region_level[i]}});
    }
    return http::json_response(200, json::object{{"users", std::move(users)},
                                                 {"regions", std::move(regions)},
                                                 {"roles", addresses_anyone(c)}});
  });
  r.add("PATCH", "/api/v1/subscriptions/{id}", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    Sub s = visible(ctx, c, req);
    const json::value parsed = http::parse_json_body(req);
    read_sub(ctx, c, as_object(parsed, "body"), s, true);
    ctx.store.update_subscription(s);
    return http::json_response(200, sub_json(s, auth::system_clock_seconds()));
  });
  r.add("DELETE", "/api/v1/subscriptions/{id}", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const Sub s = visible(ctx, c, req);
    ctx.store.delete_subscription(s.id);
    http::Response res;
    res.status = 204;
    res.content_type.clear();
    return res;
  });
  r.add("POST", "/api/v1/subscriptions/{id}/send", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const Sub s = visible(ctx, c, req);
    const auto out =
        run_subscription(ctx, s, subscription_recipients(ctx, s), "", auth::system_clock_seconds(), base_url(req));
    return http::json_response(202, outcome_json(out));
  });
  r.add("POST", "/api/v1/subscriptions/{id}/test", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    Sub s = visible(ctx, c, req);
    s.condition.clear();  // a test always arrives
    const auto out = run_subscription(ctx, s, {c.user}, "", auth::system_clock_seconds(), base_url(req));
    return http::json_response(202, outcome_json(out));
  });
}

}  // namespace sl::api
