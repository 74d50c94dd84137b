// A1 read-outs: GET /api/v1/todos (the caller's open resolutions and action items, overdue
// first; the D1 cockpit shows the same list), GET /api/v1/act/stats (会议执行统计) and
// GET /api/v1/act/people (whom the caller may pick as chair, attendee or owner).
#include "analytics/act/access.h"
#include "analytics/act/loop_figures.h"
#include "analytics/act/overdue.h"
#include "api/act_common.h"
#include "api/paging.h"
#include "api/routes.h"

namespace sl::api::act {

namespace {

// Overdue by more than this many days: "long overdue".
constexpr int kLongOverdueDays = 90;

// Whose items GET /todos lists: the caller's, or with ?rep=ID the user of that rep, whom the
// caller's Scope must see (404 otherwise; a rep sees only themself). 0 when the rep has no
// user (no items). The D1 cockpit asks for the rep it shows (issue 9 item 8).
Id todo_owner(const View& v, const http::Request& req) {
  const std::string text = req.query_value("rep");
  if (text.empty()) return v.c.user.id;
  const Id rep = query_id(text, "rep");
  const engine::Dims& d = *v.c.snap->dims;
  int32_t p = d.find_rep(rep);
  if (p == engine::kNone || !v.c.scope.sees_rep(p)) throw not_found();
  if (v.c.user.role == model::Role::rep && v.c.user.rep == rep) return v.c.user.id;
  for (const auto& [id, u] : v.users)
    if (u.role == model::Role::rep && u.rep == rep) return id;
  return 0;
}

// Another user's item is listed only where the caller may see it (the A1 access rules).
bool visible_to_caller(const View& v, const analytics::Todo& t) {
  if (t.kind == analytics::Todo::resolution) {
    const auto& r = *v.resolutions.at(t.id);
    const auto& m = v.meeting_of(r);
    return analytics::may_see_resolution(*v.c.snap->dims, v.c.user, v.series_of(m), m, r, v.owns_in);
  }
  const auto& a = *v.actions.at(t.id);
  const auto& m = v.meeting_of(v.resolution_of(a));
  return analytics::may_see_action(*v.c.snap->dims, v.c.user, v.series_of(m), m, a, v.owns_in);
}

json::value rate(const std::optional<double>& v) { return v ? json::value(*v) : json::value(nullptr); }

json::object figures_json(const analytics::LoopFigures& f) {
  return json::object{{"resolutions", f.resolutions},
                      {"closable", f.closable},
                      {"done", f.done},
                      {"done_on_time", f.done_on_time},
                      {"closure_rate", rate(f.closure_rate)},
                      {"on_time_rate", rate(f.on_time_rate)},
                      {"mean_days_to_close", rate(f.mean_days_to_close)},
                      {"overdue_resolutions", f.overdue_resolutions},
                      {"overdue_actions", f.overdue_actions}};
}

}  // namespace

void add_act_todo_routes(http::Router& r, Context& ctx) {
  // The caller's open items (or with rep=ID that rep's, as far as the caller may see them),
  // overdue first; filtered (kind, overdue=1|long, series) and paged, with
  // counts over the filtered list. An item overdue by more than kLongOverdueDays is "long
  // overdue" (the page groups them apart: a 2023 item still open is a different problem).
  r.add("GET", "/api/v1/todos", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    View v(ctx, c);
    const std::string kind = req.query_value("kind"), overdue_text = req.query_value("overdue");
    if (!kind.empty() && kind != "resolution" && kind != "action")
      throw invalid_field("kind", "kind 应为 resolution 或 action", "kind must be resolution or action");
    if (!overdue_text.empty() && overdue_text != "1" && overdue_text != "0" && overdue_text != "long")
      throw invalid_field("overdue", "overdue 应为 0、1 或 long", "overdue must be 0, 1 or long");
    const std::string series_text = req.query_value("series");
    const Id series = series_text.empty() ? 0 : query_id(series_text, "series");
    const Paging paging = read_paging(req);
    std::vector<analytics::Todo> list;
    int64_t overdue = 0, long_overdue = 0;
    const Id owner = todo_owner(v, req);
    for (auto& t : analytics::todos_for(owner, v.book.resolutions, v.book.action_items, v.today, v.goal_met)) {
      if (owner != c.user.id && !visible_to_caller(v, t)) continue;
      if (!kind.empty() && kind != (t.kind == analytics::Todo::resolution ? "resolution" : "action")) continue;
      const bool long_late = t.overdue && v.today.days - t.due.days > kLongOverdueDays;
      if ((overdue_text == "1" && !t.overdue) || (overdue_text == "long" && !long_late)) continue;
      if (series && v.meeting_of(*v.resolutions.at(t.resolution_id)).series != series) continue;
      overdue += t.overdue;
      long_overdue += long_late;
      list.push_back(std::move(t));
    }
    json::array items;
    for (size_t i = paging.first(list.size()); i < paging.last(list.size()); ++i) {
      const auto& t = list[i];
      const auto& res = *v.resolutions.at(t.resolution_id);
      const auto& m = v.meeting_of(res);
      items.push_back(json::object{{"kind", t.kind == analytics::Todo::resolution ? "resolution" : "action"},
                                   {"id", t.id},
                                   {"title", t.title},
                                   {"due_date", format_date(t.due)},
                                   {"status", t.status},
                                   {"overdue", t.overdue},
                                   {"goal_met", t.goal_met},
                                   {"long_overdue", t.overdue && v.today.days - t.due.days > kLongOverdueDays},
                                   {"meeting_id", t.meeting},
                                   {"resolution_id", t.resolution_id},
                                   {"resolution_title", res.title},
                                   {"meeting_date", format_date(m.date)},
                                   {"series_id", m.series},
                                   {"series_name", v.series_of(m).name}});
    }
    json::object answer{
        {"today", format_date(v.today)},
        {"owner", v.user_ref(owner)},
        {"items", std::move(items)},
        {"counts", json::object{{"all", list.size()}, {"overdue", overdue}, {"long_overdue", long_overdue}}}};
    add_paging(answer, list.size(), paging);
    return http::json_response(200, answer);
  });

  r.add("GET", "/api/v1/act/stats", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    View v(ctx, c);
    const auto [p, f] = stats_of(v, req);
    json::array series, owners, regions, trend;
    for (const auto& s : f.by_series)
      series.push_back(json::object{{"id", s.id}, {"name", s.name}, {"figures", figures_json(s.figures)}});
    for (const auto& o : f.by_owner)
      owners.push_back(json::object{{"id", o.id == 0 ? json::value(nullptr) : json::value(o.id)},
                                    {"name", v.user_name(o.id)},
                                    {"resolutions", o.resolutions},
                                    {"actions", o.actions}});
    const engine::Dims& d = *c.snap->dims;
    for (const auto& o : f.by_region) {
      int32_t ri = d.find_region(o.id);
      regions.push_back(json::object{{"id", o.id},
                                     {"name", ri == engine::kNone ? "" : d.region_name[ri]},
                                     {"resolutions", o.resolutions},
                                     {"actions", o.actions}});
    }
    for (const auto& m : f.trend)
      trend.push_back(json::object{{"month", format_month(m.month)}, {"figures", figures_json(m.figures)}});
    return http::json_response(200,
                               json::object{{"as_of", format_date(p.as_of)},
                                            {"series_id", p.series == 0 ? json::value(nullptr) : json::value(p.series)},
                                            {"overall", figures_json(f.overall)},
                                            {"by_series", std::move(series)},
                                            {"overdue_by_owner", std::move(owners)},
                                            {"overdue_by_region", std::move(regions)},
                                            {"trend", std::move(trend)}});
  });

  r.add("GET", "/api/v1/act/people", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    View v(ctx, c);
    const engine::Dims& d = *c.snap->dims;
    json::array out;
    for (const auto& [id, u] : v.users) {
      if (!u.active) continue;
      if (!analytics::may_pick(d, c.scope, c.user, u)) continue;
      out.push_back(json::object{{"id", u.id},
                                 {"name", u.display_name},
                                 {"login", u.login},
                                 {"role", model::role_code(u.role)},
                                 {"region", u.region == 0 ? json::value(nullptr) : json::value(u.region)},
                                 {"rep", u.rep == 0 ? json::value(nullptr) : json::value(u.rep)}});
    }
    return http::json_response(200, json::object{{"users", std::move(out)}});
  });
}

}  // namespace sl::api::act
