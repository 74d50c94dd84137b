#include "store/sqlite/stmt.h"

#include "core/error.h"

#include <stdexcept>

namespace sl::store::sqlite {

namespace {
// The database is locked by another process (a backup, a CLI write, another server) for
// longer than busy_timeout: an answer to retry, not an internal error. Nothing was written:
// the transaction that met the lock rolls back.
[[noreturn]] void throw_busy() {
  AppError e(503, "database_busy", "", "数据库正被其他程序占用，本次保存未执行，请稍后重试",
             "The database is busy with another program; nothing was saved, please try again shortly");
  e.retry_after = 5;
  throw e;
}
void throw_if_busy(sqlite3* db) {
  const int code = sqlite3_errcode(db);
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) throw_busy();
}
}  // namespace

void throw_sqlite(sqlite3* db, std::string_view what) {
  throw_if_busy(db);
  throw std::runtime_error("sqlite: " + std::string(what) + ": " + sqlite3_errmsg(db));
}

void exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw_if_busy(db);
    throw std::runtime_error("sqlite: " + msg + " in: " + sql.substr(0, 200));
  }
}

Stmt::Stmt(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &st_, nullptr) !=
      SQLITE_OK)
    throw_sqlite(db, "prepare '" + std::string(sql.substr(0, 120)) + "'");
}

Stmt::~Stmt() { sqlite3_finalize(st_); }

Stmt& Stmt::bind(int i, int64_t v) {
  if (sqlite3_bind_int64(st_, i, v) != SQLITE_OK) throw_sqlite(db_, "bind");
  return *this;
}
Stmt& Stmt::bind(int i, double v) {
  if (sqlite3_bind_double(st_, i, v) != SQLITE_OK) throw_sqlite(db_, "bind");
  return *this;
}
Stmt& Stmt::bind(int i, std::string_view v) {
  if (sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT) != SQLITE_OK)
    throw_sqlite(db_, "bind");
  return *this;
}
Stmt& Stmt::bind_null(int i) {
  if (sqlite3_bind_null(st_, i) != SQLITE_OK) throw_sqlite(db_, "bind");
  return *this;
}
Stmt& Stmt::bind(int i, Date d) { return bind(i, format_date(d)); }
Stmt& Stmt::bind(int i, Month m) { return bind(i, format_month(m)); }

bool Stmt::step() {
  int rc = sqlite3_step(st_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) {
    sqlite3_reset(st_);
    return false;
  }
  // Reset so the statement is reusable; the error text survives in the db handle
  // only until the next call, so capture it first.
  std::string msg = sqlite3_errmsg(db_);
  const int code = sqlite3_errcode(db_);
  sqlite3_reset(st_);
  sqlite3_clear_bindings(st_);
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) throw_busy();
  throw std::runtime_error("sqlite: step: " + msg);
}

void Stmt::run() {
  while (step()) {
  }
  sqlite3_clear_bindings(st_);
}

void Stmt::reset() {
  sqlite3_reset(st_);
  sqlite3_clear_bindings(st_);
}

bool Stmt::is_null(int c) const { return sqlite3_column_type(st_, c) == SQLITE_NULL; }
int64_t Stmt::i64(int c) const { return sqlite3_column_int64(st_, c); }
double Stmt::f64(int c) const { return sqlite3_column_double(st_, c); }
std::string Stmt::text(int c) const {
  auto p = reinterpret_cast<const char*>(sqlite3_column_text(st_, c));
  return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(st_, c))) : std::string();
}
Date Stmt::date(int c) const {
  auto t = text(c);
  auto d = parse_date(t);
  if (!d) throw std::runtime_error("sqlite: malformed date '" + t + "'");
  return *d;
}
std::optional<Date> Stmt::opt_date(int c) const {
  if (is_null(c)) return std::nullopt;
  return date(c);
}
Month Stmt::month(int c) const {
  auto t = text(c);
  auto m = parse_month(t);
  if (!m) throw std::runtime_error("sqlite: malformed month '" + t + "'");
  return *m;
}

Tx::Tx(sqlite3* db) : db_(db) { exec(db_, "BEGIN IMMEDIATE"); }
Tx::~Tx() {
  if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}
void Tx::commit() {
  exec(db_, "COMMIT");  // on failure (e.g. deferred FK) the destructor rolls back
  done_ = true;
}

void DataTx::commit() {
  exec(db_, "UPDATE data_version SET version = version + 1 WHERE id = 1");
  tx_.commit();
}

}  // namespace sl::store::sqlite
