// A1 meetings in SQLite: every write is one transaction together with its audit rows, and
// the invariants that must hold however the API was called (a closed meeting is read-only,
// a meeting closes only after every carry-over got its update) are re-checked inside that
// transaction, so two racing requests cannot both get past them.

#include "core/error.h"
#include "store/sqlite/audit.h"
#include "store/sqlite/meeting_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace sl::store::sqlite {

namespace {

// Meeting rows are keyed by their id.
void audit(sqlite3* db, int64_t at, Id user, const std::string& entity, Id key, const std::string& old_value,
           const std::string& new_value) {
  write_audit(db, {at, user, entity, std::to_string(key), old_value, new_value});
}

using model::MeetingStatus;

// The meeting's status inside the transaction; 404 when it does not exist.
MeetingStatus meeting_status(sqlite3* db, Id meeting) {
  Stmt q(db, "SELECT status FROM meetings WHERE id = ?");
  q.bind(1, meeting);
  if (!q.step()) throw not_found();
  MeetingStatus s = read_meeting_status(q.text(0));
  q.reset();
  return s;
}

// pgtests (issue 15): an update that read version `read` (0 = no check) of a row that has
// moved on is refused (the write transaction holds the database lock).
void check_version(sqlite3* db, const char* table, Id id, int64_t read) {
  if (read == 0) return;
  Stmt q(db, std::string("SELECT version FROM ") + table + " WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) throw not_found();
  if (q.i64(0) != read) throw version_conflict();
}

AppError meeting_closed() {
  return invalid_field("status", "会议已关闭，内容只读", "The meeting is closed and read-only");
}

void write_attendees(sqlite3* db, const model::Meeting& m) {
  Stmt del(db, "DELETE FROM meeting_attendees WHERE meeting = ?");
  del.bind(1, m.id).run();
  Stmt ins(db, "INSERT INTO meeting_attendees(meeting, seq, user) VALUES (?,?,?)");
  for (size_t i = 0; i < m.attendees.size(); ++i)
    ins.bind(1, m.id).bind(2, static_cast<int64_t>(i)).bind_id(3, m.attendees[i]).run();
}

std::string join_ids(const std::vector<Id>& ids) {
  std::string s;
  for (Id i : ids) s += (s.empty() ? "" : ",") + std::to_string(i);
  return s;
}

std::string resolution_text(const model::Resolution& r) {
  std::string s = "title=" + r.title + "; owner=" + std::to_string(r.owner) + "; due=" + format_date(r.due_date) +
                  "; status=" + model::resolution_status_code(r.status);
  if (!r.goal_metric.empty())
    s += "; goal=" + r.goal_metric + " " + r.goal_scope + " " + r.goal_comparator + " " + std::to_string(r.goal_value);
  return s;
}

std::string action_text(const model::ActionItem& a) {
  return "title=" + a.title + "; owner=" + std::to_string(a.owner) + "; due=" + format_date(a.due_date) +
         "; status=" + model::action_status_code(a.status);
}

}  // namespace

Store::MeetingBook SqliteStore::load_meeting_book() {
  auto rd = reader();
  MeetingBook b;
  read_meeting_rows(rd.db, {b.series, b.meetings, b.resolutions, b.action_items});
  for (auto& m : b.meetings) std::erase(m.attendees, Id{0});  // a NULL user is nobody to list

  Stmt l(rd.db, "SELECT id, action_item, user, at, text FROM action_item_log ORDER BY at, id");
  while (l.step()) b.action_log.push_back({l.i64(0), l.i64(1), l.id(2), l.i64(3), l.text(4)});

  Stmt c(rd.db,
         "SELECT meeting, resolution, status_before, update_text, status_set, updated_by, updated_at"
         " FROM carry_overs ORDER BY meeting, resolution");
  while (c.step()) {
    std::string set = c.text(4);  // '' = the update left the status as it was
    std::optional<model::ResolutionStatus> status_set;
    if (!set.empty()) status_set = read_resolution_status(set);
    b.carry_overs.push_back(
        {c.i64(0), c.i64(1), read_resolution_status(c.text(2)), c.text(3), status_set, c.id(5), c.i64(6)});
  }

  Stmt g(rd.db,
         "SELECT id, meeting, title, source, source_key, figures, resolution, created_by, created_at"
         " FROM agenda_items ORDER BY id");
  while (g.step())
    b.agenda.push_back({g.i64(0), g.i64(1), g.text(2), g.text(3), g.text(4), g.text(5), g.id(6), g.id(7), g.i64(8)});

  Stmt k(rd.db, "SELECT resolution, as_of, evaluated_at, measured, met FROM goal_checks ORDER BY resolution");
  while (k.step()) {
    GoalCheck x{k.i64(0), k.date(1), k.i64(2), std::nullopt, k.i64(4) != 0};
    if (!k.is_null(3)) x.measured = k.f64(3);
    b.goal_checks.push_back(x);
  }
  return b;
}

Id SqliteStore::add_meeting_series(const model::MeetingSeries& s, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  Stmt ins(db_, "INSERT INTO meeting_series(name, type, level, region) VALUES (?,?,?,?)");
  ins.bind(1, s.name).bind(2, s.type).bind(3, s.level).bind_id(4, s.region).run();
  Id id = sqlite3_last_insert_rowid(db_);
  audit(db_, at, user, "meeting_series", id, "",
        s.name + " (" + s.type + "/" + s.level + "/" + std::to_string(s.region) + ")");
  tx.commit();
  return id;
}

Id SqliteStore::add_meeting(const model::Meeting& m, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  Stmt ins(db_, "INSERT INTO meetings(series, date, chair, agenda, minutes, status) VALUES (?,?,?,?,?,?)");
  ins.bind(1, m.series).bind(2, m.date).bind_id(3, m.chair).bind(4, m.agenda).bind(5, m.minutes);
  ins.bind(6, model::meeting_status_code(MeetingStatus::planned)).run();
  model::Meeting x = m;
  x.id = sqlite3_last_insert_rowid(db_);
  write_attendees(db_, x);
  audit(db_, at, user, "meeting", x.id, "",
        "date=" + format_date(m.date) + "; chair=" + std::to_string(m.chair) + "; attendees=" + join_ids(m.attendees));
  tx.commit();
  return x.id;
}

void SqliteStore::update_meeting(const model::Meeting& m, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  if (meeting_status(db_, m.id) == MeetingStatus::closed) throw meeting_closed();
  check_version(db_, "meetings", m.id, m.version);
  Stmt old(db_, "SELECT date, chair FROM meetings WHERE id = ?");
  old.bind(1, m.id);
  old.step();
  std::string before = "date=" + old.text(0) + "; chair=" + std::to_string(old.id(1));
  old.reset();
  Stmt up(db_, "UPDATE meetings SET date = ?, chair = ?, agenda = ?, minutes = ?, version = version + 1 WHERE id = ?");
  up.bind(1, m.date).bind_id(2, m.chair).bind(3, m.agenda).bind(4, m.minutes).bind(5, m.id).run();
  write_attendees(db_, m);
  audit(db_, at, user, "meeting", m.id, before,
        "date=" + format_date(m.date) + "; chair=" + std::to_string(m.chair) + "; attendees=" + join_ids(m.attendees));
  tx.commit();
}

void SqliteStore::open_meeting(Id meeting, const std::vector<Id>& carry_over, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  MeetingStatus status = meeting_status(db_, meeting);
  if (status == MeetingStatus::closed) throw meeting_closed();
  Stmt up(db_, "UPDATE meetings SET status = ?, version = version + 1 WHERE id = ?");
  up.bind(1, model::meeting_status_code(MeetingStatus::open)).bind(2, meeting).run();
  // status_before records where each item stood when it was brought up: the history view
  // shows how a resolution moved from meeting to meeting.
  Stmt ins(db_,
           "INSERT OR IGNORE INTO carry_overs(meeting, resolution, status_before)"
           " SELECT ?, id, status FROM resolutions WHERE id = ?");
  for (Id r : carry_over) ins.bind(1, meeting).bind(2, r).run();
  if (status != MeetingStatus::open)
    audit(db_, at, user, "meeting", meeting, std::string("status=") + model::meeting_status_code(status),
          "status=open; carry_over=" + join_ids(carry_over));
  tx.commit();
}

void SqliteStore::close_meeting(Id meeting, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  MeetingStatus status = meeting_status(db_, meeting);
  if (status == MeetingStatus::closed) throw meeting_closed();
  if (status != MeetingStatus::open)
    throw invalid_field("status", "只有进行中的会议才能关闭", "Only an open meeting can be closed");
  Stmt pending(db_, "SELECT COUNT(*) FROM carry_overs WHERE meeting = ? AND update_text = ''");
  pending.bind(1, meeting);
  pending.step();
  int64_t n = pending.i64(0);
  pending.reset();
  if (n > 0)
    throw AppError(409, "carryover_pending", "carry_over",
                   "还有 " + std::to_string(n) + " 项遗留问题未更新状态，不能关闭会议",
                   std::to_string(n) + " carry-over item(s) still need a status update before the meeting can close");
  Stmt up(db_, "UPDATE meetings SET status = ?, version = version + 1 WHERE id = ?");
  up.bind(1, model::meeting_status_code(MeetingStatus::closed)).bind(2, meeting).run();
  audit(db_, at, user, "meeting", meeting, "status=open", "status=closed");
  tx.commit();
}

Id SqliteStore::add_resolution(const model::Resolution& r, Id agenda_item, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  if (meeting_status(db_, r.meeting) == MeetingStatus::closed) throw meeting_closed();
  Stmt ins(db_,
           "INSERT INTO resolutions(meeting, title, description, owner, expected, goal_metric, goal_scope,"
           " goal_comparator, goal_value, due_date, status, closed_date) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  ins.bind(1, r.meeting).bind(2, r.title).bind(3, r.description).bind_id(4, r.owner).bind(5, r.expected);
  ins.bind(6, r.goal_metric).bind(7, r.goal_scope).bind(8, r.goal_comparator).bind(9, r.goal_value);
  ins.bind(10, r.due_date).bind(11, model::resolution_status_code(r.status)).bind(12, r.closed_date).run();
  Id id = sqlite3_last_insert_rowid(db_);
  if (agenda_item != 0) {
    Stmt link(db_, "UPDATE agenda_items SET resolution = ? WHERE id = ? AND meeting = ? AND resolution IS NULL");
    link.bind(1, id).bind(2, agenda_item).bind(3, r.meeting).run();
    if (sqlite3_changes(db_) != 1)
      throw invalid_field("agenda_item", "议程项不存在或已形成决议",
                          "The agenda item does not exist or already has a resolution");
  }
  audit(db_, at, user, "resolution", id, "", resolution_text(r));
  tx.commit();
  return id;
}

void SqliteStore::update_resolution(const model::Resolution& r, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  Stmt old(db_,
           "SELECT title, owner, due_date, status, goal_metric, goal_scope, goal_comparator, goal_value"
           " FROM resolutions WHERE id = ?");
  old.bind(1, r.id);
  if (!old.step()) throw not_found();
  check_version(db_, "resolutions", r.id, r.version);
  model::Resolution before;
  before.title = old.text(0);
  before.owner = old.id(1);
  before.due_date = old.date(2);
  before.status = read_resolution_status(old.text(3));
  before.goal_metric = old.text(4);
  before.goal_scope = old.text(5);
  before.goal_comparator = old.text(6);
  before.goal_value = old.f64(7);
  old.reset();
  Stmt up(
      db_,
      "UPDATE resolutions SET title = ?, description = ?, owner = ?, expected = ?, goal_metric = ?,"
      " goal_scope = ?, goal_comparator = ?, goal_value = ?, due_date = ?, status = ?, closed_date = ?,"
      " version = version + 1 WHERE id = ?");
  up.bind(1, r.title).bind(2, r.description).bind_id(3, r.owner).bind(4, r.expected).bind(5, r.goal_metric);
  up.bind(6, r.goal_scope).bind(7, r.goal_comparator).bind(8, r.goal_value).bind(9, r.due_date);
  up.bind(10, model::resolution_status_code(r.status));
  up.bind(11, r.closed_date).bind(12, r.id).run();
  // A check answers the goal it measured at the date it measured; a new goal or due date
  // needs a new check.
  if (before.goal_metric != r.goal_metric || before.goal_scope != r.goal_scope ||
      before.goal_comparator != r.goal_comparator || before.goal_value != r.goal_value ||
      before.due_date != r.due_date) {
    Stmt del(db_, "DELETE FROM goal_checks WHERE resolution = ?");
    del.bind(1, r.id).run();
  }
  audit(db_, at, user, "resolution", r.id, resolution_text(before), resolution_text(r));
  tx.commit();
}

Id SqliteStore::add_action_item(const model::ActionItem& a, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  Stmt ins(db_, "INSERT INTO action_items(resolution, title, owner, due_date, status, done_date) VALUES (?,?,?,?,?,?)");
  ins.bind(1, a.resolution).bind(2, a.title).bind_id(3, a.owner).bind(4, a.due_date);
  ins.bind(5, model::action_status_code(a.status)).bind(6, a.done_date).run();
  Id id = sqlite3_last_insert_rowid(db_);
  audit(db_, at, user, "action_item", id, "", action_text(a));
  tx.commit();
  return id;
}

void SqliteStore::update_action_item(const model::ActionItem& a, const std::string& note, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  Stmt old(db_, "SELECT resolution, title, owner, due_date, status, done_date FROM action_items WHERE id = ?");
  old.bind(1, a.id);
  if (!old.step()) throw not_found();
  check_version(db_, "action_items", a.id, a.version);
  model::ActionItem before{
      a.id, old.id(0), old.text(1), old.id(2), old.date(3), read_action_status(old.text(4)), old.opt_date(5)};
  old.reset();
  Stmt up(db_, "UPDATE action_items SET title = ?, owner = ?, due_date = ?, status = ?, done_date = ?,"
               " version = version + 1 WHERE id = ?");
  up.bind(1, a.title).bind_id(2, a.owner).bind(3, a.due_date).bind(4, model::action_status_code(a.status));
  up.bind(5, a.done_date).bind(6, a.id).run();
  std::string text = note;
  if (before.status != a.status)
    text = std::string("[") + model::action_status_code(before.status) + " → " + model::action_status_code(a.status) +
           "] " + text;
  if (!text.empty()) {
    Stmt log(db_, "INSERT INTO action_item_log(action_item, user, at, text) VALUES (?,?,?,?)");
    log.bind(1, a.id).bind_id(2, user).bind(3, at).bind(4, text).run();
  }
  audit(db_, at, user, "action_item", a.id, action_text(before), action_text(a));
  tx.commit();
}

void SqliteStore::add_action_log(Id action_item, const std::string& text, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  Stmt q(db_, "SELECT 1 FROM action_items WHERE id = ?");
  q.bind(1, action_item);
  if (!q.step()) throw not_found();
  q.reset();
  Stmt log(db_, "INSERT INTO action_item_log(action_item, user, at, text) VALUES (?,?,?,?)");
  log.bind(1, action_item).bind_id(2, user).bind(3, at).bind(4, text).run();
  audit(db_, at, user, "action_item", action_item, "", "log: " + text);
  tx.commit();
}

void SqliteStore::update_carry_over(Id meeting, Id resolution, const std::string& text,
                                    std::optional<model::ResolutionStatus> status, Date today, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  MeetingStatus ms = meeting_status(db_, meeting);
  if (ms == MeetingStatus::closed) throw meeting_closed();
  if (ms != MeetingStatus::open)
    throw invalid_field("status", "会议尚未开始，不能更新遗留问题", "The meeting has not been opened yet");
  Stmt up(db_,
          "UPDATE carry_overs SET update_text = ?, status_set = ?, updated_by = ?, updated_at = ?"
          " WHERE meeting = ? AND resolution = ?");
  up.bind(1, text).bind(2, status ? model::resolution_status_code(*status) : "").bind_id(3, user).bind(4, at);
  up.bind(5, meeting).bind(6, resolution).run();
  if (sqlite3_changes(db_) != 1) throw not_found();
  if (status) {
    Stmt old(db_, "SELECT status FROM resolutions WHERE id = ?");
    old.bind(1, resolution);
    old.step();
    std::string before = old.text(0);
    old.reset();
    const char* code = model::resolution_status_code(*status);
    bool closes = model::resolution_closed(*status);
    Stmt rs(db_, "UPDATE resolutions SET status = ?, closed_date = ?, version = version + 1 WHERE id = ?");
    rs.bind(1, code).bind(2, closes ? std::optional<Date>(today) : std::nullopt).bind(3, resolution).run();
    audit(db_, at, user, "resolution", resolution, "status=" + before, std::string("status=") + code);
  }
  audit(db_, at, user, "carry_over", resolution, "", "meeting=" + std::to_string(meeting) + "; " + text);
  tx.commit();
}

Id SqliteStore::add_agenda_item(const AgendaItem& a, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  if (meeting_status(db_, a.meeting) == MeetingStatus::closed) throw meeting_closed();
  Stmt ins(db_,
           "INSERT INTO agenda_items(meeting, title, source, source_key, figures, created_by, created_at)"
           " VALUES (?,?,?,?,?,?,?)");
  ins.bind(1, a.meeting).bind(2, a.title).bind(3, a.source).bind(4, a.source_key).bind(5, a.figures);
  ins.bind_id(6, user).bind(7, at).run();
  Id id = sqlite3_last_insert_rowid(db_);
  audit(db_, at, user, "agenda_item", id, "",
        "meeting=" + std::to_string(a.meeting) + "; " + a.source + " " + a.source_key + "; " + a.title);
  tx.commit();
  return id;
}

void SqliteStore::record_goal_checks(const std::vector<GoalCheck>& checks) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  Stmt up(db_,
          "INSERT INTO goal_checks(resolution, as_of, evaluated_at, measured, met) VALUES (?,?,?,?,?)"
          " ON CONFLICT(resolution) DO UPDATE SET as_of = excluded.as_of, evaluated_at = excluded.evaluated_at,"
          " measured = excluded.measured, met = excluded.met");
  for (const auto& c : checks) {
    up.bind(1, c.resolution).bind(2, c.as_of).bind(3, c.evaluated_at);
    if (c.measured)
      up.bind(4, *c.measured);
    else
      up.bind_null(4);
    up.bind(5, c.met ? 1 : 0).run();
    audit(db_, c.evaluated_at, 0, "goal_check", c.resolution, "",
          std::string(c.met ? "met" : "not met") + "; measured=" + (c.measured ? std::to_string(*c.measured) : "null"));
  }
  tx.commit();
}

void SqliteStore::set_meeting_people(const model::Dataset& d) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  Stmt chair(db_, "UPDATE meetings SET chair = ? WHERE id = ?");
  for (const auto& m : d.meetings) {
    chair.bind_id(1, m.chair).bind(2, m.id).run();
    write_attendees(db_, m);
  }
  Stmt res(db_, "UPDATE resolutions SET owner = ? WHERE id = ?");
  for (const auto& r : d.resolutions) res.bind_id(1, r.owner).bind(2, r.id).run();
  Stmt act(db_, "UPDATE action_items SET owner = ? WHERE id = ?");
  for (const auto& a : d.action_items) act.bind_id(1, a.owner).bind(2, a.id).run();
  tx.commit();
}

}  // namespace sl::store::sqlite
