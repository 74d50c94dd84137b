// Target grid edits and the audit trail on PostgreSQL, as store/sqlite/targets.cpp: a batch is
// all-or-nothing and only cells whose value changes leave an audit row.
#include "core/error.h"
#include "store/postgres/pg_store.h"
#include "store/postgres/rows.h"

namespace sl::store::pg {

namespace {
std::string target_key(const model::Target& t) {
  return format_month(t.month) + "/" + model::metric_code(t.metric) + "/" + model::owner_code(t.owner_kind) + "/" +
         std::to_string(t.owner_id);
}
bool exists(Conn& c, const char* table, Id id) {
  return !c.query(std::string("SELECT 1 FROM ") + table + " WHERE id = $1", Params().add(id)).empty();
}
}  // namespace

void PgStore::save_targets(const std::vector<TargetChange>& changes, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  for (const auto& ch : changes) {
    const auto& k = ch.key;
    bool owner_ok = k.owner_kind == model::OwnerKind::company  ? k.owner_id == 0
                    : k.owner_kind == model::OwnerKind::region ? exists(*c_, "regions", k.owner_id)
                                                               : exists(*c_, "reps", k.owner_id);
    if (!owner_ok) throw invalid_field("owner_id", "目标归属对象不存在", "The target owner does not exist");
    if (ch.value && *ch.value < 0) throw invalid_field("value", "目标值不能为负数", "A target value cannot be negative");
    if (k.month.year() < 1900 || k.month.year() > 9999) throw invalid_field("month", "月份无效", "Invalid month");

    const std::string month = format_month(k.month);
    Params key = Params().add(month).add(model::metric_code(k.metric)).add(model::owner_code(k.owner_kind)).add(
        static_cast<int64_t>(k.owner_id));
    Result old_r = c_->query(
        "SELECT value, version FROM targets WHERE month = $1 AND metric = $2 AND owner_kind = $3 AND owner_id = $4"
        " FOR UPDATE",
        key);
    std::optional<int64_t> old;
    int64_t version = 0;
    if (!old_r.empty()) old = old_r.row(0).i64(0), version = old_r.row(0).i64(1);
    if (ch.version && *ch.version != version) throw version_conflict();  // the transaction rolls back
    if (old == ch.value) continue;
    if (ch.value)
      c_->query(
          "INSERT INTO targets(month, metric, owner_kind, owner_id, value) VALUES ($1,$2,$3,$4,$5)"
          " ON CONFLICT(month, metric, owner_kind, owner_id) DO UPDATE SET value = excluded.value,"
          " version = targets.version + 1",
          Params(key).add(*ch.value));
    else
      c_->query("DELETE FROM targets WHERE month = $1 AND metric = $2 AND owner_kind = $3 AND owner_id = $4", key);
    write_audit(*c_,
                {at, user, "target", target_key(k), old ? std::to_string(*old) : std::string(),
                 ch.value ? std::to_string(*ch.value) : std::string()},
                ch.source);
  }
  tx.commit();
}

std::vector<TargetCell> PgStore::target_cells(int year, model::TargetMetric metric, model::OwnerKind owner) {
  auto rd = reader();
  Result r = rd.c.query(
      "SELECT owner_id, month, value, version FROM targets"
      " WHERE substr(month, 1, 5) = $1 AND metric = $2 AND owner_kind = $3",
      Params().add(std::to_string(year) + "-").add(model::metric_code(metric)).add(model::owner_code(owner)));
  std::vector<TargetCell> out;
  for (int i = 0; i < r.rows(); ++i) {
    Row s = r.row(i);
    out.push_back({s.id(0), parse_month(s.text(1)).value(), s.i64(2), s.i64(3)});
  }
  return out;
}

std::vector<AuditEntry> PgStore::audit_log(const AuditQuery& q) {
  auto rd = reader();
  Result r = rd.c.query(
      "SELECT a.id, a.at, a.\"user\", COALESCE(u.login, ''), a.entity, a.entity_key, a.old_value, a.new_value,"
      " a.source FROM audit_log a LEFT JOIN users u ON u.id = a.\"user\""
      " WHERE ($1::text = '' OR a.entity = $1) AND ($2::text = '' OR substr(a.entity_key, 1, length($2)) = $2)"
      " ORDER BY a.id DESC LIMIT (CASE WHEN $3::bigint < 0 THEN NULL ELSE $3::bigint END)",
      Params().add(q.entity).add(q.key_prefix).add(q.limit));
  std::vector<AuditEntry> out;
  for (int i = 0; i < r.rows(); ++i) {
    Row s = r.row(i);
    out.push_back({s.i64(0), s.i64(1), s.id(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7), s.text(8)});
  }
  return out;
}

}  // namespace sl::store::pg
