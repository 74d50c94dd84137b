// Alerts (issue 14, store.h block "alerts") on PostgreSQL, as store/sqlite/alerts_store.cpp:
// rules, the alerts they open and the marks a user puts on them. Not data: no data_version
// bump. An alert and its outbox rows are written in one transaction; the partial unique index
// alerts_open_once (one open alert per rule and key) is what dedupes, also between servers on
// one database (ON CONFLICT DO NOTHING waits for the other writer's transaction).
#include "store/postgres/pg_store.h"
#include "store/postgres/rows.h"
#include "store/rows.h"

namespace sl::store::pg {

namespace {

// The WHERE of a state filter after "owner = $1"; $2 is today ("YYYY-MM-DD") when the filter
// uses it (a prepared statement may not leave a parameter unused: its type is unknown).
// Unread: not read, not acknowledged, not snoozed past today.
std::string state_clause(const std::string& state) {
  const std::string awake = "(snoozed_until = '' OR snoozed_until < $2::text)";
  if (state == "open" || state == "closed") return " AND state = '" + state + "'";
  if (state == "unread") return " AND read_at = 0 AND acked_at = 0 AND " + awake;
  if (state == "acked") return " AND acked_at <> 0";
  if (state == "snoozed") return " AND snoozed_until >= $2::text";
  return "";
}

bool uses_today(const std::string& state) { return state == "unread" || state == "snoozed"; }

}  // namespace

Id PgStore::add_alert_rule(const AlertRule& r) {
  std::lock_guard lock(mu_);
  Tx tx(*c_);
  const Id id = next_id(*c_, "alert_rules");
  c_->query(
      "INSERT INTO alert_rules(id, owner, name, kind, metric, scope, filters, op, value, severity, channels, enabled,"
      " created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)",
      Params()
          .add(id)
          .add(r.owner)
          .add(r.name)
          .add(r.kind)
          .add(r.metric)
          .add(r.scope)
          .add(r.filters)
          .add(r.op)
          .add(r.value)
          .add(r.severity)
          .add(r.channels)
          .add(r.enabled ? 1 : 0)
          .add(r.created_at)
          .add(r.updated_at));
  write_audit(*c_, {r.created_at, r.owner, "alert_rule", std::to_string(id), "", r.kind + " " + r.metric + " " + r.scope});
  tx.commit();
  return id;
}

std::vector<AlertStore::AlertRule> PgStore::alert_rules(Id owner) {
  auto rd = reader();
  Result r = rd.c.query(std::string("SELECT ") + rows::kAlertRuleCols +
                            " FROM alert_rules WHERE $1::bigint = 0 OR owner = $1 ORDER BY id",
                        Params().add(owner));
  std::vector<AlertRule> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(rows::read_alert_rule(r.row(i)));
  return out;
}

std::optional<AlertStore::AlertRule> PgStore::find_alert_rule(Id id) {
  auto rd = reader();
  Result r = rd.c.query(std::string("SELECT ") + rows::kAlertRuleCols + " FROM alert_rules WHERE id = $1", Params().add(id));
  if (r.empty()) return std::nullopt;
  return rows::read_alert_rule(r.row(0));
}

void PgStore::update_alert_rule(const AlertRule& r) {
  std::lock_guard lock(mu_);
  Tx tx(*c_);
  c_->query(
      "UPDATE alert_rules SET name = $1, kind = $2, metric = $3, scope = $4, filters = $5, op = $6, value = $7,"
      " severity = $8, channels = $9, enabled = $10, updated_at = $11 WHERE id = $12",
      Params()
          .add(r.name)
          .add(r.kind)
          .add(r.metric)
          .add(r.scope)
          .add(r.filters)
          .add(r.op)
          .add(r.value)
          .add(r.severity)
          .add(r.channels)
          .add(r.enabled ? 1 : 0)
          .add(r.updated_at)
          .add(r.id));
  write_audit(*c_, {r.updated_at, r.owner, "alert_rule", std::to_string(r.id), "", "(changed)"});
  tx.commit();
}

bool PgStore::delete_alert_rule(Id id) {
  std::lock_guard lock(mu_);
  Tx tx(*c_);
  // Its alerts go with it (ON DELETE CASCADE).
  const bool gone = c_->query("DELETE FROM alert_rules WHERE id = $1", Params().add(id)).affected() > 0;
  // Its deliveries not sent yet are cancelled (kept in the log as failed, no notice). The
  // prefix has no LIKE wildcards: ids are digits and ':' ends the rule's id.
  c_->query(
      "UPDATE deliveries SET state = 'failed', last_error = 'alert rule deleted', next_attempt_at = 0"
      " WHERE idem_key LIKE $1 AND state = 'queued'",
      Params().add("alert:" + std::to_string(id) + ":%"));
  tx.commit();
  return gone;
}

std::optional<Id> PgStore::open_alert(const Alert& a, const std::vector<Delivery>& ds) {
  std::lock_guard lock(mu_);
  Tx tx(*c_);
  const Id id = next_id(*c_, "alerts");
  Params p;
  p.add(id).add(a.rule).add(a.owner).add(a.key).add(a.title_zh).add(a.title_en);
  if (a.measured)
    p.add(*a.measured);
  else
    p.null();
  p.add(a.threshold).add(a.link).add(a.figures.empty() ? std::string("{}") : a.figures).add(a.opened_at);
  // ON CONFLICT without a target: the partial index alerts_open_once is the one that can clash.
  Result ins = c_->query(
      "INSERT INTO alerts(id, rule, owner, key, state, title_zh, title_en, measured, threshold, link, figures,"
      " opened_at) VALUES ($1,$2,$3,$4,'open',$5,$6,$7::double precision,$8,$9,$10,$11)"
      " ON CONFLICT DO NOTHING RETURNING id",
      p);
  if (ins.empty()) return std::nullopt;  // open already: the index said so (the Tx rolls back)
  insert_deliveries(*c_, ds);
  tx.commit();
  return id;
}

void PgStore::close_alert(Id id, int64_t at) {
  std::lock_guard lock(mu_);
  c_->query("UPDATE alerts SET state = 'closed', closed_at = $1 WHERE id = $2 AND state = 'open'",
            Params().add(at).add(id));
}

std::vector<AlertStore::Alert> PgStore::rule_alerts(Id rule) {
  auto rd = reader();
  Result r = rd.c.query(std::string("SELECT ") + rows::kAlertCols + " FROM alerts WHERE rule = $1 ORDER BY id",
                        Params().add(rule));
  std::vector<Alert> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(rows::read_alert(r.row(i)));
  return out;
}

std::optional<AlertStore::Alert> PgStore::find_alert(Id id) {
  auto rd = reader();
  Result r = rd.c.query(std::string("SELECT ") + rows::kAlertCols + " FROM alerts WHERE id = $1", Params().add(id));
  if (r.empty()) return std::nullopt;
  return rows::read_alert(r.row(0));
}

AlertStore::AlertPage PgStore::alerts(const AlertQuery& aq) {
  auto rd = reader();
  const bool today = uses_today(aq.state);
  const std::string where = " FROM alerts WHERE owner = $1" + state_clause(aq.state);
  Params p;
  p.add(aq.owner);
  if (today) p.add(aq.today);
  AlertPage page;
  page.total = rd.c.scalar("SELECT count(*)" + where, p);
  page.unread = rd.c.scalar("SELECT count(*) FROM alerts WHERE owner = $1" + state_clause("unread"),
                            Params().add(aq.owner).add(aq.today));
  const int n = today ? 3 : 2;  // the first parameter after the filter's
  Result r = rd.c.query(std::string("SELECT ") + rows::kAlertCols + where + " ORDER BY id DESC LIMIT $" +
                            std::to_string(n) + " OFFSET $" + std::to_string(n + 1),
                        p.add(aq.limit).add(aq.offset));
  for (int i = 0; i < r.rows(); ++i) page.rows.push_back(rows::read_alert(r.row(i)));
  return page;
}

void PgStore::mark_alert(const Alert& a) {
  std::lock_guard lock(mu_);
  c_->query(
      "UPDATE alerts SET read_at = $1, acked_at = $2, snoozed_until = $3, agenda_item = $4, meeting = $5 WHERE id = $6",
      Params().add(a.read_at).add(a.acked_at).add(a.snoozed_until).add(a.agenda_item).add(a.meeting).add(a.id));
}

int64_t PgStore::mark_alerts_read(Id owner, int64_t at) {
  std::lock_guard lock(mu_);
  return c_->query("UPDATE alerts SET read_at = $1 WHERE owner = $2 AND read_at = 0", Params().add(at).add(owner))
      .affected();
}

}  // namespace sl::store::pg
