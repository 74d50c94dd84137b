// User administration (issue 14): create, update and password reset by an admin, each one
// transaction with its audit row. The audit values are the row as JSON without the hash
// (store/user_audit.cpp, the same on both backends), read inside the transaction before and
// after the write.
// The last-admin rule is checked here, inside the transaction, so two admins demoting each
// other at once cannot both succeed.
#include "core/error.h"
#include "store/rows.h"
#include "store/sqlite/audit.h"
#include "store/sqlite/sqlite_store.h"

namespace sl::store::sqlite {

namespace {

std::optional<UserRecord> user_in_tx(sqlite3* db, Id id) {
  Stmt q(db, std::string(rows::kUserCols) + "WHERE id = ?");
  q.bind(1, id);
  std::optional<UserRecord> r;
  if (q.step()) r = rows::read_user(q);
  q.reset();
  return r;
}

// The audited fields of one user as a JSON object (rows::user_audit_json); "" when there is
// no such user.
std::string user_audit_json(sqlite3* db, Id id) {
  auto u = user_in_tx(db, id);
  return u ? rows::user_audit_json(u->user) : "";
}

int64_t other_active_admins(sqlite3* db, Id id) {
  Stmt q(db, "SELECT count(*) FROM users WHERE role = 'admin' AND active = 1 AND id <> ?");
  q.bind(1, id);
  q.step();
  int64_t n = q.i64(0);
  q.reset();
  return n;
}

void end_sessions(sqlite3* db, Id user) {
  Stmt del(db, "DELETE FROM sessions WHERE user = ?");
  del.bind(1, user).run();
}

void audit_user(sqlite3* db, int64_t at, Id by, Id user, const std::string& old_value, const std::string& new_value) {
  write_audit(db, {at, by, "user", std::to_string(user), old_value, new_value});
}

}  // namespace

Id SqliteStore::create_user(const model::User& u, const std::string& password_hash, Id by, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  Id id = insert_user_locked(u, password_hash);
  audit_user(db_, at, by, id, "", user_audit_json(db_, id));
  tx.commit();
  return id;
}

bool SqliteStore::update_user(const model::User& u, Id by, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  auto old = user_in_tx(db_, u.id);
  if (!old) return false;
  const model::User& o = old->user;
  const bool was_admin = o.role == model::Role::admin && o.active;
  const bool is_admin = u.role == model::Role::admin && u.active;
  if (was_admin && !is_admin && other_active_admins(db_, u.id) == 0)
    throw AppError(409, "last_admin", "", "这是最后一个启用的管理员账号，不能停用或降级",
                   "This is the last active administrator; it cannot be deactivated or given another role");
  const std::string before = user_audit_json(db_, u.id);
  Stmt up(db_,
          "UPDATE users SET display_name = ?, role = ?, region = ?, rep = ?, lang = ?, active = ?, email = ?,"
          " wecom_id = ?, dingtalk_id = ? WHERE id = ?");
  up.bind(1, u.display_name).bind(2, model::role_code(u.role)).bind_id(3, u.region).bind_id(4, u.rep);
  up.bind(5, u.lang).bind(6, u.active ? 1 : 0).bind(7, u.email).bind(8, u.wecom_id).bind(9, u.dingtalk_id);
  up.bind(10, u.id).run();
  // A narrower or lost right must not live on in a session opened under the old one.
  if (!u.active || u.role != o.role || u.region != o.region || u.rep != o.rep) end_sessions(db_, u.id);
  audit_user(db_, at, by, u.id, before, user_audit_json(db_, u.id));
  tx.commit();
  return true;
}

bool SqliteStore::reset_password(Id user, const std::string& password_hash, Id by, int64_t at) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  Stmt up(db_, "UPDATE users SET password_hash = ? WHERE id = ?");
  up.bind(1, password_hash).bind(2, user).run();
  if (sqlite3_changes(db_) == 0) return false;
  end_sessions(db_, user);
  audit_user(db_, at, by, user, "", R"({"password":"reset"})");
  tx.commit();
  return true;
}

}  // namespace sl::store::sqlite
