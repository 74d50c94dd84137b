// Thin RAII wrappers over the SQLite C API: a prepared statement with typed bind/column
// helpers and a transaction that rolls back unless committed. Nothing here knows the
// schema; errors become std::runtime_error carrying SQLite's message.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace sl::store::sqlite {

[[noreturn]] void throw_sqlite(sqlite3* db, std::string_view what);

// Runs one or more statements without results (DDL, PRAGMA, BEGIN/COMMIT).
void exec(sqlite3* db, const std::string& sql);

class Stmt {
 public:
  Stmt(sqlite3* db, std::string_view sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // Parameters are 1-based, as in SQLite.
  Stmt& bind(int i, int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind_null(int i);
  // Foreign-key ids: 0 means "none" in the model and NULL in the database.
  Stmt& bind_id(int i, int64_t id) { return id == 0 ? bind_null(i) : bind(i, id); }
  Stmt& bind(int i, Date d);
  Stmt& bind(int i, Month m);
  Stmt& bind(int i, const std::optional<Date>& d) { return d ? bind(i, *d) : bind_null(i); }

  // true while a row is available; false when done (the statement then resets itself).
  bool step();
  // Steps a statement that returns no rows, then resets it and clears its bindings.
  void run();
  void reset();

  // Columns are 0-based, as in SQLite.
  bool is_null(int c) const;
  int64_t i64(int c) const;
  int64_t id(int c) const { return is_null(c) ? 0 : i64(c); }  // NULL → 0
  double f64(int c) const;
  std::string text(int c) const;
  Date date(int c) const;  // throws on a malformed 'YYYY-MM-DD'
  std::optional<Date> opt_date(int c) const;
  Month month(int c) const;  // throws on a malformed 'YYYY-MM'

 private:
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

// BEGIN IMMEDIATE on construction (take the write lock up front so two writers never
// deadlock on upgrade); ROLLBACK in the destructor unless commit() succeeded.
class Tx {
 public:
  explicit Tx(sqlite3* db);
  ~Tx();
  Tx(const Tx&) = delete;
  Tx& operator=(const Tx&) = delete;
  void commit();

 private:
  sqlite3* db_;
  bool done_ = false;
};

// A transaction that writes the data set (entities, targets, meetings, acknowledgements,
// users): commit() also bumps the shared data version in the same transaction, so every
// reader keyed on it — the Snapshot publisher, the kept dashboard answers — sees each write.
class DataTx {
 public:
  explicit DataTx(sqlite3* db) : db_(db), tx_(db) {}
  void commit();

 private:
  sqlite3* db_;
  Tx tx_;
};

}  // namespace sl::store::sqlite
