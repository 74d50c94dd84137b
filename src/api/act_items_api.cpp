// A1 resolutions (会议必决) and action items (决后必办).
//   GET/POST /api/v1/meetings/{id}/resolutions, PATCH /api/v1/resolutions/{id}
//   GET/POST /api/v1/resolutions/{id}/actions, PATCH /api/v1/actions/{id}, POST /api/v1/actions/{id}/log
#include "analytics/act/access.h"
#include "analytics/act/metric_goal.h"
#include "api/act_common.h"
#include "api/routes.h"
#include "api/version_conflict.h"

namespace sl::api::act {

namespace {

using model::ActionStatus;
using model::ResolutionStatus;

// The body's "status" read with model/'s parse_*_status, or 422 listing model/'s codes.
template <class E>
E status_field(const json::object& o, std::optional<E> (*parse)(std::string_view), std::span<const char* const> codes) {
  std::string s = required_string(o, "status", 20);
  if (auto e = parse(s)) return *e;
  std::string list;
  for (const char* a : codes) list += (list.empty() ? "" : ", ") + std::string(a);
  throw invalid_field("status", "状态应为 " + list, "status must be one of " + list);
}

ResolutionStatus resolution_status_field(const json::object& o) {
  return status_field(o, model::parse_resolution_status, model::resolution_status_codes());
}

ActionStatus action_status_field(const json::object& o) {
  return status_field(o, model::parse_action_status, model::action_status_codes());
}

// The goal must be measurable and lie inside what the meeting's chair sees: a chair cannot
// commit a meeting to figures they are not allowed to look at.
void read_goal(const View& v, const json::object& body, const model::Meeting& m, model::Resolution& r) {
  auto* g = body.if_contains("goal");
  if (!g || g->is_null()) {
    r.goal_metric.clear(), r.goal_scope.clear(), r.goal_comparator.clear(), r.goal_value = 0;
    return;
  }
  const auto& o = as_object(*g, "goal");
  r.goal_metric = required_string(o, "metric", 40);
  if (!analytics::parse_goal_metric(r.goal_metric))
    throw invalid_field(
        "goal.metric", "目标指标应为 sales、collections、completion、collection_rate、bids_won 或 new_customers",
        "goal metric must be sales, collections, completion, collection_rate, bids_won or new_customers");
  r.goal_scope = required_string(o, "scope", 40);
  auto scope = analytics::parse_goal_scope(r.goal_scope);
  if (!scope)
    throw invalid_field("goal.scope", "目标范围应为 company、region:ID 或 rep:ID",
                        "goal scope must be company, region:ID or rep:ID");
  r.goal_comparator = required_string(o, "comparator", 4);
  if (!analytics::valid_comparator(r.goal_comparator))
    throw invalid_field("goal.comparator", "比较符应为 >=、<=、> 或 <", "comparator must be >=, <=, > or <");
  auto* val = o.if_contains("value");
  if (!val || !(val->is_number())) throw invalid_field("goal.value", "目标值应为数字", "goal value must be a number");
  r.goal_value = val->to_number<double>();
  if (!std::isfinite(r.goal_value) || r.goal_value < 0)
    throw invalid_field("goal.value", "目标值应为非负数", "goal value must not be negative");
  auto chair = v.users.find(m.chair);
  if (chair == v.users.end())
    throw invalid_field("goal.scope", "会议没有主持人，不能设置指标目标",
                        "The meeting has no chair to own a metric goal");
  engine::Scope chair_scope = scope_for(chair->second, *v.c.snap);
  try {
    analytics::check_goal_scope(*v.c.snap, chair_scope, *scope);
    analytics::check_goal_scope(*v.c.snap, v.c.scope, *scope);
  } catch (const AppError& e) {
    if (e.status == 404)
      throw invalid_field("goal.scope", "目标范围中的区域或销售代表不存在", "The goal's region or rep does not exist");
    throw invalid_field("goal.scope", "会议主持人无权查看该目标范围的数据",
                        "The meeting's chair cannot see the goal's scope");
  }
}

// A resolution that closes gets today as its closed date (one closed already keeps its own);
// one that is open again has none.
void set_closed(model::Resolution& r, ResolutionStatus before, Date today) {
  bool closes = model::resolution_closed(r.status);
  bool was_closed = model::resolution_closed(before);
  if (closes && (!was_closed || !r.closed_date)) r.closed_date = today;
  if (!closes) r.closed_date.reset();
}

}  // namespace

void add_act_item_routes(http::Router& r, Context& ctx) {
  r.add("GET", "/api/v1/meetings/{id}/resolutions", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    View v(ctx, c);
    const model::Meeting& m = v.meeting(path_id(req));
    json::array out;
    for (const auto& x : v.book.resolutions)
      if (x.meeting == m.id) out.push_back(v.resolution_json(x));
    return http::json_response(200, json::object{{"resolutions", std::move(out)}});
  });

  r.add("POST", "/api/v1/meetings/{id}/resolutions", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    View v(ctx, c);
    const model::Meeting& m = v.meeting(path_id(req));
    v.require_manage(v.series_of(m));
    if (m.status == model::MeetingStatus::closed)
      throw invalid_field("status", "会议已关闭，不能再添加决议", "The meeting is closed; no resolution can be added");
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    model::Resolution x;
    x.meeting = m.id;
    x.title = required_string(body, "title", 300);
    if (x.title.empty()) throw invalid_field("title", "标题不能为空", "The title cannot be empty");
    x.description = optional_text(body, "description", 4000);
    x.owner = v.member_field(required_int(body, "owner", "owner", 1, INT64_MAX), "owner", v.series_of(m)).id;
    x.expected = optional_text(body, "expected", 1000);
    x.due_date = date_field(body, "due_date");
    if (x.due_date < m.date)
      throw invalid_field("due_date", "完成时间不能早于会议日期 " + format_date(m.date),
                          "The due date cannot be before the meeting date " + format_date(m.date));
    x.status = body.contains("status") ? resolution_status_field(body) : ResolutionStatus::open;
    set_closed(x, ResolutionStatus::open, v.today);
    read_goal(v, body, m, x);
    Id agenda = optional_int(body, "agenda_item", "agenda_item", 1, INT64_MAX).value_or(0);
    Id id = ctx.store.add_resolution(x, agenda, c.user.id, auth::system_clock_seconds());
    View after(ctx, c);
    return http::json_response(201, after.resolution_json(*after.resolutions.at(id)));
  });

  r.add("PATCH", "/api/v1/resolutions/{id}", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    View v(ctx, c);
    model::Resolution x = v.resolution(path_id(req));
    const model::Meeting& m = v.meeting_of(x);
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    patch_fields(body, {"title", "description", "owner", "expected", "due_date", "goal", "status", "version"});
    x.version = version_field(body, "version", "version").value_or(0);  // the one read; none = no check
    bool manage = v.can_manage(v.series_of(m));
    // The owner of a resolution (a manager owning a company decision) may move its status;
    // everything else belongs to whoever manages the series. Reps update action items only.
    bool status_only = body.size() - body.contains("version") == 1 && body.contains("status");
    if (!analytics::may_update_resolution(c.user, x, manage, status_only)) throw forbidden();
    ResolutionStatus before = x.status;
    if (body.contains("title")) {
      x.title = required_string(body, "title", 300);
      if (x.title.empty()) throw invalid_field("title", "标题不能为空", "The title cannot be empty");
    }
    if (body.contains("description")) x.description = optional_text(body, "description", 4000);
    if (body.contains("owner"))
      x.owner = v.member_field(required_int(body, "owner", "owner", 1, INT64_MAX), "owner", v.series_of(m)).id;
    if (body.contains("expected")) x.expected = optional_text(body, "expected", 1000);
    if (body.contains("due_date")) {
      x.due_date = date_field(body, "due_date");
      if (x.due_date < m.date)
        throw invalid_field("due_date", "完成时间不能早于会议日期 " + format_date(m.date),
                            "The due date cannot be before the meeting date " + format_date(m.date));
    }
    if (body.contains("goal")) read_goal(v, body, m, x);
    if (body.contains("status")) x.status = resolution_status_field(body);
    set_closed(x, before, v.today);
    if (auto conflict = write_or_conflict(
            req, [&] { ctx.store.update_resolution(x, c.user.id, auth::system_clock_seconds()); },
            [&] { View now(ctx, c); return json::value(now.resolution_json(*now.resolutions.at(x.id))); }))
      return std::move(*conflict);
    View after(ctx, c);
    return http::json_response(200, after.resolution_json(*after.resolutions.at(x.id)));
  });

  r.add("GET", "/api/v1/resolutions/{id}/actions", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    View v(ctx, c);
    const model::Resolution& x = v.resolution(path_id(req));
    json::array out;
    for (const auto& a : v.book.action_items)
      if (a.resolution == x.id) out.push_back(v.action_json(a));
    return http::json_response(200, json::object{{"actions", std::move(out)}});
  });

  r.add("POST", "/api/v1/resolutions/{id}/actions", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    View v(ctx, c);
    const model::Resolution& x = v.resolution(path_id(req));
    const model::Meeting& m = v.meeting_of(x);
    v.require_manage(v.series_of(m));
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    model::ActionItem a;
    a.resolution = x.id;
    a.title = required_string(body, "title", 300);
    if (a.title.empty()) throw invalid_field("title", "标题不能为空", "The title cannot be empty");
    a.owner = v.member_field(required_int(body, "owner", "owner", 1, INT64_MAX), "owner", v.series_of(m)).id;
    a.due_date = date_field(body, "due_date");
    if (a.due_date < m.date)
      throw invalid_field("due_date", "完成时间不能早于会议日期 " + format_date(m.date),
                          "The due date cannot be before the meeting date " + format_date(m.date));
    a.status = body.contains("status") ? action_status_field(body) : ActionStatus::todo;
    if (a.status == ActionStatus::done) a.done_date = v.today;
    Id id = ctx.store.add_action_item(a, c.user.id, auth::system_clock_seconds());
    View after(ctx, c);
    return http::json_response(201, after.action_json(*after.actions.at(id)));
  });

  r.add("PATCH", "/api/v1/actions/{id}", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    View v(ctx, c);
    model::ActionItem a = v.action(path_id(req));
    const model::Meeting& m = v.meeting_of(v.resolution_of(a));
    bool manage = v.can_manage(v.series_of(m));
    if (!analytics::may_update_action(c.user, a, manage)) throw forbidden();
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    patch_fields(body, {"title", "owner", "due_date", "status", "note", "version"});
    a.version = version_field(body, "version", "version").value_or(0);  // the one read; none = no check
    if (!manage)  // an owner who does not manage the series: status and progress only
      for (auto& kv : body)
        if (kv.key() != "version" && !analytics::owner_may_change(kv.key())) throw forbidden();
    ActionStatus before = a.status;
    if (body.contains("title")) {
      a.title = required_string(body, "title", 300);
      if (a.title.empty()) throw invalid_field("title", "标题不能为空", "The title cannot be empty");
    }
    if (body.contains("owner"))
      a.owner = v.member_field(required_int(body, "owner", "owner", 1, INT64_MAX), "owner", v.series_of(m)).id;
    if (body.contains("due_date")) {
      a.due_date = date_field(body, "due_date");
      if (a.due_date < m.date)
        throw invalid_field("due_date", "完成时间不能早于会议日期 " + format_date(m.date),
                            "The due date cannot be before the meeting date " + format_date(m.date));
    }
    if (body.contains("status")) a.status = action_status_field(body);
    if (a.status == ActionStatus::done && before != ActionStatus::done) a.done_date = v.today;
    if (a.status != ActionStatus::done) a.done_date.reset();
    std::string note = optional_text(body, "note", 4000);
    if (auto conflict = write_or_conflict(
            req, [&] { ctx.store.update_action_item(a, note, c.user.id, auth::system_clock_seconds()); },
            [&] { View now(ctx, c); return json::value(now.action_json(*now.actions.at(a.id))); }))
      return std::move(*conflict);
    View after(ctx, c);
    return http::json_response(200, after.action_json(*after.actions.at(a.id)));
  });

  r.add("POST", "/api/v1/actions/{id}/log", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    View v(ctx, c);
    const model::ActionItem& a = v.action(path_id(req));
    if (!analytics::may_update_action(c.user, a, v.can_manage(v.series_of(v.meeting_of(v.resolution_of(a))))))
      throw forbidden();
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    std::string text = required_string(body, "text", 4000);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
      throw invalid_field("text", "进展内容不能为空", "The progress note cannot be empty");
    ctx.store.add_action_log(a.id, text, c.user.id, auth::system_clock_seconds());
    View after(ctx, c);
    return http::json_response(201, after.action_json(*after.actions.at(a.id)));
  });
}

}  // namespace sl::api::act
