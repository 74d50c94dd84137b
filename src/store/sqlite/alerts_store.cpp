// Alerts (issue 14, store.h block "alerts"): rules, the alerts they open and the marks a user
// puts on them. An alert and its outbox rows are written in one transaction; the partial
// unique index alerts_open_once (one open alert per rule and key) is what dedupes.
#include "store/rows.h"
#include "store/sqlite/audit.h"
#include "store/sqlite/sqlite_store.h"

namespace sl::store::sqlite {

namespace {

// The WHERE of a state filter; ?2 is today ("YYYY-MM-DD"). Unread: not read, not acknowledged,
// not snoozed past today.
std::string state_clause(const std::string& state) {
  const std::string awake = "(snoozed_until = '' OR snoozed_until < ?2)";
  if (state == "open" || state == "closed") return " AND state = '" + state + "'";
  if (state == "unread") return " AND read_at = 0 AND acked_at = 0 AND " + awake;
  if (state == "acked") return " AND acked_at <> 0";
  if (state == "snoozed") return " AND snoozed_until >= ?2";
  return "";
}

}  // namespace

Id SqliteStore::add_alert_rule(const AlertRule& r) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  Stmt ins(db_,
           "INSERT INTO alert_rules(owner, name, kind, metric, scope, filters, op, value, severity, channels, enabled,"
           " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
  ins.bind(1, r.owner).bind(2, r.name).bind(3, r.kind).bind(4, r.metric).bind(5, r.scope).bind(6, r.filters);
  ins.bind(7, r.op).bind(8, r.value).bind(9, r.severity).bind(10, r.channels).bind(11, r.enabled ? 1 : 0);
  ins.bind(12, r.created_at).bind(13, r.updated_at).run();
  const Id id = sqlite3_last_insert_rowid(db_);
  write_audit(db_, {r.created_at, r.owner, "alert_rule", std::to_string(id), "", r.kind + " " + r.metric + " " + r.scope});
  tx.commit();
  return id;
}

std::vector<AlertStore::AlertRule> SqliteStore::alert_rules(Id owner) {
  auto rd = reader();
  Stmt q(rd.db, std::string("SELECT ") + rows::kAlertRuleCols + " FROM alert_rules WHERE ?1 = 0 OR owner = ?1 ORDER BY id");
  q.bind(1, owner);
  std::vector<AlertRule> out;
  while (q.step()) out.push_back(rows::read_alert_rule(q));
  return out;
}

std::optional<AlertStore::AlertRule> SqliteStore::find_alert_rule(Id id) {
  auto rd = reader();
  Stmt q(rd.db, std::string("SELECT ") + rows::kAlertRuleCols + " FROM alert_rules WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  auto r = rows::read_alert_rule(q);
  q.reset();
  return r;
}

void SqliteStore::update_alert_rule(const AlertRule& r) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  Stmt up(db_,
          "UPDATE alert_rules SET name = ?, kind = ?, metric = ?, scope = ?, filters = ?, op = ?, value = ?,"
          " severity = ?, channels = ?, enabled = ?, updated_at = ? WHERE id = ?");
  up.bind(1, r.name).bind(2, r.kind).bind(3, r.metric).bind(4, r.scope).bind(5, r.filters).bind(6, r.op);
  up.bind(7, r.value).bind(8, r.severity).bind(9, r.channels).bind(10, r.enabled ? 1 : 0).bind(11, r.updated_at);
  up.bind(12, r.id).run();
  write_audit(db_, {r.updated_at, r.owner, "alert_rule", std::to_string(r.id), "", "(changed)"});
  tx.commit();
}

bool SqliteStore::delete_alert_rule(Id id) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  Stmt del(db_, "DELETE FROM alert_rules WHERE id = ?");  // its alerts go with it (ON DELETE CASCADE)
  del.bind(1, id).run();
  const bool gone = sqlite3_changes(db_) > 0;
  // Its deliveries not sent yet are cancelled (kept in the log as failed, no notice).
  Stmt cancel(db_,
              "UPDATE deliveries SET state = 'failed', last_error = 'alert rule deleted', next_attempt_at = 0"
              " WHERE idem_key LIKE ? AND state = 'queued'");
  cancel.bind(1, "alert:" + std::to_string(id) + ":%").run();
  tx.commit();
  return gone;
}

std::optional<Id> SqliteStore::open_alert(const Alert& a, const std::vector<Delivery>& ds) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  Stmt ins(db_,
           "INSERT OR IGNORE INTO alerts(rule, owner, key, state, title_zh, title_en, measured, threshold, link, figures,"
           " opened_at) VALUES (?,?,?,'open',?,?,?,?,?,?,?)");
  ins.bind(1, a.rule).bind(2, a.owner).bind(3, a.key).bind(4, a.title_zh).bind(5, a.title_en);
  if (a.measured) ins.bind(6, *a.measured); else ins.bind_null(6);
  ins.bind(7, a.threshold).bind(8, a.link).bind(9, a.figures.empty() ? std::string("{}") : a.figures);
  ins.bind(10, a.opened_at).run();
  if (sqlite3_changes(db_) == 0) return std::nullopt;  // open already: the index said so
  const Id id = sqlite3_last_insert_rowid(db_);
  insert_deliveries(db_, ds);
  tx.commit();
  return id;
}

void SqliteStore::close_alert(Id id, int64_t at) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  Stmt up(db_, "UPDATE alerts SET state = 'closed', closed_at = ? WHERE id = ? AND state = 'open'");
  up.bind(1, at).bind(2, id).run();
  tx.commit();
}

std::vector<AlertStore::Alert> SqliteStore::rule_alerts(Id rule) {
  auto rd = reader();
  Stmt q(rd.db, std::string("SELECT ") + rows::kAlertCols + " FROM alerts WHERE rule = ? ORDER BY id");
  q.bind(1, rule);
  std::vector<Alert> out;
  while (q.step()) out.push_back(rows::read_alert(q));
  return out;
}

std::optional<AlertStore::Alert> SqliteStore::find_alert(Id id) {
  auto rd = reader();
  Stmt q(rd.db, std::string("SELECT ") + rows::kAlertCols + " FROM alerts WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  auto a = rows::read_alert(q);
  q.reset();
  return a;
}

AlertStore::AlertPage SqliteStore::alerts(const AlertQuery& aq) {
  auto rd = reader();
  const std::string where = " FROM alerts WHERE owner = ?1" + state_clause(aq.state);
  AlertPage page;
  {
    Stmt n(rd.db, "SELECT COUNT(*)" + where);
    n.bind(1, aq.owner);
    if (where.find("?2") != std::string::npos) n.bind(2, aq.today);
    if (n.step()) page.total = n.i64(0);
    n.reset();
  }
  {
    Stmt n(rd.db, "SELECT COUNT(*) FROM alerts WHERE owner = ?1" + state_clause("unread"));
    n.bind(1, aq.owner).bind(2, aq.today);
    if (n.step()) page.unread = n.i64(0);
    n.reset();
  }
  Stmt q(rd.db, std::string("SELECT ") + rows::kAlertCols + where + " ORDER BY id DESC LIMIT ?3 OFFSET ?4");
  q.bind(1, aq.owner).bind(2, aq.today).bind(3, aq.limit).bind(4, aq.offset);
  while (q.step()) page.rows.push_back(rows::read_alert(q));
  return page;
}

void SqliteStore::mark_alert(const Alert& a) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  Stmt up(db_,
          "UPDATE alerts SET read_at = ?, acked_at = ?, snoozed_until = ?, agenda_item = ?, meeting = ? WHERE id = ?");
  up.bind(1, a.read_at).bind(2, a.acked_at).bind(3, a.snoozed_until).bind(4, a.agenda_item).bind(5, a.meeting);
  up.bind(6, a.id).run();
  tx.commit();
}

int64_t SqliteStore::mark_alerts_read(Id owner, int64_t at) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  Stmt up(db_, "UPDATE alerts SET read_at = ? WHERE owner = ? AND read_at = 0");
  up.bind(1, at).bind(2, owner).run();
  const int64_t n = sqlite3_changes(db_);
  tx.commit();
  return n;
}

}  // namespace sl::store::sqlite
