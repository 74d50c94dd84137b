#include "store/sqlite/sqlite_store.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vector>

#include "core/error.h"
#include "store/rows.h"
#include "store/sqlite/migrations.h"

namespace sl::store {

// Reading a B-tree walks its pages out of file order; from a cold page cache those small
// reads made a 10M-line load take 11 s where one sequential pass over the file takes ~1.3 s
// and the load from a warm cache ~5 s. So a file mostly not in the page cache (mincore) is
// read through once, in file order, before loading; a cached one is left alone.
void prefetch(const std::string& url) {
  if (is_postgres_url(url)) return;  // a server's database: nothing to read ahead here
  const std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
  if (path.empty() || path == ":memory:") return;
  for (const std::string& f : {path, path + "-wal"}) {
    int fd = ::open(f.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    struct stat st {};
    const size_t size = ::fstat(fd, &st) == 0 ? static_cast<size_t>(st.st_size) : 0;
    bool cached = size == 0;
    if (!cached) {
      void* map = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
      if (map != MAP_FAILED) {
        const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
        std::vector<unsigned char> in((size + page - 1) / page);
        if (::mincore(map, size, in.data()) == 0) {
          size_t resident = 0;
          for (unsigned char v : in) resident += v & 1;
          cached = resident * 10 >= in.size() * 9;
        }
        ::munmap(map, size);
      }
    }
    if (!cached) {
      std::vector<char> buf(8 << 20);
      for (off_t at = 0; ::pread(fd, buf.data(), buf.size(), at) > 0; at += static_cast<off_t>(buf.size())) {
      }
    }
    ::close(fd);
  }
}

}  // namespace sl::store

namespace sl::store::sqlite {

SqliteStore::SqliteStore(const std::string& path) {
  // Every method holds mu_, so SQLite's own per-call mutex is redundant (it cost ~5% of a
  // 10M-line load): the connection is opened without it.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error("sqlite: cannot open '" + path + "': " + msg);
  }
  sqlite3_extended_result_codes(db_, 1);
  if (path != ":memory:" && !path.empty()) path_ = path;
  // WAL lets readers in other processes (backups, the CLI) run beside the server;
  // NORMAL sync is durable across application crashes, which is what WAL needs.
  // busy_timeout: how long a write waits for a lock another process holds before it is
  // answered 503 (stmt.cpp); a request should not hang longer than that.
  exec(db_,
       "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=3000;"
       " PRAGMA synchronous=NORMAL;");
  if (!path_.empty()) {
    // Opened after db_ switched the file to WAL. Read-write, not read-only: a read-only
    // connection cannot recover a WAL index another process left behind.
    if (sqlite3_open_v2(path.c_str(), &rdb_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      std::string msg = rdb_ ? sqlite3_errmsg(rdb_) : "out of memory";
      sqlite3_close(rdb_);
      sqlite3_close(db_);
      throw std::runtime_error("sqlite: cannot open '" + path + "' for reading: " + msg);
    }
    sqlite3_extended_result_codes(rdb_, 1);
    exec(rdb_, "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=3000;");
  }
}

SqliteStore::~SqliteStore() {
  sqlite3_close_v2(rdb_);
  sqlite3_close_v2(db_);
}

SqliteStore::Reader SqliteStore::reader() {
  if (!rdb_) return Reader{std::unique_lock(mu_), db_};
  return Reader{std::unique_lock(rmu_), rdb_};
}

int SqliteStore::schema_version_locked() {
  Stmt q(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
  q.step();
  int v = static_cast<int>(q.i64(0));
  q.reset();
  return v;
}

void SqliteStore::migrate() {
  std::lock_guard lock(mu_);
  exec(db_, "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)");
  const auto& scripts = migrations();
  for (int v = schema_version_locked(); v < static_cast<int>(scripts.size()); ++v) {
    // Each step in its own transaction: a failed script leaves the previous version intact.
    Tx tx(db_);
    exec(db_, scripts[v]);
    exec(db_, "DELETE FROM schema_version");
    Stmt ins(db_, "INSERT INTO schema_version(version) VALUES (?)");
    ins.bind(1, v + 1).run();
    tx.commit();
  }
  ensure_unique_keys_locked();
}

int SqliteStore::schema_version() {
  std::lock_guard lock(mu_);
  return schema_version_locked();
}

int64_t SqliteStore::data_version() {
  auto rd = reader();
  Stmt q(rd.db, "SELECT version FROM data_version WHERE id = 1");
  int64_t v = q.step() ? q.i64(0) : 0;
  q.reset();
  return v;
}

// --- users ---------------------------------------------------------------------

namespace {
std::optional<UserRecord> one_user(Stmt& q) {
  std::optional<UserRecord> r;
  if (q.step()) r = rows::read_user(q);
  q.reset();
  return r;
}
}  // namespace

Id SqliteStore::add_user(const model::User& u, const std::string& password_hash) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  Id id = insert_user_locked(u, password_hash);
  tx.commit();
  return id;
}

Id SqliteStore::insert_user_locked(const model::User& u, const std::string& password_hash) {
  Stmt exists(db_, "SELECT 1 FROM users WHERE lower(login) = lower(?)");
  exists.bind(1, u.login);
  bool taken = exists.step();
  exists.reset();
  if (taken) throw AppError(422, "invalid_field", "login", "登录名已存在", "Login already exists");
  Stmt ins(db_,
           "INSERT INTO users(login, display_name, role, region, rep, lang, active, password_hash,"
           " email, wecom_id, dingtalk_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  ins.bind(1, u.login).bind(2, u.display_name).bind(3, model::role_code(u.role));
  ins.bind_id(4, u.region).bind_id(5, u.rep).bind(6, u.lang).bind(7, u.active ? 1 : 0);
  ins.bind(8, password_hash).bind(9, u.email).bind(10, u.wecom_id).bind(11, u.dingtalk_id).run();
  return sqlite3_last_insert_rowid(db_);
}

std::optional<UserRecord> SqliteStore::find_user_by_login(const std::string& login) {
  auto rd = reader();
  Stmt q(rd.db, std::string(rows::kUserCols) + "WHERE lower(login) = lower(?)");
  q.bind(1, login);
  return one_user(q);
}

std::optional<UserRecord> SqliteStore::find_user(Id id) {
  auto rd = reader();
  Stmt q(rd.db, std::string(rows::kUserCols) + "WHERE id = ?");
  q.bind(1, id);
  return one_user(q);
}

std::vector<model::User> SqliteStore::list_users() {
  auto rd = reader();
  Stmt q(rd.db, std::string(rows::kUserCols) + "ORDER BY id");
  std::vector<model::User> out;
  while (q.step()) out.push_back(rows::read_user(q).user);
  return out;
}

bool SqliteStore::set_password(const std::string& login, const std::string& password_hash) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  Stmt up(db_, "UPDATE users SET password_hash = ? WHERE lower(login) = lower(?)");
  up.bind(1, password_hash).bind(2, login).run();
  bool changed = sqlite3_changes(db_) > 0;
  if (!changed) return false;  // nothing written: the Tx rolls back
  // A new password ends every session of the old one, in the same transaction.
  Stmt end(db_, "DELETE FROM sessions WHERE user = (SELECT id FROM users WHERE lower(login) = lower(?))");
  end.bind(1, login).run();
  tx.commit();
  return true;
}

// --- sessions ------------------------------------------------------------------
// Sessions are not part of the analysed data, so they do not bump data_version
// (a login must not make every reader rebuild its snapshot).

void SqliteStore::create_session(const SessionRecord& s) {
  std::lock_guard lock(mu_);
  Stmt ins(db_, "INSERT INTO sessions(token_hash, user, csrf, created_at, expires_at) VALUES (?,?,?,?,?)");
  ins.bind(1, s.token_hash).bind(2, s.user).bind(3, s.csrf).bind(4, s.created_at).bind(5, s.expires_at);
  ins.run();
}

std::optional<SessionRecord> SqliteStore::find_session(const std::string& token_hash) {
  auto rd = reader();
  Stmt q(rd.db, "SELECT token_hash, user, csrf, created_at, expires_at FROM sessions WHERE token_hash = ?");
  q.bind(1, token_hash);
  std::optional<SessionRecord> r;
  if (q.step()) r = SessionRecord{q.text(0), q.i64(1), q.text(2), q.i64(3), q.i64(4)};
  q.reset();
  return r;
}

void SqliteStore::delete_session(const std::string& token_hash) {
  std::lock_guard lock(mu_);
  Stmt del(db_, "DELETE FROM sessions WHERE token_hash = ?");
  del.bind(1, token_hash).run();
}

void SqliteStore::delete_user_sessions(Id user) {
  std::lock_guard lock(mu_);
  Stmt del(db_, "DELETE FROM sessions WHERE user = ?");
  del.bind(1, user).run();
}

void SqliteStore::delete_expired_sessions(int64_t now) {
  std::lock_guard lock(mu_);
  Stmt del(db_, "DELETE FROM sessions WHERE expires_at <= ?");
  del.bind(1, now).run();
}

}  // namespace sl::store::sqlite
