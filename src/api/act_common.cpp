#include "api/act_common.h"

#include <set>

#include "analytics/act/access.h"
#include "analytics/act/overdue.h"

namespace sl::api::act {

using engine::kNone;

View::View(Context& ctx, const Caller& c) : ctx(ctx), c(c), today(ctx.today()), book(ctx.store.load_meeting_book()) {
  for (auto& u : ctx.store.list_users()) users[u.id] = u;
  for (auto& s : book.series) series[s.id] = &s;
  for (auto& m : book.meetings) meetings[m.id] = &m;
  for (auto& r : book.resolutions) resolutions[r.id] = &r;
  for (auto& a : book.action_items) actions[a.id] = &a;
  owns_in = analytics::meetings_with_items_of(c.user.id, book.resolutions, book.action_items);
  for (const auto& g : book.goal_checks)
    if (auto it = resolutions.find(g.resolution); g.met && it != resolutions.end() && it->second->due_date == g.as_of)
      goal_met.insert(g.resolution);
}

const model::MeetingSeries& View::series_of(const model::Meeting& m) const { return *series.at(m.series); }
const model::Meeting& View::meeting_of(const model::Resolution& r) const { return *meetings.at(r.meeting); }
const model::Resolution& View::resolution_of(const model::ActionItem& a) const { return *resolutions.at(a.resolution); }

namespace {

std::string join_codes(std::span<const char* const> codes, const char* sep, const char* last) {
  std::string s;
  for (size_t i = 0; i < codes.size(); ++i) {
    if (i > 0) s += i + 1 == codes.size() ? last : sep;
    s += codes[i];
  }
  return s;
}

// "" when the update left the resolution's status as it was.
const char* status_set_code(const store::Store::CarryOver& co) {
  return co.status_set ? model::resolution_status_code(*co.status_set) : "";
}

}  // namespace

bool View::can_manage(const model::MeetingSeries& s) const { return analytics::may_manage(*c.snap->dims, c.user, s); }
bool View::may_chair(const model::User& u, const model::MeetingSeries& s) const {
  return analytics::may_chair(*c.snap->dims, u, s);
}
bool View::in_series_region(const model::User& u, const model::MeetingSeries& s) const {
  return analytics::in_series_region(*c.snap->dims, u, s);
}
bool View::can_see(const model::Meeting& m) const {
  return analytics::may_see_meeting(*c.snap->dims, c.user, series_of(m), m, owns_in);
}
bool View::can_see_series(const model::MeetingSeries& s) const {
  return analytics::may_see_series(*c.snap->dims, c.user, s, book.meetings, owns_in);
}

const model::Meeting& View::meeting(Id id) const {
  auto it = meetings.find(id);
  if (it == meetings.end() || !can_see(*it->second)) throw not_found();
  return *it->second;
}

const model::Resolution& View::resolution(Id id) const {
  auto it = resolutions.find(id);
  if (it == resolutions.end()) throw not_found();
  const model::Resolution& r = *it->second;
  const model::Meeting& m = meeting_of(r);
  if (!analytics::may_see_resolution(*c.snap->dims, c.user, series_of(m), m, r, owns_in)) throw not_found();
  return r;
}

const model::ActionItem& View::action(Id id) const {
  auto it = actions.find(id);
  if (it == actions.end()) throw not_found();
  const model::ActionItem& a = *it->second;
  const model::Meeting& m = meeting_of(resolution_of(a));
  if (!analytics::may_see_action(*c.snap->dims, c.user, series_of(m), m, a, owns_in)) throw not_found();
  return a;
}

void View::require_manage(const model::MeetingSeries& s) const {
  if (!can_manage(s)) throw forbidden();
}

const model::User& View::user_field(int64_t id, const std::string& field) const {
  auto it = users.find(id);
  if (it == users.end() || !it->second.active)
    throw invalid_field(field, "用户不存在：" + std::to_string(id), "No such user: " + std::to_string(id));
  return it->second;
}

const model::User& View::member_field(int64_t id, const std::string& field, const model::MeetingSeries& s) const {
  const model::User& u = user_field(id, field);
  if (!in_series_region(u, s))
    throw invalid_field(field, u.display_name + " 不属于该会议系列的区域",
                        u.display_name + " is outside the region of this meeting series");
  return u;
}

std::string View::user_name(Id id) const {
  auto it = users.find(id);
  return it == users.end() ? "" : it->second.display_name;
}

json::object View::user_ref(Id id) const {
  if (id == 0) return json::object{{"id", nullptr}, {"name", ""}};
  auto it = users.find(id);
  if (it == users.end()) return json::object{{"id", id}, {"name", ""}, {"role", ""}, {"region_name", ""}};
  // The role (and a manager's region) beside the name: people are shown with what they do.
  const engine::Dims& d = *c.snap->dims;
  const int32_t r = it->second.region ? d.find_region(it->second.region) : kNone;
  return json::object{{"id", id},
                      {"name", it->second.display_name},
                      {"role", model::role_code(it->second.role)},
                      {"region_name", r == kNone ? "" : d.region_name[r]}};
}

json::object View::series_json(const model::MeetingSeries& s) const {
  const engine::Dims& d = *c.snap->dims;
  int32_t r = d.find_region(s.region);
  json::value region =
      r == kNone ? json::value(nullptr) : json::value(json::object{{"id", s.region}, {"name", d.region_name[r]}});
  return json::object{{"id", s.id},
                      {"name", s.name},
                      {"type", s.type},
                      {"level", s.level},
                      {"region", std::move(region)},
                      {"can_manage", can_manage(s)}};
}

json::object View::meeting_summary(const model::Meeting& m) const {
  int resolutions_n = 0, pending = 0, carry = 0;
  for (const auto& r : book.resolutions) resolutions_n += r.meeting == m.id;
  for (const auto& co : book.carry_overs)
    if (co.meeting == m.id) {
      ++carry;
      pending += co.update.empty();
    }
  const auto& s = series_of(m);
  return json::object{{"id", m.id},
                      {"series", json::object{{"id", s.id}, {"name", s.name}, {"type", s.type}, {"level", s.level}}},
                      {"date", format_date(m.date)},
                      {"status", model::meeting_status_code(m.status)},
                      {"chair", user_ref(m.chair)},
                      {"attendee_count", m.attendees.size()},
                      {"resolution_count", resolutions_n},
                      {"carry_over_count", carry},
                      {"carry_over_pending", pending},
                      {"can_manage", can_manage(s)}};
}

bool View::resolution_overdue(const model::Resolution& r) const {
  return analytics::resolution_overdue(r, today, goal_met.count(r.id) > 0);
}

bool View::flagged(const model::Resolution& r) const {
  if (r.status != model::ResolutionStatus::done || r.goal_metric.empty()) return false;
  for (const auto& g : book.goal_checks)
    if (g.resolution == r.id && g.as_of == r.due_date) return !g.met;
  return false;
}

json::object View::action_json(const model::ActionItem& a) const {
  json::array log;
  for (const auto& l : book.action_log)
    if (l.action_item == a.id)
      log.push_back(json::object{{"at", iso_time(l.at)}, {"user", user_ref(l.user)}, {"text", l.text}});
  const auto& r = resolution_of(a);
  bool manage = can_manage(series_of(meeting_of(r)));
  return json::object{{"id", a.id},
                      {"resolution_id", a.resolution},
                      {"title", a.title},
                      {"owner", user_ref(a.owner)},
                      {"due_date", format_date(a.due_date)},
                      {"status", model::action_status_code(a.status)},
                      {"done_date", a.done_date ? json::value(format_date(*a.done_date)) : json::value(nullptr)},
                      {"overdue", analytics::overdue(a.due_date, today, analytics::action_open(a.status))},
                      {"can_update", analytics::may_update_action(c.user, a, manage)},
                      {"can_edit", manage},
                      {"version", a.version},
                      {"log", std::move(log)}};
}

json::object View::resolution_json(const model::Resolution& r) const {
  json::value goal = nullptr;
  if (!r.goal_metric.empty()) {
    json::value check = nullptr;
    for (const auto& g : book.goal_checks)
      if (g.resolution == r.id && g.as_of == r.due_date)
        check = json::object{{"as_of", format_date(g.as_of)},
                             {"evaluated_at", iso_time(g.evaluated_at)},
                             {"measured", opt(g.measured)},
                             {"met", g.met}};
    goal = json::object{{"metric", r.goal_metric},
                        {"scope", r.goal_scope},
                        {"comparator", r.goal_comparator},
                        {"value", r.goal_value},
                        {"check", std::move(check)}};
  }
  json::value link = nullptr;
  for (const auto& g : book.agenda)
    if (g.resolution == r.id && !g.source.empty()) {
      json::value figures = nullptr;
      boost::system::error_code ec;
      if (!g.figures.empty()) figures = json::parse(g.figures, ec);
      if (ec) figures = nullptr;
      link = json::object{{"agenda_item", g.id},
                          {"source", g.source},
                          {"key", g.source_key},
                          {"title", g.title},
                          {"figures", std::move(figures)}};
    }
  json::array acts;
  for (const auto& a : book.action_items)
    if (a.resolution == r.id) acts.push_back(action_json(a));
  const auto& m = meeting_of(r);
  return json::object{{"id", r.id},
                      {"version", r.version},
                      {"meeting_id", r.meeting},
                      {"meeting_date", format_date(m.date)},
                      {"series_name", series_of(m).name},
                      {"title", r.title},
                      {"description", r.description},
                      {"owner", user_ref(r.owner)},
                      {"expected", r.expected},
                      {"goal", std::move(goal)},
                      {"due_date", format_date(r.due_date)},
                      {"status", model::resolution_status_code(r.status)},
                      {"closed_date", r.closed_date ? json::value(format_date(*r.closed_date)) : json::value(nullptr)},
                      {"overdue", resolution_overdue(r)},
                      {"flagged", flagged(r)},
                      {"goal_met", goal_met.count(r.id) > 0},
                      // One click to 已完成 for whoever may move its status, while the met goal awaits it.
                      {"can_confirm", goal_met.count(r.id) > 0 && analytics::resolution_open(r.status) &&
                                          analytics::may_update_resolution(c.user, r, can_manage(series_of(m)), true)},
                      {"link", std::move(link)},
                      {"can_edit", can_manage(series_of(m))},
                      {"actions", std::move(acts)}};
}

json::object View::meeting_detail(const model::Meeting& m) const {
  json::object out = meeting_summary(m);
  const auto& s = series_of(m);
  out["series"] = series_json(s);
  out["agenda"] = m.agenda;
  out["minutes"] = m.minutes;
  out["version"] = m.version;  // sent back with an edit (PATCH): 409 when it moved on
  json::array attendees;
  for (Id a : m.attendees) attendees.push_back(user_ref(a));
  out["attendees"] = std::move(attendees);
  json::array agenda;
  for (const auto& g : book.agenda) {
    if (g.meeting != m.id) continue;
    json::value figures = nullptr;
    boost::system::error_code ec;
    if (!g.figures.empty()) figures = json::parse(g.figures, ec);
    if (ec) figures = nullptr;
    agenda.push_back(
        json::object{{"id", g.id},
                     {"title", g.title},
                     {"source", g.source},
                     {"key", g.source_key},
                     {"figures", std::move(figures)},
                     {"resolution_id", g.resolution == 0 ? json::value(nullptr) : json::value(g.resolution)},
                     {"created_by", user_ref(g.created_by)},
                     {"created_at", iso_time(g.created_at)}});
  }
  out["agenda_items"] = std::move(agenda);
  json::array own;
  for (const auto& r : book.resolutions)
    if (r.meeting == m.id) own.push_back(resolution_json(r));
  out["resolutions"] = std::move(own);

  // Carry-over with each item's history: every earlier meeting that took it up and what
  // was said there, oldest first.
  json::array carry;
  for (const auto& co : book.carry_overs) {
    if (co.meeting != m.id) continue;
    auto rit = resolutions.find(co.resolution);
    if (rit == resolutions.end()) continue;
    json::array history;
    for (const auto& h : book.carry_overs) {
      if (h.resolution != co.resolution || h.meeting == m.id) continue;
      auto hm = meetings.find(h.meeting);
      history.push_back(
          json::object{{"meeting_id", h.meeting},
                       {"meeting_date", hm == meetings.end() ? "" : format_date(hm->second->date)},
                       {"status_before", model::resolution_status_code(h.status_before)},
                       {"update", h.update},
                       {"status_set", status_set_code(h)},
                       {"updated_by", user_ref(h.updated_by)},
                       {"updated_at", h.updated_at ? json::value(iso_time(h.updated_at)) : json::value(nullptr)}});
    }
    carry.push_back(
        json::object{{"resolution", resolution_json(*rit->second)},
                     {"status_before", model::resolution_status_code(co.status_before)},
                     {"update", co.update},
                     {"status_set", status_set_code(co)},
                     {"updated_by", user_ref(co.updated_by)},
                     {"updated_at", co.updated_at ? json::value(iso_time(co.updated_at)) : json::value(nullptr)},
                     {"history", std::move(history)}});
  }
  out["carry_over"] = std::move(carry);
  bool manage = can_manage(s);
  out["can_open"] = manage && m.status == model::MeetingStatus::planned;
  out["can_close"] = manage && m.status == model::MeetingStatus::open && out["carry_over_pending"].as_int64() == 0;
  return out;
}

std::string optional_text(const json::object& o, const std::string& field, size_t max_len) {
  auto* v = o.if_contains(field);
  if (!v || v->is_null()) return "";
  return required_string(o, field, max_len);
}

Date date_field(const json::object& o, const std::string& field) {
  return query_date(required_string(o, field, 20), field);
}

void require_not_closed(const model::Meeting& m) {
  if (m.status == model::MeetingStatus::closed)
    throw invalid_field("status", "会议已关闭，内容只读", "The meeting is closed and read-only");
}

std::string codes_zh(std::span<const char* const> codes) { return join_codes(codes, "、", " 或 "); }
std::string codes_en(std::span<const char* const> codes) { return join_codes(codes, ", ", " or "); }

Id path_id(const http::Request& req, const char* name) {
  auto it = req.params.find(name);
  if (it == req.params.end()) throw not_found();
  try {
    return query_id(it->second, name);
  } catch (const AppError&) {
    throw not_found();
  }
}

Stats stats_of(const View& v, const http::Request& req) {
  analytics::FiguresParams p;
  p.as_of = req.query_value("as_of").empty() ? v.today : query_date(req.query_value("as_of"), "as_of");
  p.goal_met = v.goal_met;
  if (!req.query_value("series").empty()) {
    p.series = query_id(req.query_value("series"), "series");
    auto it = v.series.find(p.series);
    if (it == v.series.end() || !v.can_see_series(*it->second)) throw not_found();
  }
  if (!req.query_value("months").empty()) {
    p.months = static_cast<int>(query_id(req.query_value("months"), "months"));
    if (p.months > 60) throw invalid_field("months", "最多 60 个月", "At most 60 months");
  }
  // Only meetings the caller may see count; the Scope further limits the region rows.
  std::vector<model::Meeting> visible;
  for (const auto& m : v.book.meetings)
    if (v.can_see(m)) visible.push_back(m);
  auto f = analytics::act_figures(*v.c.snap->dims, v.c.scope, v.book.series, visible, v.book.resolutions,
                                  v.book.action_items, p);
  return {std::move(p), std::move(f)};
}

}  // namespace sl::api::act
