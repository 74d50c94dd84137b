// Target grid edits and their audit trail: a batch is all-or-nothing, and only cells whose
// value really changes leave an audit row (re-saving an unchanged grid is silent).
#include "core/error.h"
#include "store/sqlite/audit.h"
#include "store/sqlite/sqlite_store.h"

namespace sl::store::sqlite {

namespace {

std::string target_key(const model::Target& t) {
  return format_month(t.month) + "/" + model::metric_code(t.metric) + "/" + model::owner_code(t.owner_kind) + "/" +
         std::to_string(t.owner_id);
}

bool exists(Stmt& q, Id id) {
  q.bind(1, id);
  bool found = q.step();
  q.reset();
  return found;
}

}  // namespace

void SqliteStore::save_targets(const std::vector<TargetChange>& changes, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  Stmt region_q(db_, "SELECT 1 FROM regions WHERE id = ?");
  Stmt rep_q(db_, "SELECT 1 FROM reps WHERE id = ?");
  Stmt old_q(db_,
             "SELECT value, version FROM targets WHERE month = ? AND metric = ? AND owner_kind = ? AND owner_id = ?");
  Stmt upsert(db_,
              "INSERT INTO targets(month, metric, owner_kind, owner_id, value) VALUES (?,?,?,?,?)"
              " ON CONFLICT(month, metric, owner_kind, owner_id) DO UPDATE SET value = excluded.value,"
              " version = targets.version + 1");
  Stmt del(db_, "DELETE FROM targets WHERE month = ? AND metric = ? AND owner_kind = ? AND owner_id = ?");
  AuditWriter audit(db_);

  for (const auto& c : changes) {
    const auto& k = c.key;
    // The owner must exist: owner_id cannot be a foreign key because its table depends on kind.
    bool owner_ok = k.owner_kind == model::OwnerKind::company  ? k.owner_id == 0
                    : k.owner_kind == model::OwnerKind::region ? exists(region_q, k.owner_id)
                                                               : exists(rep_q, k.owner_id);
    if (!owner_ok) throw invalid_field("owner_id", "目标归属对象不存在", "The target owner does not exist");
    if (c.value && *c.value < 0) throw invalid_field("value", "目标值不能为负数", "A target value cannot be negative");
    if (k.month.year() < 1900 || k.month.year() > 9999) throw invalid_field("month", "月份无效", "Invalid month");

    const std::string month = format_month(k.month);
    const char* metric = model::metric_code(k.metric);
    const char* owner = model::owner_code(k.owner_kind);
    old_q.bind(1, month).bind(2, metric).bind(3, owner).bind(4, k.owner_id);
    std::optional<int64_t> old;
    int64_t version = 0;
    if (old_q.step()) old = old_q.i64(0), version = old_q.i64(1);
    old_q.reset();
    if (c.version && *c.version != version) throw version_conflict();  // the transaction rolls back
    if (old == c.value) continue;  // nothing changes, nothing to audit

    if (c.value)
      upsert.bind(1, month).bind(2, metric).bind(3, owner).bind(4, k.owner_id).bind(5, *c.value).run();
    else
      del.bind(1, month).bind(2, metric).bind(3, owner).bind(4, k.owner_id).run();
    audit.write({at, user, "target", target_key(k), old ? std::to_string(*old) : std::string(),
                 c.value ? std::to_string(*c.value) : std::string()},
                c.source);
  }
  tx.commit();
}

std::vector<TargetCell> SqliteStore::target_cells(int year, model::TargetMetric metric, model::OwnerKind owner) {
  auto rd = reader();
  Stmt s(rd.db,
         "SELECT owner_id, month, value, version FROM targets"
         " WHERE substr(month, 1, 5) = ? AND metric = ? AND owner_kind = ?");
  s.bind(1, std::to_string(year) + "-").bind(2, model::metric_code(metric)).bind(3, model::owner_code(owner));
  std::vector<TargetCell> out;
  while (s.step()) out.push_back({s.id(0), parse_month(s.text(1)).value(), s.i64(2), s.i64(3)});
  return out;
}

std::vector<AuditEntry> SqliteStore::audit_log(const AuditQuery& q) {
  auto rd = reader();
  // substr() rather than LIKE so '%' or '_' in a key prefix match literally.
  Stmt s(rd.db,
         "SELECT a.id, a.at, a.user, COALESCE(u.login, ''), a.entity, a.entity_key, a.old_value, a.new_value, a.source"
         " FROM audit_log a LEFT JOIN users u ON u.id = a.user"
         " WHERE (?1 = '' OR a.entity = ?1) AND (?2 = '' OR substr(a.entity_key, 1, length(?2)) = ?2)"
         " ORDER BY a.id DESC LIMIT ?3");
  s.bind(1, q.entity).bind(2, q.key_prefix).bind(3, q.limit);
  std::vector<AuditEntry> out;
  while (s.step()) out.push_back({s.i64(0), s.i64(1), s.id(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7), s.text(8)});
  return out;
}

}  // namespace sl::store::sqlite
