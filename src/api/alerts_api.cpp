// /api/v1/alerts (issue 14): the caller's own alerts and what they do with them.
//   GET  /api/v1/alerts?state=&page=&page_size=   {alerts, unread, total, page, page_size}
//   POST /api/v1/alerts/read                       every unread one read
//   POST /api/v1/alerts/{id}/read | /ack           one read | acknowledged
//   POST /api/v1/alerts/{id}/snooze {until}        hidden from unread through that date
//   POST /api/v1/alerts/{id}/agenda {meeting?}     onto the agenda of a meeting the caller runs
//                                                  (default: their next planned one), as D2 does
// Someone else's alert is 404.
#include "api/act_common.h"
#include "api/alerts.h"
#include "api/json_fields.h"
#include "api/paging.h"
#include "api/routes.h"
#include "auth/auth.h"

namespace sl::api {

namespace {

using Alert = store::AlertStore::Alert;

const std::vector<std::string> kStates{"", "open", "closed", "unread", "acked", "snoozed"};

json::object alert_json(const Alert& a, const std::string& today, Lang lang) {
  const bool snoozed = !a.snoozed_until.empty() && a.snoozed_until >= today;
  return json::object{{"id", a.id},
                      {"rule", a.rule},
                      {"key", a.key},
                      {"state", a.state},
                      {"title", lang == Lang::en ? a.title_en : a.title_zh},
                      {"title_zh", a.title_zh},
                      {"title_en", a.title_en},
                      {"measured", opt(a.measured)},
                      {"threshold", a.threshold},
                      {"link", a.link},
                      {"figures", json::parse(a.figures.empty() ? "{}" : a.figures)},
                      {"opened_at", iso_time(a.opened_at)},
                      {"closed_at", a.closed_at ? json::value(json::string(iso_time(a.closed_at))) : json::value(nullptr)},
                      {"read", a.read_at != 0 || a.acked_at != 0},
                      {"acked", a.acked_at != 0},
                      {"snoozed_until", a.snoozed_until.empty() ? json::value(nullptr) : json::value(json::string(a.snoozed_until))},
                      {"snoozed", snoozed},
                      {"agenda_item", a.agenda_item ? json::value(a.agenda_item) : json::value(nullptr)},
                      {"meeting", a.meeting ? json::value(a.meeting) : json::value(nullptr)}};
}

Alert owned(Context& ctx, const Caller& c, const http::Request& req) {
  auto a = ctx.store.find_alert(query_id(req.params.at("id"), "id"));
  if (!a || a->owner != c.user.id) throw not_found();
  return *a;
}

http::Response answer(Context& ctx, const http::Request& req, const Alert& a) {
  return http::json_response(200, alert_json(a, format_date(ctx.today()), req.lang()));
}

// The meeting an alert goes to: the one named (404 unless the caller sees it, 403 unless they
// run its series, 422 when closed), else the caller's next planned meeting from today on.
const model::Meeting& target_meeting(const act::View& v, const json::object& body) {
  if (auto id = optional_int(body, "meeting", "meeting", 1, INT64_MAX)) {
    const model::Meeting& m = v.meeting(*id);
    v.require_manage(v.series_of(m));
    act::require_not_closed(m);
    return m;
  }
  const model::Meeting* next = nullptr;
  for (const auto& m : v.book.meetings)
    if (m.status == model::MeetingStatus::planned && v.today <= m.date && v.can_manage(v.series_of(m)) &&
        (!next || m.date < next->date || (m.date == next->date && m.id < next->id)))
      next = &m;
  if (!next)
    throw invalid_field("meeting", "没有您主持的待开会议，请先安排一次会议",
                        "There is no planned meeting of a series you run; plan one first");
  return *next;
}

}  // namespace

void add_alert_routes(http::Router& r, Context& ctx) {
  r.add("GET", "/api/v1/alerts", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    store::AlertStore::AlertQuery q;
    q.owner = c.user.id;
    q.today = format_date(ctx.today());
    if (auto it = req.query.find("state"); it != req.query.end()) q.state = it->second;
    if (std::find(kStates.begin(), kStates.end(), q.state) == kStates.end())
      throw invalid_field("state", "state 应为 open、closed、unread、acked 或 snoozed",
                          "state must be open, closed, unread, acked or snoozed");
    const Paging p = read_paging(req, 20);
    q.limit = static_cast<int>(p.size);
    q.offset = static_cast<int>((p.page - 1) * p.size);
    const auto page = ctx.store.alerts(q);
    json::array list;
    for (const auto& a : page.rows) list.push_back(alert_json(a, q.today, req.lang()));
    json::object out{{"alerts", std::move(list)}, {"unread", page.unread}};
    add_paging(out, static_cast<size_t>(page.total), p);
    return http::json_response(200, out);
  });
  r.add("POST", "/api/v1/alerts/read", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const int64_t n = ctx.store.mark_alerts_read(c.user.id, auth::system_clock_seconds());
    return http::json_response(200, json::object{{"marked", n}});
  });
  r.add("POST", "/api/v1/alerts/{id}/read", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    Alert a = owned(ctx, c, req);
    if (!a.read_at) a.read_at = auth::system_clock_seconds();
    ctx.store.mark_alert(a);
    return answer(ctx, req, a);
  });
  r.add("POST", "/api/v1/alerts/{id}/ack", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    Alert a = owned(ctx, c, req);
    const int64_t now = auth::system_clock_seconds();
    if (!a.read_at) a.read_at = now;
    if (!a.acked_at) a.acked_at = now;
    ctx.store.mark_alert(a);
    return answer(ctx, req, a);
  });
  r.add("POST", "/api/v1/alerts/{id}/snooze", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    Alert a = owned(ctx, c, req);
    const json::value parsed = http::parse_json_body(req);
    const Date until = required_date(as_object(parsed, "body"), "until", "until");
    const Date today = ctx.today();
    if (until <= today || until.days > today.days + 366)
      throw invalid_field("until", "暂缓日期应在今天之后一年以内", "until must be after today and within a year");
    a.snoozed_until = format_date(until);
    ctx.store.mark_alert(a);
    return answer(ctx, req, a);
  });
  r.add("POST", "/api/v1/alerts/{id}/agenda", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    Alert a = owned(ctx, c, req);
    const json::value parsed = req.body.empty() ? json::value(json::object{}) : http::parse_json_body(req);
    act::View v(ctx, c);
    const model::Meeting& m = target_meeting(v, as_object(parsed, "body"));
    // The agenda item D2 and C4 make (meetings_api.cpp): a D2 anomaly alert is that anomaly; the key
    // names the alert either way.
    store::Store::AgendaItem g;
    g.meeting = m.id;
    g.title = req.lang() == Lang::en ? a.title_en : a.title_zh;
    if (g.title.size() > 300) {  // the agenda's limit, cut on a UTF-8 character boundary
      size_t n = 300;
      while (n > 0 && (static_cast<unsigned char>(g.title[n]) & 0xC0) == 0x80) --n;
      g.title.resize(n);
    }
    const auto rule = ctx.store.find_alert_rule(a.rule);
    const bool d2 = rule && rule->kind == "anomaly" && rule->metric == "d2";
    g.source = d2 ? "d2" : "";  // agenda_items.source is '', d2 or c4: a threshold alert is a plain item
    g.source_key = d2 ? a.key : "alert:" + std::to_string(a.id);
    g.figures = a.figures.empty() ? "{}" : a.figures;
    const int64_t now = auth::system_clock_seconds();
    a.agenda_item = ctx.store.add_agenda_item(g, c.user.id, now);
    a.meeting = m.id;
    if (!a.read_at) a.read_at = now;
    ctx.store.mark_alert(a);
    return http::json_response(201, json::object{{"agenda_item", a.agenda_item}, {"meeting_id", m.id},
                                                 {"alert", alert_json(a, format_date(ctx.today()), req.lang())}});
  });
}

}  // namespace sl::api
