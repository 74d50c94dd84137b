// P5 forecast submissions: each one is a new row (resubmitting keeps the earlier ones, so the
// forecast that counted at the lock can always be told), audited with the value it replaces.
#include "core/error.h"
#include "store/sqlite/audit.h"
#include "store/sqlite/sqlite_store.h"

namespace sl::store::sqlite {

Id SqliteStore::add_forecast(const model::Forecast& f, Id user, int64_t at) {
  if (f.value < 0) throw invalid_field("value", "预测值不能为负数", "A forecast cannot be negative");
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  Stmt rep(db_, "SELECT 1 FROM reps WHERE id = ?");
  rep.bind(1, f.rep);
  if (!rep.step()) throw invalid_field("rep", "销售代表不存在", "No such rep");
  const std::string month = format_month(f.month);
  Stmt old(db_, "SELECT value FROM forecasts WHERE month = ? AND rep = ? ORDER BY submitted_at DESC, id DESC LIMIT 1");
  old.bind(1, month).bind(2, f.rep);
  const std::string old_value = old.step() ? std::to_string(old.i64(0)) : std::string();
  Stmt top(db_, "SELECT COALESCE(MAX(id), 0) FROM forecasts");
  const Id id = (top.step() ? top.i64(0) : 0) + 1;
  Stmt insert(db_, "INSERT INTO forecasts(id, month, rep, value, submitted_at) VALUES (?,?,?,?,?)");
  insert.bind(1, id).bind(2, month).bind(3, f.rep).bind(4, f.value).bind(5, f.submitted_at).run();
  write_audit(db_, {at, user, "forecast", month + "/rep/" + std::to_string(f.rep), old_value, std::to_string(f.value)});
  tx.commit();
  return id;
}

}  // namespace sl::store::sqlite
