// Thin RAII wrappers over libpq: a connection whose statements are all prepared once (by
// their text) and run with text parameters, results that free themselves, and a transaction
// that rolls back unless committed. Nothing here knows the schema. Errors become the
// AppErrors the SQLite backend throws for the same cause (pg_error, conn.cpp).
#pragma once
#include <libpq-fe.h>

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/ids.h"

namespace sl::store::pg {

// One row of a text-format result, with the accessors of sqlite::Stmt (columns 0-based).
class Row {
 public:
  Row(const PGresult* r, int row) : r_(r), row_(row) {}
  bool is_null(int c) const { return PQgetisnull(r_, row_, c) != 0; }
  int64_t i64(int c) const;
  int64_t id(int c) const { return is_null(c) ? 0 : i64(c); }  // NULL → 0
  double f64(int c) const;
  std::string text(int c) const;
  std::string bytes(int c) const;  // a BYTEA column (text result: hex)
  Date date(int c) const;
  std::optional<Date> opt_date(int c) const;
  Month month(int c) const;

 private:
  const PGresult* r_;
  int row_;
};

class Result {
 public:
  explicit Result(PGresult* r = nullptr) : r_(r) {}
  ~Result() { PQclear(r_); }
  Result(Result&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
  Result& operator=(Result&& o) noexcept;
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
  int rows() const { return PQntuples(r_); }
  Row row(int i) const { return Row(r_, i); }
  // Rows a write touched (UPDATE/DELETE/INSERT).
  int64_t affected() const;
  bool empty() const { return rows() == 0; }
  const PGresult* get() const { return r_; }

 private:
  PGresult* r_;
};

// Parameters in text format; nullopt is NULL. Ids of 0 bind NULL (the model's "none").
class Params {
 public:
  Params& add(int64_t v) { return put(std::to_string(v)); }
  Params& add(int v) { return add(static_cast<int64_t>(v)); }
  Params& add(double v);
  Params& add(std::string_view v) { return put(std::string(v)); }
  Params& add(const char* v) { return put(v); }
  Params& add(const std::string& v) { return put(v); }
  Params& add(Date d) { return put(format_date(d)); }
  Params& add(Month m) { return put(format_month(m)); }
  Params& add(const std::optional<Date>& d) { return d ? add(*d) : null(); }
  Params& add_id(Id id) { return id == 0 ? null() : add(static_cast<int64_t>(id)); }
  // Bytes (BYTEA), sent in binary format so any byte survives.
  Params& add_bytes(std::string v) {
    binary_.resize(v_.size() + 1, 0);
    binary_.back() = 1;
    return put(std::move(v));
  }
  Params& null() {
    v_.emplace_back();
    return *this;
  }
  const std::vector<std::optional<std::string>>& values() const { return v_; }
  bool binary(size_t i) const { return i < binary_.size() && binary_[i]; }

 private:
  Params& put(std::string s) {
    v_.emplace_back(std::move(s));
    return *this;
  }
  std::vector<std::optional<std::string>> v_;
  std::vector<int> binary_;  // by parameter: 1 = binary format
};

class Conn {
 public:
  explicit Conn(const std::string& url);
  ~Conn();
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;

  PGconn* raw() { return c_; }
  // The server process of this connection (a new one after a reset), readable from any thread:
  // the data watch (notify.h) knows its own server's notifications by it.
  int backend_pid() const { return pid_.load(); }
  // Resets a connection found dropped (503 if the server is still away); every statement
  // does this first, COPY (copy.cpp) calls it itself.
  void ensure();
  // Statements without parameters or results, several allowed (DDL, BEGIN/COMMIT).
  void exec(const std::string& sql);
  // A statement with $1… parameters, prepared on first use and kept by its text.
  Result query(const std::string& sql, const Params& p = {});
  // The first column of the first row as an integer (COUNT, MAX, a version), `none` if no row.
  int64_t scalar(const std::string& sql, const Params& p = {}, int64_t none = 0);

 private:
  Result run(const std::string& sql, const Params& p);
  PGconn* c_ = nullptr;
  std::unordered_map<std::string, std::string> prepared_;  // sql → statement name
  std::atomic<int> pid_{0};
};

// PQconnectdb with connect_timeout=5 unless the URL gives its own: a database host that does
// not answer (not only one that refuses) fails a connection, its resets and the health
// round trip in seconds, not after the operating system's TCP timeout.
PGconn* connect(const std::string& url);

// Throws the AppError or runtime_error for a failed result or connection.
[[noreturn]] void throw_pg(PGconn* c, const PGresult* r, std::string_view what);

// BEGIN on construction, ROLLBACK in the destructor unless commit() succeeded.
class Tx {
 public:
  explicit Tx(Conn& c);
  ~Tx();
  Tx(const Tx&) = delete;
  Tx& operator=(const Tx&) = delete;
  void commit();

 private:
  Conn& c_;
  bool done_ = false;
};

// A transaction that writes the data set: commit() also bumps the data version (as
// sqlite::DataTx does), so the Snapshot publisher and the kept answers see each write, and
// NOTIFYs it on channel kDataChannel in the same transaction (delivered at COMMIT, never
// for a rolled-back write), so the other servers on the database catch up (notify.h).
inline constexpr const char* kDataChannel = "salesloop_data";

class DataTx {
 public:
  explicit DataTx(Conn& c) : c_(c), tx_(c) {}
  void commit();

 private:
  Conn& c_;
  Tx tx_;
};

// The next id of a table whose rows get MAX(id) + 1, as SQLite's INTEGER PRIMARY KEY gives
// them: the same ids on both backends for the same writes. Call inside the write's Tx.
Id next_id(Conn& c, const char* table);

}  // namespace sl::store::pg
