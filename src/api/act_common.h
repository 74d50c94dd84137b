// Shared by the A1 handlers (meetings_api.cpp, act_items_api.cpp, act_todos_api.cpp): the
// meeting book of one request with its lookups, the access rules applied to the caller, request-field
// readers and the JSON shapes of meetings, resolutions and action items.
//
// Who may see and manage what is decided by analytics/act/access.h; View applies those rules
// to the caller and the request's meeting book.
#pragma once
#include <map>
#include <set>
#include <optional>
#include <span>
#include <string>

#include "analytics/act/loop_figures.h"
#include "api/context.h"
#include "api/json_fields.h"
#include "http/router.h"

namespace sl::api::act {

using Book = store::Store::MeetingBook;

struct View {
  Context& ctx;
  const Caller& c;
  Date today;
  Book book;
  std::map<Id, model::User> users;
  std::map<Id, const model::MeetingSeries*> series;
  std::map<Id, const model::Meeting*> meetings;
  std::map<Id, const model::Resolution*> resolutions;
  std::map<Id, const model::ActionItem*> actions;
  std::set<Id> owns_in;  // meetings where the caller owns a resolution or an action item
  std::set<Id> goal_met;  // resolutions whose metric goal was checked at their current due date and met

  View(Context& ctx, const Caller& c);

  const model::MeetingSeries& series_of(const model::Meeting& m) const;
  const model::Meeting& meeting_of(const model::Resolution& r) const;
  const model::Resolution& resolution_of(const model::ActionItem& a) const;

  bool can_manage(const model::MeetingSeries& s) const;
  bool can_see(const model::Meeting& m) const;
  bool can_see_series(const model::MeetingSeries& s) const;
  // May this user chair / attend meetings of the series? (validation of chair and attendees)
  bool may_chair(const model::User& u, const model::MeetingSeries& s) const;
  bool in_series_region(const model::User& u, const model::MeetingSeries& s) const;

  // 404 when missing, 404 too when the caller may not see it (never leak existence).
  const model::Meeting& meeting(Id id) const;
  const model::Resolution& resolution(Id id) const;
  const model::ActionItem& action(Id id) const;
  void require_manage(const model::MeetingSeries& s) const;  // 403

  // An active user id from a request field, or 422 naming the field.
  const model::User& user_field(int64_t id, const std::string& field) const;
  // The same, and within the series' region (in_series_region), or 422 naming the field: the
  // one rule for attendees and for the owners of resolutions and action items, who all come
  // to see the meeting.
  const model::User& member_field(int64_t id, const std::string& field, const model::MeetingSeries& s) const;
  std::string user_name(Id id) const;

  json::object user_ref(Id id) const;  // {id, name} or null-ish {id:null}
  json::object series_json(const model::MeetingSeries& s) const;
  json::object meeting_summary(const model::Meeting& m) const;
  json::object meeting_detail(const model::Meeting& m) const;
  json::object resolution_json(const model::Resolution& r) const;
  json::object action_json(const model::ActionItem& a) const;
  bool flagged(const model::Resolution& r) const;  // done, goal checked and not met
  bool resolution_overdue(const model::Resolution& r) const;  // today, goal met or not (analytics/act/overdue.h)
};

// The three route groups add_act_routes registers.
void add_meeting_routes(http::Router& r, Context& ctx);
void add_act_item_routes(http::Router& r, Context& ctx);
void add_act_todo_routes(http::Router& r, Context& ctx);

std::string optional_text(const json::object& o, const std::string& field, size_t max_len);
Date date_field(const json::object& o, const std::string& field);
Id path_id(const http::Request& req, const char* name = "id");
// A closed meeting is read-only: 422 on field "status".
void require_not_closed(const model::Meeting& m);
// The valid codes of a 422 message, from model/'s lists: "a、b 或 c" and "a, b or c".
std::string codes_zh(std::span<const char* const> codes);
std::string codes_en(std::span<const char* const> codes);

// A1 会议执行统计 (GET /api/v1/act/stats and its pushed report): the query's as_of (default
// today), series (404 when the caller may not see it) and months (≤ 60), and the figures over
// the meetings the caller may see.
struct Stats {
  analytics::FiguresParams p;
  analytics::ActFigures f;
};
Stats stats_of(const View& v, const http::Request& req);

}  // namespace sl::api::act
