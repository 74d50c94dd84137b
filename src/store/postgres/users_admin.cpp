// User administration (issue 14) on PostgreSQL: as store/sqlite/users_admin.cpp, each write
// one transaction with its audit row; the last-admin rule checked inside it.
#include "core/error.h"
#include "store/postgres/pg_store.h"
#include "store/postgres/rows.h"

namespace sl::store::pg {

namespace {
void end_sessions(Conn& c, Id user) { c.query("DELETE FROM sessions WHERE \"user\" = $1", Params().add(user)); }
}  // namespace

Id PgStore::create_user(const model::User& u, const std::string& password_hash, Id by, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  Id id = insert_user_locked(u, password_hash);
  write_audit(*c_, {at, by, "user", std::to_string(id), "", user_audit_json(*c_, id)});
  tx.commit();
  return id;
}

bool PgStore::update_user(const model::User& u, Id by, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  // FOR UPDATE: two admins demoting each other at once are serialised on the rows.
  Result old_r = c_->query(std::string(rows::kUserCols) + "WHERE id = $1 FOR UPDATE", Params().add(u.id));
  if (old_r.empty()) return false;
  const model::User o = rows::read_user(old_r.row(0)).user;
  const bool was_admin = o.role == model::Role::admin && o.active;
  const bool is_admin = u.role == model::Role::admin && u.active;
  if (was_admin && !is_admin) {
    c_->query("SELECT id FROM users WHERE role = 'admin' AND active = 1 FOR UPDATE");
    if (c_->scalar("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1 AND id <> $1", Params().add(u.id)) ==
        0)
      throw AppError(409, "last_admin", "", "这是最后一个启用的管理员账号，不能停用或降级",
                     "This is the last active administrator; it cannot be deactivated or given another role");
  }
  const std::string before = user_audit_json(*c_, u.id);
  c_->query(
      "UPDATE users SET display_name = $1, role = $2, region = $3, rep = $4, lang = $5, active = $6, email = $7,"
      " wecom_id = $8, dingtalk_id = $9 WHERE id = $10",
      Params()
          .add(u.display_name)
          .add(model::role_code(u.role))
          .add_id(u.region)
          .add_id(u.rep)
          .add(u.lang)
          .add(u.active ? 1 : 0)
          .add(u.email)
          .add(u.wecom_id)
          .add(u.dingtalk_id)
          .add(u.id));
  if (!u.active || u.role != o.role || u.region != o.region || u.rep != o.rep) end_sessions(*c_, u.id);
  write_audit(*c_, {at, by, "user", std::to_string(u.id), before, user_audit_json(*c_, u.id)});
  tx.commit();
  return true;
}

bool PgStore::reset_password(Id user, const std::string& password_hash, Id by, int64_t at) {
  std::lock_guard lock(mu_);
  Tx tx(*c_);
  if (c_->query("UPDATE users SET password_hash = $1 WHERE id = $2", Params().add(password_hash).add(user)).affected() ==
      0)
    return false;
  end_sessions(*c_, user);
  write_audit(*c_, {at, by, "user", std::to_string(user), "", R"({"password":"reset"})"});
  tx.commit();
  return true;
}

}  // namespace sl::store::pg
