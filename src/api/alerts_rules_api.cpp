// /api/v1/alerts/rules (issue 14): a user's own alert rules. Anyone may make rules on their own
// scope — a rep on their own book only, a manager on their region subtree; a scope outside it
// is 404, as ids the caller cannot see are everywhere. Only the owner sees and changes a rule.
//   GET /api/v1/alerts/rules            {rules, metrics} (metrics: the threshold catalogue)
//   POST /api/v1/alerts/rules           201 {id, …}
//   PATCH/DELETE /api/v1/alerts/rules/{id}
#include <atomic>
#include <cmath>

#include "api/alerts.h"
#include "api/json_fields.h"
#include "api/report_pieces.h"
#include "api/routes.h"
#include "auth/auth.h"

namespace sl::api {

namespace {

using Rule = store::AlertStore::AlertRule;

std::atomic<int64_t> g_rules_generation{0};
std::function<void()> g_rules_listener;  // set once at start (serve.cpp), before requests

void rules_changed() {
  ++g_rules_generation;
  if (g_rules_listener) g_rules_listener();
}

const std::vector<std::string> kKinds{"threshold", "anomaly"}, kOps{"<", "<=", ">", ">="},
    kChannels{"email", "wecom", "dingtalk"}, kAnomalySources{"d2"}, kSeverities{"medium", "high"};

bool one_of(const std::string& v, const std::vector<std::string>& allowed) {
  return std::find(allowed.begin(), allowed.end(), v) != allowed.end();
}

std::string list_text(const std::vector<std::string>& allowed) {
  std::string out;
  for (const auto& a : allowed) out += (out.empty() ? "" : ", ") + a;
  return out;
}

std::string pick(const json::object& body, const char* field, const std::vector<std::string>& allowed) {
  const std::string v = required_string(body, field, 40);
  if (!one_of(v, allowed))
    throw invalid_field(field, std::string(field) + " 应为 " + list_text(allowed),
                        std::string(field) + " must be one of " + list_text(allowed));
  return v;
}

std::string channels_of(const json::object& body) {
  const auto* v = body.if_contains("channels");
  json::array out;
  if (!v || v->is_null()) return "[]";
  if (!v->is_array()) throw invalid_field("channels", "channels 应为列表", "channels must be a list");
  for (const auto& x : v->as_array()) {
    if (!x.is_string() || !one_of(std::string(x.as_string()), kChannels))
      throw invalid_field("channels", "渠道应为 " + list_text(kChannels), "channels must be among " + list_text(kChannels));
    if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
  }
  return json::serialize(out);
}

// "company" | "region:ID" | "rep:ID"; a well-formed scope the caller cannot see is 404.
std::string scope_of(const Caller& c, const json::object& body) {
  const std::string s = required_string(body, "scope", 40);
  const auto colon = s.find(':');
  const bool shaped = s == "company" || (colon != std::string::npos && (s.substr(0, colon) == "region" || s.substr(0, colon) == "rep") &&
                                         colon + 1 < s.size() && s.find_first_not_of("0123456789", colon + 1) == std::string::npos &&
                                         s.size() - colon - 1 <= 18);
  if (!shaped)
    throw invalid_field("scope", "范围应为 company、region:编号 或 rep:编号", "scope must be company, region:ID or rep:ID");
  if (!resolve_rule_scope(*c.snap, c.user, s)) throw not_found();
  return s;
}

// Fills r from a POST body (every field) or a PATCH body (the fields given), then checks the
// whole rule by measuring it once (bad filters are 422 here, not at the next check).
void read_rule(Context& ctx, const Caller& c, const json::object& body, Rule& r, bool patch, Date today) {
  if (patch)
    patch_fields(body, {"name", "kind", "metric", "scope", "filters", "op", "value", "severity", "channels", "enabled"});
  if (!patch || body.contains("name")) {
    r.name = required_string(body, "name", 100);
    if (r.name.find_first_not_of(" \t\r\n") == std::string::npos)
      throw invalid_field("name", "名称不能为空", "The name cannot be empty");
  }
  if (!patch || body.contains("kind")) r.kind = pick(body, "kind", kKinds);
  if (!patch || body.contains("scope")) r.scope = scope_of(c, body);
  // The metric is checked against the kind also when a PATCH changes only the kind.
  if (!patch || body.contains("metric") || body.contains("kind")) {
    if (!patch || body.contains("metric")) r.metric = required_string(body, "metric", 40);
    const bool known = r.kind == "anomaly" ? one_of(r.metric, kAnomalySources) : jobs::alerts::find_metric(r.metric) != nullptr;
    if (!known) {
      std::vector<std::string> codes;
      if (r.kind == "anomaly") codes = kAnomalySources;
      else
        for (const auto& m : jobs::alerts::metric_catalogue()) codes.push_back(m.code);
      throw invalid_field("metric", "指标应为 " + list_text(codes), "metric must be one of " + list_text(codes));
    }
  }
  if (auto* f = body.if_contains("filters"); f && !f->is_null()) {
    if (!f->is_object()) throw invalid_field("filters", "filters 应为对象", "filters must be an object");
    r.filters = json::serialize(*f);
    if (r.filters.size() > 2000) throw invalid_field("filters", "内容过长：filters", "Too long: filters");
  } else if (f || !patch) {
    r.filters = "";
  }
  if (r.kind == "threshold") {
    if (!patch || body.contains("op") || r.op.empty()) r.op = pick(body, "op", kOps);
    if (!patch || body.contains("value")) {
      const auto* v = body.if_contains("value");
      if (!v) throw missing_field("value");
      if (!v->is_number() || !std::isfinite(v->to_number<double>()))
        throw invalid_field("value", "阈值应为数字", "value must be a number");
      r.value = v->to_number<double>();
    }
    r.severity.clear();
  } else {
    r.op.clear();
    r.value = 0;
    if (body.contains("severity")) r.severity = pick(body, "severity", kSeverities);
    if (r.severity.empty()) r.severity = "medium";
  }
  if (!patch || body.contains("channels")) r.channels = channels_of(body);
  if (auto* e = body.if_contains("enabled")) {
    if (!e->is_bool()) throw invalid_field("enabled", "enabled 应为 true 或 false", "enabled must be true or false");
    r.enabled = e->as_bool();
  }
  if (r.kind == "threshold") {  // the dry run: the metric's filters, as the check will read them
    const auto rs = resolve_rule_scope(*c.snap, c.user, r.scope);
    if (!rs) throw not_found();
    const json::object filters = r.filters.empty() ? json::object{} : json::parse(r.filters).as_object();
    jobs::alerts::measure(*jobs::alerts::find_metric(r.metric), {*c.snap, rs->scope, c.user, rs->where, filters, today, &ctx});
  }
}

json::object rule_json(const Rule& r) {
  return json::object{{"id", r.id},
                      {"name", r.name},
                      {"kind", r.kind},
                      {"metric", r.metric},
                      {"scope", r.scope},
                      {"filters", r.filters.empty() ? json::value(json::object{}) : json::parse(r.filters)},
                      {"op", r.kind == "threshold" ? json::value(json::string(r.op)) : json::value(nullptr)},
                      {"value", r.kind == "threshold" ? json::value(r.value) : json::value(nullptr)},
                      {"severity", r.kind == "anomaly" ? json::value(json::string(r.severity)) : json::value(nullptr)},
                      {"channels", json::parse(r.channels.empty() ? "[]" : r.channels)},
                      {"enabled", r.enabled},
                      {"created_at", iso_time(r.created_at)},
                      {"updated_at", iso_time(r.updated_at)}};
}

Rule owned(Context& ctx, const Caller& c, const http::Request& req) {
  auto r = ctx.store.find_alert_rule(query_id(req.params.at("id"), "id"));
  if (!r || r->owner != c.user.id) throw not_found();
  return *r;
}

json::array catalogue_json() {
  json::array out;
  for (const auto& m : jobs::alerts::metric_catalogue())
    out.push_back(json::object{{"code", m.code}, {"page", m.page}, {"zh", m.zh}, {"en", m.en}, {"unit", m.unit}});
  return out;
}

}  // namespace

int64_t alert_rules_generation() { return g_rules_generation.load(); }
void on_alert_rules_changed(std::function<void()> listener) { g_rules_listener = std::move(listener); }

void add_alert_rule_routes(http::Router& r, Context& ctx) {
  add_reports();  // the threshold metrics measure through the pages' report builders
  r.add("GET", "/api/v1/alerts/rules", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    json::array list;
    for (const auto& x : ctx.store.alert_rules(c.user.id)) list.push_back(rule_json(x));
    return http::json_response(200, json::object{{"rules", std::move(list)}, {"metrics", catalogue_json()}});
  });
  r.add("POST", "/api/v1/alerts/rules", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const json::value parsed = http::parse_json_body(req);
    Rule x;
    read_rule(ctx, c, as_object(parsed, "body"), x, false, ctx.today());
    x.owner = c.user.id;
    x.created_at = x.updated_at = auth::system_clock_seconds();
    x.id = ctx.store.add_alert_rule(x);
    rules_changed();
    return http::json_response(201, rule_json(x));
  });
  r.add("PATCH", "/api/v1/alerts/rules/{id}", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    Rule x = owned(ctx, c, req);
    const json::value parsed = http::parse_json_body(req);
    read_rule(ctx, c, as_object(parsed, "body"), x, true, ctx.today());
    x.updated_at = auth::system_clock_seconds();
    ctx.store.update_alert_rule(x);
    rules_changed();
    return http::json_response(200, rule_json(x));
  });
  r.add("DELETE", "/api/v1/alerts/rules/{id}", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const Rule x = owned(ctx, c, req);
    ctx.store.delete_alert_rule(x.id);
    rules_changed();
    http::Response res;
    res.status = 204;
    res.content_type.clear();
    return res;
  });
}

}  // namespace sl::api
