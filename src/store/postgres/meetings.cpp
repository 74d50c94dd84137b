// A1 meetings on PostgreSQL: the reads, what `salesloop demo` writes (people, opened
// meetings) and the scheduler's goal checks; each write one transaction with its audit rows,
// as store/sqlite/meetings_store.cpp. The editing writes are not ported yet (unsupported.cpp).
#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "core/error.h"
#include "store/codes.h"
#include "store/postgres/copy.h"
#include "store/postgres/pg_store.h"
#include "store/postgres/rows.h"

namespace sl::store::pg {

void read_meeting_rows(Conn& c, MeetingRows d) {
  copy_rows(c, "SELECT id, name, type, level, region FROM meeting_series ORDER BY id", [&](const CopyRow& s) {
    d.series.push_back({s.i64(0), s.text(1), s.text(2), s.text(3), s.id(4)});
  });
  copy_rows(c, "SELECT id, series, date, chair, agenda, minutes, status, version FROM meetings ORDER BY id",
            [&](const CopyRow& m) {
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
            });
  std::unordered_map<Id, size_t> mi;
  for (size_t i = 0; i < d.meetings.size(); ++i) mi.emplace(d.meetings[i].id, i);
  copy_rows(c, "SELECT meeting, \"user\" FROM meeting_attendees ORDER BY meeting, seq", [&](const CopyRow& a) {
    auto it = mi.find(a.i64(0));
    if (it == mi.end()) throw std::runtime_error("postgres: attendee of a missing meeting " + std::to_string(a.i64(0)));
    d.meetings[it->second].attendees.push_back(a.id(1));
  });
  copy_rows(c,
            "SELECT id, meeting, title, description, owner, expected, goal_metric, goal_scope, goal_comparator,"
            " goal_value, due_date, status, closed_date, version FROM resolutions ORDER BY id",
            [&](const CopyRow& r) {
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
            });
  copy_rows(c, "SELECT id, resolution, title, owner, due_date, status, done_date, version FROM action_items ORDER BY id",
            [&](const CopyRow& a) {
              d.action_items.push_back({a.i64(0), a.id(1), a.text(2), a.id(3), a.date(4), read_action_status(a.text(5)),
                                        a.opt_date(6), a.i64(7)});
            });
}

MeetingStore::MeetingBook PgStore::load_meeting_book() {
  auto rd = reader();
  Conn& c = rd.c;
  Tx tx(c);  // one cut of every meeting table
  c.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
  MeetingBook b;
  read_meeting_rows(c, {b.series, b.meetings, b.resolutions, b.action_items});
  for (auto& m : b.meetings) std::erase(m.attendees, Id{0});  // a NULL user is nobody to list
  copy_rows(c, "SELECT id, action_item, \"user\", at, text FROM action_item_log ORDER BY at, id", [&](const CopyRow& l) {
    b.action_log.push_back({l.i64(0), l.i64(1), l.id(2), l.i64(3), l.text(4)});
  });
  copy_rows(c,
            "SELECT meeting, resolution, status_before, update_text, status_set, updated_by, updated_at"
            " FROM carry_overs ORDER BY meeting, resolution",
            [&](const CopyRow& r) {
              std::string set = r.text(4);
              std::optional<model::ResolutionStatus> status_set;
              if (!set.empty()) status_set = read_resolution_status(set);
              b.carry_overs.push_back(
                  {r.i64(0), r.i64(1), read_resolution_status(r.text(2)), r.text(3), status_set, r.id(5), r.i64(6)});
            });
  copy_rows(c,
            "SELECT id, meeting, title, source, source_key, figures, resolution, created_by, created_at"
            " FROM agenda_items ORDER BY id",
            [&](const CopyRow& g) {
              b.agenda.push_back(
                  {g.i64(0), g.i64(1), g.text(2), g.text(3), g.text(4), g.text(5), g.id(6), g.id(7), g.i64(8)});
            });
  copy_rows(c, "SELECT resolution, as_of, evaluated_at, measured, met FROM goal_checks ORDER BY resolution",
            [&](const CopyRow& k) {
              GoalCheck x{k.i64(0), k.date(1), k.i64(2), std::nullopt, k.i64(4) != 0};
              if (!k.is_null(3)) x.measured = k.f64(3);
              b.goal_checks.push_back(x);
            });
  tx.commit();
  return b;
}

namespace {

using model::MeetingStatus;

void audit(Conn& c, int64_t at, Id user, const std::string& entity, Id key, const std::string& old_value,
           const std::string& new_value) {
  write_audit(c, {at, user, entity, std::to_string(key), old_value, new_value});
}

MeetingStatus meeting_status(Conn& c, Id meeting) {
  Result r = c.query("SELECT status FROM meetings WHERE id = $1 FOR UPDATE", Params().add(meeting));
  if (r.empty()) throw not_found();
  return read_meeting_status(r.row(0).text(0));
}

// pgtests (issue 15): an update that read version `read` (0 = no check) of a row that has
// moved on is refused; the row is locked until the transaction ends.
void check_version(Conn& c, const char* table, Id id, int64_t read) {
  if (read == 0) return;
  Result r = c.query(std::string("SELECT version FROM ") + table + " WHERE id = $1 FOR UPDATE", Params().add(id));
  if (r.empty()) throw not_found();
  if (r.row(0).i64(0) != read) throw version_conflict();
}

AppError meeting_closed() {
  return invalid_field("status", "会议已关闭，内容只读", "The meeting is closed and read-only");
}

void write_attendees(Conn& c, const model::Meeting& m) {
  c.query("DELETE FROM meeting_attendees WHERE meeting = $1", Params().add(m.id));
  for (size_t i = 0; i < m.attendees.size(); ++i)
    c.query("INSERT INTO meeting_attendees(meeting, seq, \"user\") VALUES ($1,$2,$3)",
            Params().add(m.id).add(static_cast<int64_t>(i)).add_id(m.attendees[i]));
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

void PgStore::open_meeting(Id meeting, const std::vector<Id>& carry_over, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  MeetingStatus status = meeting_status(*c_, meeting);
  if (status == MeetingStatus::closed) throw meeting_closed();
  c_->query("UPDATE meetings SET status = $1, version = version + 1 WHERE id = $2",
            Params().add(model::meeting_status_code(MeetingStatus::open)).add(meeting));
  for (Id r : carry_over)
    c_->query(
        "INSERT INTO carry_overs(meeting, resolution, status_before) SELECT $1, id, status FROM resolutions"
        " WHERE id = $2 ON CONFLICT DO NOTHING",
        Params().add(meeting).add(r));
  if (status != MeetingStatus::open)
    audit(*c_, at, user, "meeting", meeting, std::string("status=") + model::meeting_status_code(status),
          "status=open; carry_over=" + join_ids(carry_over));
  tx.commit();
}

void PgStore::record_goal_checks(const std::vector<GoalCheck>& checks) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  for (const auto& g : checks) {
    Params p = Params().add(g.resolution).add(g.as_of).add(g.evaluated_at);
    if (g.measured)
      p.add(*g.measured);
    else
      p.null();
    c_->query(
        "INSERT INTO goal_checks(resolution, as_of, evaluated_at, measured, met) VALUES ($1,$2,$3,$4,$5)"
        " ON CONFLICT(resolution) DO UPDATE SET as_of = excluded.as_of, evaluated_at = excluded.evaluated_at,"
        " measured = excluded.measured, met = excluded.met",
        p.add(g.met ? 1 : 0));
    audit(*c_, g.evaluated_at, 0, "goal_check", g.resolution, "",
          std::string(g.met ? "met" : "not met") + "; measured=" + (g.measured ? std::to_string(*g.measured) : "null"));
  }
  tx.commit();
}

void PgStore::set_meeting_people(const model::Dataset& d) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  for (const auto& m : d.meetings) {
    c_->query("UPDATE meetings SET chair = $1 WHERE id = $2", Params().add_id(m.chair).add(m.id));
    write_attendees(*c_, m);
  }
  for (const auto& r : d.resolutions)
    c_->query("UPDATE resolutions SET owner = $1 WHERE id = $2", Params().add_id(r.owner).add(r.id));
  for (const auto& a : d.action_items)
    c_->query("UPDATE action_items SET owner = $1 WHERE id = $2", Params().add_id(a.owner).add(a.id));
  tx.commit();
}

Id PgStore::add_meeting_series(const model::MeetingSeries& s, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  const Id id = next_id(*c_, "meeting_series");
  c_->query("INSERT INTO meeting_series(id, name, type, level, region) VALUES ($1,$2,$3,$4,$5)",
            Params().add(id).add(s.name).add(s.type).add(s.level).add_id(s.region));
  audit(*c_, at, user, "meeting_series", id, "",
        s.name + " (" + s.type + "/" + s.level + "/" + std::to_string(s.region) + ")");
  tx.commit();
  return id;
}

Id PgStore::add_meeting(const model::Meeting& m, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  model::Meeting x = m;
  x.id = next_id(*c_, "meetings");
  c_->query("INSERT INTO meetings(id, series, date, chair, agenda, minutes, status) VALUES ($1,$2,$3,$4,$5,$6,$7)",
            Params().add(x.id).add(m.series).add(m.date).add_id(m.chair).add(m.agenda).add(m.minutes).add(
                model::meeting_status_code(MeetingStatus::planned)));
  write_attendees(*c_, x);
  audit(*c_, at, user, "meeting", x.id, "",
        "date=" + format_date(m.date) + "; chair=" + std::to_string(m.chair) + "; attendees=" + join_ids(m.attendees));
  tx.commit();
  return x.id;
}

void PgStore::update_meeting(const model::Meeting& m, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  if (meeting_status(*c_, m.id) == MeetingStatus::closed) throw meeting_closed();
  check_version(*c_, "meetings", m.id, m.version);
  Result old = c_->query("SELECT date, chair FROM meetings WHERE id = $1", Params().add(m.id));
  std::string before = "date=" + old.row(0).text(0) + "; chair=" + std::to_string(old.row(0).id(1));
  c_->query("UPDATE meetings SET date = $1, chair = $2, agenda = $3, minutes = $4, version = version + 1 WHERE id = $5",
            Params().add(m.date).add_id(m.chair).add(m.agenda).add(m.minutes).add(m.id));
  write_attendees(*c_, m);
  audit(*c_, at, user, "meeting", m.id, before,
        "date=" + format_date(m.date) + "; chair=" + std::to_string(m.chair) + "; attendees=" + join_ids(m.attendees));
  tx.commit();
}

void PgStore::close_meeting(Id meeting, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  MeetingStatus status = meeting_status(*c_, meeting);
  if (status == MeetingStatus::closed) throw meeting_closed();
  if (status != MeetingStatus::open)
    throw invalid_field("status", "只有进行中的会议才能关闭", "Only an open meeting can be closed");
  const int64_t n =
      c_->scalar("SELECT COUNT(*) FROM carry_overs WHERE meeting = $1 AND update_text = ''", Params().add(meeting));
  if (n > 0)
    throw AppError(409, "carryover_pending", "carry_over",
                   "还有 " + std::to_string(n) + " 项遗留问题未更新状态，不能关闭会议",
                   std::to_string(n) + " carry-over item(s) still need a status update before the meeting can close");
  c_->query("UPDATE meetings SET status = $1, version = version + 1 WHERE id = $2",
            Params().add(model::meeting_status_code(MeetingStatus::closed)).add(meeting));
  audit(*c_, at, user, "meeting", meeting, "status=open", "status=closed");
  tx.commit();
}

Id PgStore::add_resolution(const model::Resolution& r, Id agenda_item, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  if (meeting_status(*c_, r.meeting) == MeetingStatus::closed) throw meeting_closed();
  const Id id = next_id(*c_, "resolutions");
  c_->query(
      "INSERT INTO resolutions(id, meeting, title, description, owner, expected, goal_metric, goal_scope,"
      " goal_comparator, goal_value, due_date, status, closed_date) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)",
      Params()
          .add(id)
          .add(r.meeting)
          .add(r.title)
          .add(r.description)
          .add_id(r.owner)
          .add(r.expected)
          .add(r.goal_metric)
          .add(r.goal_scope)
          .add(r.goal_comparator)
          .add(r.goal_value)
          .add(r.due_date)
          .add(model::resolution_status_code(r.status))
          .add(r.closed_date));
  if (agenda_item != 0 &&
      c_->query("UPDATE agenda_items SET resolution = $1 WHERE id = $2 AND meeting = $3 AND resolution IS NULL",
                Params().add(id).add(agenda_item).add(r.meeting))
              .affected() != 1)
    throw invalid_field("agenda_item", "议程项不存在或已形成决议",
                        "The agenda item does not exist or already has a resolution");
  audit(*c_, at, user, "resolution", id, "", resolution_text(r));
  tx.commit();
  return id;
}

void PgStore::update_resolution(const model::Resolution& r, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  Result old = c_->query(
      "SELECT title, owner, due_date, status, goal_metric, goal_scope, goal_comparator, goal_value"
      " FROM resolutions WHERE id = $1 FOR UPDATE",
      Params().add(r.id));
  if (old.empty()) throw not_found();
  check_version(*c_, "resolutions", r.id, r.version);
  Row o = old.row(0);
  model::Resolution before;
  before.title = o.text(0);
  before.owner = o.id(1);
  before.due_date = o.date(2);
  before.status = read_resolution_status(o.text(3));
  before.goal_metric = o.text(4);
  before.goal_scope = o.text(5);
  before.goal_comparator = o.text(6);
  before.goal_value = o.f64(7);
  c_->query(
      "UPDATE resolutions SET title = $1, description = $2, owner = $3, expected = $4, goal_metric = $5,"
      " goal_scope = $6, goal_comparator = $7, goal_value = $8, due_date = $9, status = $10, closed_date = $11,"
      " version = version + 1 WHERE id = $12",
      Params()
          .add(r.title)
          .add(r.description)
          .add_id(r.owner)
          .add(r.expected)
          .add(r.goal_metric)
          .add(r.goal_scope)
          .add(r.goal_comparator)
          .add(r.goal_value)
          .add(r.due_date)
          .add(model::resolution_status_code(r.status))
          .add(r.closed_date)
          .add(r.id));
  // A check answers the goal it measured at the date it measured; a new goal needs a new check.
  if (before.goal_metric != r.goal_metric || before.goal_scope != r.goal_scope ||
      before.goal_comparator != r.goal_comparator || before.goal_value != r.goal_value ||
      before.due_date != r.due_date)
    c_->query("DELETE FROM goal_checks WHERE resolution = $1", Params().add(r.id));
  audit(*c_, at, user, "resolution", r.id, resolution_text(before), resolution_text(r));
  tx.commit();
}

Id PgStore::add_action_item(const model::ActionItem& a, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  const Id id = next_id(*c_, "action_items");
  c_->query(
      "INSERT INTO action_items(id, resolution, title, owner, due_date, status, done_date) VALUES ($1,$2,$3,$4,$5,$6,$7)",
      Params().add(id).add(a.resolution).add(a.title).add_id(a.owner).add(a.due_date).add(
          model::action_status_code(a.status)).add(a.done_date));
  audit(*c_, at, user, "action_item", id, "", action_text(a));
  tx.commit();
  return id;
}

namespace {
void add_log(Conn& c, Id action_item, Id user, int64_t at, const std::string& text) {
  const Id id = next_id(c, "action_item_log");
  c.query("INSERT INTO action_item_log(id, action_item, \"user\", at, text) VALUES ($1,$2,$3,$4,$5)",
          Params().add(id).add(action_item).add_id(user).add(at).add(text));
}
}  // namespace

void PgStore::update_action_item(const model::ActionItem& a, const std::string& note, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  Result old = c_->query(
      "SELECT resolution, title, owner, due_date, status, done_date FROM action_items WHERE id = $1 FOR UPDATE",
      Params().add(a.id));
  if (old.empty()) throw not_found();
  check_version(*c_, "action_items", a.id, a.version);
  Row o = old.row(0);
  model::ActionItem before{a.id, o.id(0), o.text(1), o.id(2), o.date(3), read_action_status(o.text(4)), o.opt_date(5)};
  c_->query("UPDATE action_items SET title = $1, owner = $2, due_date = $3, status = $4, done_date = $5,"
            " version = version + 1 WHERE id = $6",
            Params().add(a.title).add_id(a.owner).add(a.due_date).add(model::action_status_code(a.status)).add(
                a.done_date).add(a.id));
  std::string text = note;
  if (before.status != a.status)
    text = std::string("[") + model::action_status_code(before.status) + " → " + model::action_status_code(a.status) +
           "] " + text;
  if (!text.empty()) add_log(*c_, a.id, user, at, text);
  audit(*c_, at, user, "action_item", a.id, action_text(before), action_text(a));
  tx.commit();
}

void PgStore::add_action_log(Id action_item, const std::string& text, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  if (c_->query("SELECT 1 FROM action_items WHERE id = $1", Params().add(action_item)).empty()) throw not_found();
  add_log(*c_, action_item, user, at, text);
  audit(*c_, at, user, "action_item", action_item, "", "log: " + text);
  tx.commit();
}

void PgStore::update_carry_over(Id meeting, Id resolution, const std::string& text,
                                std::optional<model::ResolutionStatus> status, Date today, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  MeetingStatus ms = meeting_status(*c_, meeting);
  if (ms == MeetingStatus::closed) throw meeting_closed();
  if (ms != MeetingStatus::open)
    throw invalid_field("status", "会议尚未开始，不能更新遗留问题", "The meeting has not been opened yet");
  if (c_->query(
            "UPDATE carry_overs SET update_text = $1, status_set = $2, updated_by = $3, updated_at = $4"
            " WHERE meeting = $5 AND resolution = $6",
            Params().add(text).add(status ? model::resolution_status_code(*status) : "").add_id(user).add(at).add(
                meeting).add(resolution))
          .affected() != 1)
    throw not_found();
  if (status) {
    const std::string before =
        c_->query("SELECT status FROM resolutions WHERE id = $1", Params().add(resolution)).row(0).text(0);
    const char* code = model::resolution_status_code(*status);
    const bool closes = model::resolution_closed(*status);
    c_->query("UPDATE resolutions SET status = $1, closed_date = $2, version = version + 1 WHERE id = $3",
              Params().add(code).add(closes ? std::optional<Date>(today) : std::nullopt).add(resolution));
    audit(*c_, at, user, "resolution", resolution, "status=" + before, std::string("status=") + code);
  }
  audit(*c_, at, user, "carry_over", resolution, "", "meeting=" + std::to_string(meeting) + "; " + text);
  tx.commit();
}

Id PgStore::add_agenda_item(const AgendaItem& a, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  if (meeting_status(*c_, a.meeting) == MeetingStatus::closed) throw meeting_closed();
  const Id id = next_id(*c_, "agenda_items");
  c_->query(
      "INSERT INTO agenda_items(id, meeting, title, source, source_key, figures, created_by, created_at)"
      " VALUES ($1,$2,$3,$4,$5,$6,$7,$8)",
      Params().add(id).add(a.meeting).add(a.title).add(a.source).add(a.source_key).add(a.figures).add_id(user).add(at));
  audit(*c_, at, user, "agenda_item", id, "",
        "meeting=" + std::to_string(a.meeting) + "; " + a.source + " " + a.source_key + "; " + a.title);
  tx.commit();
  return id;
}

}  // namespace sl::store::pg
