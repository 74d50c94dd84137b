#include "store/sqlite/meeting_rows.h"

#include <stdexcept>
#include <string>
#include <unordered_map>

#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/stmt.h"

namespace sl::store::sqlite {

void read_meeting_rows(sqlite3* db, MeetingRows d) {
  Stmt s(db, "SELECT id, name, type, level, region FROM meeting_series ORDER BY id");
  while (s.step()) d.series.push_back({s.i64(0), s.text(1), s.text(2), s.text(3), s.id(4)});

  Stmt m(db, "SELECT id, series, date, chair, agenda, minutes, status, version FROM meetings ORDER BY id");
  while (m.step()) {
    model::Meeting x;
    x.id = m.i64(0);
    x.series = m.id(1);
    x.date = m.date(2);
    x.chair = m.id(3);
    x.agenda = m.text(4);
    x.minutes = m.text(5);
    x.status = read_meeting_status(m.text(6));
    x.version = m.i64(7);
    d.meetings.push_back(std::move(x));
  }
  std::unordered_map<Id, size_t> mi;
  for (size_t i = 0; i < d.meetings.size(); ++i) mi.emplace(d.meetings[i].id, i);
  Stmt at(db, "SELECT meeting, user FROM meeting_attendees ORDER BY meeting, seq");
  while (at.step()) {
    auto it = mi.find(at.i64(0));
    if (it == mi.end()) throw std::runtime_error("sqlite: attendee of a missing meeting " + std::to_string(at.i64(0)));
    d.meetings[it->second].attendees.push_back(at.id(1));
  }

  Stmt r(db,
         "SELECT id, meeting, title, description, owner, expected, goal_metric, goal_scope,"
         " goal_comparator, goal_value, due_date, status, closed_date, version FROM resolutions ORDER BY id");
  while (r.step()) {
    model::Resolution x;
    x.id = r.i64(0);
    x.meeting = r.id(1);
    x.title = r.text(2);
    x.description = r.text(3);
    x.owner = r.id(4);
    x.expected = r.text(5);
    x.goal_metric = r.text(6);
    x.goal_scope = r.text(7);
    x.goal_comparator = r.text(8);
    x.goal_value = r.f64(9);
    x.due_date = r.date(10);
    x.status = read_resolution_status(r.text(11));
    x.closed_date = r.opt_date(12);
    x.version = r.i64(13);
    d.resolutions.push_back(std::move(x));
  }
  Stmt a(db, "SELECT id, resolution, title, owner, due_date, status, done_date, version FROM action_items ORDER BY id");
  while (a.step())
    d.action_items.push_back(
        {a.i64(0), a.id(1), a.text(2), a.id(3), a.date(4), read_action_status(a.text(5)), a.opt_date(6), a.i64(7)});
}

}  // namespace sl::store::sqlite
