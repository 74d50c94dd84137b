// A1 meetings: series, meetings, opening (with carry-over), closing, carry-over updates and
// agenda items (including anomalies sent from D2/C4).
//   GET/POST /api/v1/meeting-series
//   GET/POST /api/v1/meetings, GET/PATCH /api/v1/meetings/{id}
//   POST /api/v1/meetings/{id}/status, POST /api/v1/meetings/{id}/carry-over/{resolution}
//   POST /api/v1/meetings/{id}/agenda
#include <algorithm>
#include <map>
#include <set>

#include "analytics/act/access.h"
#include "analytics/act/carry_over.h"
#include "analytics/act/overdue.h"
#include "api/act_common.h"
#include "api/paging.h"
#include "api/routes.h"
#include "api/version_conflict.h"

namespace sl::api::act {

namespace {

using model::MeetingStatus;

std::vector<Id> attendees_field(const View& v, const json::object& body, const model::MeetingSeries& s) {
  std::vector<Id> out;
  const auto& arr = required_array(body, "attendees");
  if (arr.size() > 200) throw invalid_field("attendees", "参会人过多", "Too many attendees");
  for (size_t i = 0; i < arr.size(); ++i) {
    std::string field = "attendees[" + std::to_string(i) + "]";
    json::object one{{"id", arr[i]}};
    const auto& u = v.member_field(required_int(one, "id", field, 1, INT64_MAX), field, s);
    if (std::find(out.begin(), out.end(), u.id) == out.end()) out.push_back(u.id);
  }
  return out;
}

Id chair_field(const View& v, const json::object& body, const model::MeetingSeries& s, Id fallback) {
  auto id = optional_int(body, "chair", "chair", 1, INT64_MAX);
  const model::User& u = id ? v.user_field(*id, "chair") : v.user_field(fallback, "chair");
  if (!v.may_chair(u, s))
    throw invalid_field("chair", u.display_name + " 不能主持该会议系列",
                        u.display_name + " cannot chair meetings of this series");
  return u.id;
}

const std::vector<std::string> kTypes = {"weekly", "monthly", "quarterly"};
const std::vector<std::string> kLevels = {"company", "region", "team"};

std::string one_of(const json::object& o, const std::string& field, const std::vector<std::string>& allowed) {
  std::string s = required_string(o, field, 40);
  if (std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
    std::string list;
    for (auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    throw invalid_field(field, field + " 应为 " + list, field + " must be one of " + list);
  }
  return s;
}

}  // namespace

void add_meeting_routes(http::Router& r, Context& ctx) {
  r.add("GET", "/api/v1/meeting-series", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    View v(ctx, c);
    json::array out;
    for (const auto& s : v.book.series) {
      if (!v.can_see_series(s)) continue;
      json::object o = v.series_json(s);
      int n = 0;
      const model::Meeting* next = nullptr;  // the earliest planned meeting: where anomalies go
      for (const auto& m : v.book.meetings) {
        if (m.series != s.id || !v.can_see(m)) continue;
        ++n;
        if (m.status == MeetingStatus::planned && (!next || m.date < next->date)) next = &m;
      }
      o["meeting_count"] = n;
      o["next_planned"] = next ? json::value(next->id) : json::value(nullptr);
      out.push_back(std::move(o));
    }
    return http::json_response(200, json::object{{"series", std::move(out)}});
  });

  r.add("POST", "/api/v1/meeting-series", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    if (!analytics::may_manage_some(c.user)) throw forbidden();  // whatever the body
    View v(ctx, c);
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    model::MeetingSeries s;
    s.name = required_string(body, "name", 100);
    if (s.name.empty()) throw invalid_field("name", "名称不能为空", "The name cannot be empty");
    s.type = one_of(body, "type", kTypes);
    s.level = one_of(body, "level", kLevels);
    const engine::Dims& d = *c.snap->dims;
    if (s.level == "company") {
      s.region = d.company == engine::kNone ? 0 : d.region_id[d.company];
    } else {
      s.region = required_int(body, "region", "region", 1, INT64_MAX);
      int32_t ri = d.find_region(s.region);
      if (ri == engine::kNone || ri == d.company)
        throw invalid_field("region", "区域不存在或不是下级区域", "No such region below the company");
    }
    v.require_manage(s);
    Id id = ctx.store.add_meeting_series(s, c.user.id, auth::system_clock_seconds());
    return http::json_response(201, json::object{{"id", id}});
  });

  // The meetings the caller sees, newest first, filtered (series, status, date range, a
  // resolution owner, with overdue resolutions, a text in the series name) and paged; counts
  // by status over the filtered list whatever the status filter, so the tabs show them.
  r.add("GET", "/api/v1/meetings", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    View v(ctx, c);
    std::string series = req.query_value("series"), status_text = req.query_value("status");
    Id sid = series.empty() ? 0 : query_id(series, "series");
    std::optional<MeetingStatus> status;  // none: every status
    if (!status_text.empty()) {
      status = model::parse_meeting_status(status_text);
      if (!status)
        throw invalid_field("status", "状态应为 " + codes_zh(model::meeting_status_codes()),
                            "status must be " + codes_en(model::meeting_status_codes()));
    }
    const std::string from_text = req.query_value("from"), to_text = req.query_value("to");
    const std::optional<Date> from = from_text.empty() ? std::nullopt : std::optional(query_date(from_text, "from"));
    const std::optional<Date> to = to_text.empty() ? std::nullopt : std::optional(query_date(to_text, "to"));
    if (from && to && *to < *from) throw invalid_field("to", "结束日期早于开始日期", "to is before from");
    const std::string owner_text = req.query_value("owner");
    const Id owner = owner_text.empty() ? 0 : query_id(owner_text, "owner");
    const std::string overdue_text = req.query_value("overdue");
    if (!overdue_text.empty() && overdue_text != "1" && overdue_text != "0")
      throw invalid_field("overdue", "overdue 应为 0 或 1", "overdue must be 0 or 1");
    const bool only_overdue = overdue_text == "1";
    const std::string text = req.query_value("q");
    if (text.size() > 100) throw invalid_field("q", "搜索文本过长", "The search text is too long");
    const Paging paging = read_paging(req);

    // Per meeting: owns a resolution of `owner`, has an overdue resolution.
    std::set<Id> owned, late;
    for (const auto& r : v.book.resolutions) {
      if (owner && r.owner == owner) owned.insert(r.meeting);
      if (v.resolution_overdue(r)) late.insert(r.meeting);
    }
    std::vector<const model::Meeting*> list;
    std::map<std::string, int64_t> by_status;
    for (const char* code : model::meeting_status_codes()) by_status[code] = 0;
    for (const auto& m : v.book.meetings) {
      if ((sid && m.series != sid) || (from && m.date < *from) || (to && *to < m.date)) continue;
      if ((owner && !owned.count(m.id)) || (only_overdue && !late.count(m.id))) continue;
      if (!text.empty() && v.series_of(m).name.find(text) == std::string::npos) continue;
      if (!v.can_see(m)) continue;
      ++by_status[model::meeting_status_code(m.status)];
      if (!status || m.status == *status) list.push_back(&m);
    }
    std::stable_sort(list.begin(), list.end(), [](auto* a, auto* b) { return a->date > b->date; });
    json::array out;
    for (size_t i = paging.first(list.size()); i < paging.last(list.size()); ++i) {
      json::object o = v.meeting_summary(*list[i]);
      o["has_overdue"] = late.count(list[i]->id) > 0;
      out.push_back(std::move(o));
    }
    json::object counts;
    for (const auto& [code, n] : by_status) counts[code] = n;
    json::object answer{{"meetings", std::move(out)}, {"counts", std::move(counts)}};
    add_paging(answer, list.size(), paging);
    return http::json_response(200, answer);
  });

  r.add("POST", "/api/v1/meetings", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    View v(ctx, c);
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    Id sid = required_int(body, "series", "series", 1, INT64_MAX);
    auto it = v.series.find(sid);
    if (it == v.series.end()) throw invalid_field("series", "会议系列不存在", "No such meeting series");
    const auto& s = *it->second;
    v.require_manage(s);
    model::Meeting m;
    m.series = s.id;
    m.date = date_field(body, "date");
    m.chair = chair_field(v, body, s, c.user.id);
    m.attendees = body.contains("attendees") ? attendees_field(v, body, s) : std::vector<Id>{};
    if (std::find(m.attendees.begin(), m.attendees.end(), m.chair) == m.attendees.end())
      m.attendees.insert(m.attendees.begin(), m.chair);
    m.agenda = optional_text(body, "agenda", 20000);
    Id id = ctx.store.add_meeting(m, c.user.id, auth::system_clock_seconds());
    return http::json_response(201, json::object{{"id", id}});
  });

  r.add("GET", "/api/v1/meetings/{id}", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    View v(ctx, c);
    return http::json_response(200, v.meeting_detail(v.meeting(path_id(req))));
  });

  r.add("PATCH", "/api/v1/meetings/{id}", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    View v(ctx, c);
    model::Meeting m = v.meeting(path_id(req));
    const auto& s = v.series_of(m);
    v.require_manage(s);
    require_not_closed(m);
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    patch_fields(body, {"date", "chair", "attendees", "agenda", "minutes", "version"});
    m.version = version_field(body, "version", "version").value_or(0);  // the one read; none = no check
    if (body.contains("date")) m.date = date_field(body, "date");
    if (body.contains("chair")) m.chair = chair_field(v, body, s, c.user.id);
    if (body.contains("attendees")) m.attendees = attendees_field(v, body, s);
    if (body.contains("agenda")) m.agenda = optional_text(body, "agenda", 20000);
    if (body.contains("minutes")) m.minutes = optional_text(body, "minutes", 100000);
    // Resolutions made in this meeting cannot be due before it: moving the date later is
    // checked against them.
    for (const auto& r : v.book.resolutions)
      if (r.meeting == m.id && r.due_date < m.date)
        throw invalid_field("date", "会议日期晚于本次决议的完成时间",
                            "The date is after the due date of a resolution made in it");
    if (auto conflict = write_or_conflict(
            req, [&] { ctx.store.update_meeting(m, c.user.id, auth::system_clock_seconds()); },
            [&] { View now(ctx, c); return json::value(now.meeting_detail(now.meeting(m.id))); }))
      return std::move(*conflict);
    View after(ctx, c);
    return http::json_response(200, after.meeting_detail(after.meeting(m.id)));
  });

  r.add("POST", "/api/v1/meetings/{id}/status", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    View v(ctx, c);
    const model::Meeting& m = v.meeting(path_id(req));
    v.require_manage(v.series_of(m));
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    // The two moves a meeting makes: planned → open → closed.
    auto to = model::parse_meeting_status(
        one_of(body, "status",
               {model::meeting_status_code(MeetingStatus::open), model::meeting_status_code(MeetingStatus::closed)}));
    if (m.status == MeetingStatus::closed)
      throw invalid_field("status", "会议已关闭，状态不能再改变", "The meeting is closed; its status cannot change");
    if (to == MeetingStatus::open) {
      if (m.status != MeetingStatus::planned)
        throw invalid_field("status", "会议已经开始", "The meeting is already open");
      ctx.store.open_meeting(m.id, analytics::carry_over_for(m, v.book.meetings, v.book.resolutions), c.user.id,
                             auth::system_clock_seconds());
    } else {
      ctx.store.close_meeting(m.id, c.user.id, auth::system_clock_seconds());  // 409 while carry-over lacks updates
    }
    View after(ctx, c);
    return http::json_response(200, after.meeting_detail(after.meeting(m.id)));
  });

  r.add("POST", "/api/v1/meetings/{id}/carry-over/{resolution}", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    View v(ctx, c);
    const model::Meeting& m = v.meeting(path_id(req));
    v.require_manage(v.series_of(m));
    Id rid = path_id(req, "resolution");
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    std::string text = required_string(body, "update", 4000);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
      throw invalid_field("update", "请填写本次会议上的状态更新", "Write the status update given in this meeting");
    std::string status_text = optional_text(body, "status", 20);
    std::optional<model::ResolutionStatus> status;  // none: the update leaves the status as it is
    if (!status_text.empty()) {
      status = model::parse_resolution_status(status_text);
      if (!status)
        throw invalid_field("status", "状态应为 " + codes_zh(model::resolution_status_codes()),
                            "status must be " + codes_en(model::resolution_status_codes()));
    }
    require_not_closed(m);
    ctx.store.update_carry_over(m.id, rid, text, status, v.today, c.user.id, auth::system_clock_seconds());
    View after(ctx, c);
    return http::json_response(200, after.meeting_detail(after.meeting(m.id)));
  });

  r.add("POST", "/api/v1/meetings/{id}/agenda", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    View v(ctx, c);
    const model::Meeting& m = v.meeting(path_id(req));
    v.require_manage(v.series_of(m));
    require_not_closed(m);
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    store::Store::AgendaItem a;
    a.meeting = m.id;
    a.title = required_string(body, "title", 300);
    if (a.title.empty()) throw invalid_field("title", "标题不能为空", "The title cannot be empty");
    a.source = optional_text(body, "source", 10);
    if (!a.source.empty() && a.source != "d2" && a.source != "c4")
      throw invalid_field("source", "来源应为 d2 或 c4", "source must be d2 or c4");
    a.source_key = optional_text(body, "key", 300);
    if (!a.source.empty() && a.source_key.empty()) throw missing_field("key");
    if (auto* f = body.if_contains("figures"); f && !f->is_null()) {
      if (!f->is_object()) throw invalid_field("figures", "figures 应为 JSON 对象", "figures must be a JSON object");
      a.figures = json::serialize(*f);
      if (a.figures.size() > 20000) throw invalid_field("figures", "内容过长：figures", "Too long: figures");
    }
    Id id = ctx.store.add_agenda_item(a, c.user.id, auth::system_clock_seconds());
    return http::json_response(201, json::object{{"id", id}, {"meeting_id", m.id}});
  });
}

}  // namespace sl::api::act

namespace sl::api {

void add_act_routes(http::Router& r, Context& ctx) {
  act::add_meeting_routes(r, ctx);
  act::add_act_item_routes(r, ctx);
  act::add_act_todo_routes(r, ctx);
}

}  // namespace sl::api
