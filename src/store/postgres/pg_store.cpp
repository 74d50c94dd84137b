#include "store/postgres/pg_store.h"

#include <iostream>

#include "core/error.h"
#include "store/postgres/migrations.h"
#include "store/postgres/rows.h"

namespace sl::store::pg {

PgStore::PgStore(const std::string& url)
    : url_(url), c_(std::make_unique<Conn>(url)), rc_(std::make_unique<Conn>(url)) {}

PgStore::~PgStore() = default;

int PgStore::schema_version_locked() {
  return static_cast<int>(c_->scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
}

// Every server of a deployment may start at once: the upgrade runs under a session lock, so
// one of them migrates and the others find the schema current.
void PgStore::migrate() {
  std::lock_guard lock(mu_);
  constexpr int64_t kMigrateLock = 0x73616c65736c6f6f;  // "salesloo"
  c_->query("SELECT pg_advisory_lock($1)", Params().add(kMigrateLock));
  struct Unlock {
    Conn& c;
    ~Unlock() {
      try {
        c.query("SELECT pg_advisory_unlock($1)", Params().add(kMigrateLock));
      } catch (...) {
      }
    }
  } unlock{*c_};
  c_->exec("CREATE TABLE IF NOT EXISTS schema_version(version BIGINT NOT NULL)");
  const auto& scripts = migrations();
  for (int v = schema_version_locked(); v < static_cast<int>(scripts.size()); ++v) {
    Tx tx(*c_);  // each step on its own: a failed script leaves the previous version intact
    c_->exec(scripts[v]);
    c_->exec("DELETE FROM schema_version");
    c_->query("INSERT INTO schema_version(version) VALUES ($1)", Params().add(v + 1));
    tx.commit();
  }
  ensure_unique_keys_locked();
}

int PgStore::schema_version() {
  std::lock_guard lock(mu_);
  return schema_version_locked();
}

int64_t PgStore::data_version() {
  try {
    auto rd = reader();
    const int64_t v = rd.c.scalar("SELECT version FROM data_version WHERE id = 1");
    seen_version_ = v;
    return v;
  } catch (const AppError& e) {
    // Away: the last version read (every request asks it, to key its kept answers).
    if (e.code != "database_unavailable" || seen_version_ == 0) throw;
    return seen_version_;
  }
}

namespace {
// As sqlite/login_failures.cpp: a unique index added after the fact, unless rows break it.
void unique_key(Conn& c, const char* index, const char* table, const char* expr, const char* what) {
  if (!c.query("SELECT 1 FROM pg_indexes WHERE indexname = $1", Params().add(index)).empty()) return;
  Result dup = c.query(std::string("SELECT ") + expr + ", COUNT(*) FROM " + table +
                       " GROUP BY 1 HAVING COUNT(*) > 1 ORDER BY 1 LIMIT 20");
  if (!dup.empty()) {
    std::string found;
    for (int i = 0; i < dup.rows(); ++i)
      found += (i ? ", " : "") + ("'" + dup.row(i).text(0) + "' × " + dup.row(i).text(1));
    std::cerr << "warning: " << what << " are not unique (case and spaces ignored): " << found
              << (dup.rows() == 20 ? ", …" : "") << "; rename them, then restart to add the unique index " << index
              << "\n";
    return;
  }
  c.exec(std::string("CREATE UNIQUE INDEX IF NOT EXISTS ") + index + " ON " + table + "(" + expr + ")");
}
}  // namespace

void PgStore::ensure_unique_keys_locked() {
  unique_key(*c_, "contracts_code_key", "contracts", "lower(trim(code))", "contract codes");
  unique_key(*c_, "customers_code_key", "customers", "lower(trim(code))", "customer codes");
  unique_key(*c_, "products_code_key", "products", "lower(trim(code))", "product codes");
  unique_key(*c_, "users_login_key", "users", "lower(login)", "user logins");
}

// --- users ---------------------------------------------------------------------

Id PgStore::add_user(const model::User& u, const std::string& password_hash) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  Id id = insert_user_locked(u, password_hash);
  tx.commit();
  return id;
}

Id PgStore::insert_user_locked(const model::User& u, const std::string& password_hash) {
  if (!c_->query("SELECT 1 FROM users WHERE lower(login) = lower($1)", Params().add(u.login)).empty())
    throw AppError(422, "invalid_field", "login", "登录名已存在", "Login already exists");
  const Id id = next_id(*c_, "users");
  c_->query(
      "INSERT INTO users(id, login, display_name, role, region, rep, lang, active, password_hash,"
      " email, wecom_id, dingtalk_id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)",
      Params()
          .add(id)
          .add(u.login)
          .add(u.display_name)
          .add(model::role_code(u.role))
          .add_id(u.region)
          .add_id(u.rep)
          .add(u.lang)
          .add(u.active ? 1 : 0)
          .add(password_hash)
          .add(u.email)
          .add(u.wecom_id)
          .add(u.dingtalk_id));
  return id;
}

namespace {
std::optional<UserRecord> one_user(const Result& r) {
  if (r.empty()) return std::nullopt;
  return rows::read_user(r.row(0));
}
}  // namespace

std::optional<UserRecord> PgStore::find_user_by_login(const std::string& login) {
  auto rd = reader();
  return one_user(rd.c.query(std::string(rows::kUserCols) + "WHERE lower(login) = lower($1)", Params().add(login)));
}

std::optional<UserRecord> PgStore::find_user(Id id) {
  try {
    auto rd = reader();
    auto u = one_user(rd.c.query(std::string(rows::kUserCols) + "WHERE id = $1", Params().add(id)));
    if (u) saw_user(*u);
    return u;
  } catch (const AppError& e) {
    if (e.code != "database_unavailable") throw;
    if (auto u = seen_user(id)) return u;
    throw;
  }
}

std::vector<model::User> PgStore::list_users() {
  auto rd = reader();
  Result r = rd.c.query(std::string(rows::kUserCols) + "ORDER BY id");
  std::vector<model::User> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(rows::read_user(r.row(i)).user);
  return out;
}

bool PgStore::set_password(const std::string& login, const std::string& password_hash) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  Result up = c_->query("UPDATE users SET password_hash = $1 WHERE lower(login) = lower($2) RETURNING id",
                        Params().add(password_hash).add(login));
  if (up.empty()) return false;  // nothing written: the Tx rolls back
  forget_sessions("", up.row(0).i64(0));
  c_->query("DELETE FROM sessions WHERE \"user\" = $1", Params().add(up.row(0).i64(0)));
  tx.commit();
  return true;
}

// --- sessions (not data: no data_version bump) ---------------------------------

void PgStore::create_session(const SessionRecord& s) {
  std::lock_guard lock(mu_);
  c_->query("INSERT INTO sessions(token_hash, \"user\", csrf, created_at, expires_at) VALUES ($1,$2,$3,$4,$5)",
            Params().add(s.token_hash).add(s.user).add(s.csrf).add(s.created_at).add(s.expires_at));
}

std::optional<SessionRecord> PgStore::find_session(const std::string& token_hash) {
  try {
    auto rd = reader();
    Result r = rd.c.query(
        "SELECT token_hash, \"user\", csrf, created_at, expires_at FROM sessions WHERE token_hash = $1",
        Params().add(token_hash));
    if (r.empty()) return std::nullopt;
    Row q = r.row(0);
    SessionRecord s{q.text(0), q.i64(1), q.text(2), q.i64(3), q.i64(4)};
    saw_session(s);
    return s;
  } catch (const AppError& e) {
    if (e.code != "database_unavailable") throw;
    if (auto s = seen_session(token_hash)) return s;
    throw;
  }
}

void PgStore::delete_session(const std::string& token_hash) {
  forget_sessions(token_hash, 0);
  std::lock_guard lock(mu_);
  c_->query("DELETE FROM sessions WHERE token_hash = $1", Params().add(token_hash));
}

void PgStore::delete_user_sessions(Id user) {
  forget_sessions("", user);
  std::lock_guard lock(mu_);
  c_->query("DELETE FROM sessions WHERE \"user\" = $1", Params().add(user));
}

void PgStore::delete_expired_sessions(int64_t now) {
  std::lock_guard lock(mu_);
  c_->query("DELETE FROM sessions WHERE expires_at <= $1", Params().add(now));
}

// --- login failures (not data) -------------------------------------------------

UserStore::FailureCount PgStore::login_failures(const std::string& key, int64_t since) {
  auto rd = reader();
  Result r = rd.c.query(
      "SELECT COUNT(*), COALESCE(MIN(at), 0), COALESCE(MAX(at), 0) FROM login_failures WHERE key = $1 AND at >= $2",
      Params().add(key).add(since));
  Row q = r.row(0);
  return FailureCount{static_cast<int>(q.i64(0)), q.i64(1), q.i64(2)};
}

void PgStore::add_login_failure(const std::string& key, int64_t at, int64_t forget_before) {
  std::lock_guard lock(mu_);
  Tx tx(*c_);
  c_->query("DELETE FROM login_failures WHERE at < $1", Params().add(forget_before));
  c_->query("INSERT INTO login_failures(key, at) VALUES ($1, $2)", Params().add(key).add(at));
  tx.commit();
}

void PgStore::clear_login_failures(const std::string& key) {
  std::lock_guard lock(mu_);
  c_->query("DELETE FROM login_failures WHERE key = $1", Params().add(key));
}

}  // namespace sl::store::pg
