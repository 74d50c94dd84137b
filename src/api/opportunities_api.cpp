// 商机维护: POST /api/v1/opportunities creates an opportunity (customer in the caller's scope,
// a product category, amount, expected close), POST /api/v1/opportunities/{id}/stage moves its
// stage — recorded in the stage history with the day — or closes it won or lost (a lost
// reason then). Reps for their own, managers for their region; outside the scope answers as
// not found. Rules: model/opportunity_rules.h, the ones the import uses. Each write is
// appended to the next Snapshot (publish::SnapshotHolder::add_opportunity / move_opportunity):
// a stage move copies the few opportunity columns, far less than a rebuild from the store.
#include <algorithm>

#include "api/json_fields.h"
#include "api/routes.h"
#include "auth/auth.h"
#include "model/opportunity_rules.h"

namespace sl::api {

namespace {

AppError no_such(const std::string& field, const std::string& zh, const std::string& en, int64_t id) {
  return AppError(404, "not_found", field, zh + "不存在：" + std::to_string(id), "No such " + en + ": " + std::to_string(id));
}

model::Opportunity read_opportunity(const Caller& c, const json::object& body, Date today) {
  const engine::Facts& f = *c.snap->facts;
  model::Opportunity o;
  if (body.if_contains("code") && !body.at("code").is_null())
    o.code = model::opportunity_code_of(required_string(body, "code", std::string::npos));
  o.customer = required_int(body, "customer", "customer", 1, INT64_MAX);
  const int32_t customer = f.customer_index ? f.customer_index->find(o.customer) : engine::kNone;
  if (customer == engine::kNone || !engine::sees_customer(c.scope, f.customers, customer))
    throw no_such("customer", "客户", "customer", o.customer);
  auto rep = optional_int(body, "rep", "rep", 1, INT64_MAX);
  if (!rep && c.user.role == model::Role::rep) rep = c.user.rep;
  if (!rep) throw missing_field("rep");
  o.rep = *rep;
  if (!c.scope.sees_rep(c.snap->dims->find_rep(o.rep))) throw no_such("rep", "销售", "rep", o.rep);
  o.category = required_string(body, "category", 100);
  if (std::find(f.categories.begin(), f.categories.end(), o.category) == f.categories.end())
    throw invalid_field("category", "没有这个产品类别：" + o.category, "No such product category: " + o.category);
  o.amount = required_int(body, "amount", "amount", INT64_MIN, INT64_MAX);
  o.created = body.if_contains("created") && !body.at("created").is_null() ? required_date(body, "created", "created")
                                                                             : today;
  o.expected_close = required_date(body, "expected_close", "expected_close");
  model::check_opportunity(o.amount, o.created, o.expected_close, today);
  o.stage = model::Stage::lead;
  return o;
}

json::object snapshot_json(const publish::SnapshotHolder::Published& p) {
  return json::object{{"version", p.version}, {"incremental", p.incremental}, {"ms", p.ms}};
}

}  // namespace

void add_opportunity_routes(http::Router& r, Context& ctx) {
  r.add("POST", "/api/v1/opportunities", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const json::value parsed = http::parse_json_body(req);
    model::Opportunity o = read_opportunity(c, as_object(parsed, "body"), ctx.today());
    const auto published = ctx.snapshots.add_opportunity(o, c.user.id, auth::system_clock_seconds());
    return http::json_response(
        201, json::object{{"id", o.id},
                          {"code", o.code.empty() ? model::opportunity_code(o.id) : o.code},
                          {"stage", model::stage_code(o.stage)},
                          {"snapshot", snapshot_json(published)}});
  });

  r.add("POST", "/api/v1/opportunities/{id}/stage", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const Id id = query_id(req.params["id"], "id");
    const auto& o = c.snap->facts->opportunities;
    const auto it = std::lower_bound(o.id.begin(), o.id.end(), id);
    const size_t row = static_cast<size_t>(it - o.id.begin());
    if (it == o.id.end() || *it != id || !engine::sees_opportunity(c.scope, o, row))
      throw no_such("id", "商机", "opportunity", id);
    const json::value parsed = http::parse_json_body(req);
    const json::object& body = as_object(parsed, "body");
    const std::string code = required_string(body, "stage", 20);
    const auto to = model::stage_of(code);
    if (!to || *to == model::Stage::lead)
      throw invalid_field("stage", "阶段无效：" + code, "Not a stage to move to: " + code);
    const Date today = ctx.today();
    const Date on = body.if_contains("date") && !body.at("date").is_null() ? required_date(body, "date", "date") : today;
    std::string reason;
    if (auto* v = body.if_contains("lost_reason"); v && !v->is_null())
      reason = required_string(body, "lost_reason", model::kMaxLostReasonLength);
    const auto published =
        ctx.snapshots.move_opportunity(id, *to, on, reason, today, c.user.id, auth::system_clock_seconds());
    return http::json_response(200, json::object{{"id", id},
                                                 {"stage", model::stage_code(*to)},
                                                 {"date", format_date(on)},
                                                 {"snapshot", snapshot_json(published)}});
  });
}

}  // namespace sl::api
