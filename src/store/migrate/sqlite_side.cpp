// The SQLite side of `migrate`: the schema from sqlite_master and its pragmas, rows read in
// key order and written with one prepared INSERT per table, all in one transaction whose
// foreign keys are checked at COMMIT (defer_foreign_keys).
#include <sqlite3.h>

#include <algorithm>
#include <stdexcept>

#include "store/migrate/tables.h"
#include "store/postgres/migrations.h"  // rowid_tables(): their order is insertion order on both sides
#include "store/sqlite/stmt.h"

namespace sl::store::migrate {

using sqlite::exec;
using sqlite::throw_sqlite;

namespace {

std::string quoted(const std::string& name) { return name == "rowid" ? name : "\"" + name + "\""; }

// SQLite's affinity rules (https://www.sqlite.org/datatype3.html, 3.1) on a declared type.
Kind kind_of(std::string type) {
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::toupper(c); });
  if (type.find("INT") != std::string::npos) return Kind::integer;
  if (type.find("CHAR") != std::string::npos || type.find("CLOB") != std::string::npos ||
      type.find("TEXT") != std::string::npos)
    return Kind::text;
  if (type.empty() || type.find("BLOB") != std::string::npos) return Kind::blob;
  if (type.find("REAL") != std::string::npos || type.find("FLOA") != std::string::npos ||
      type.find("DOUB") != std::string::npos)
    return Kind::real;
  return Kind::text;
}

class Query {
 public:
  Query(sqlite3* db, const std::string& sql) : db_(db), sql_(sql) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st_, nullptr) != SQLITE_OK) throw_sqlite(db, sql);
  }
  ~Query() { sqlite3_finalize(st_); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  bool step() {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) throw_sqlite(db_, sql_);
    return false;
  }
  void run() {
    step();
    sqlite3_reset(st_);
  }
  sqlite3_stmt* get() { return st_; }
  std::string text(int c) {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(st_, c));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(st_, c))) : std::string();
  }

 private:
  sqlite3* db_;
  std::string sql_;
  sqlite3_stmt* st_ = nullptr;
};

class SqliteWriter : public TableWriter {
 public:
  SqliteWriter(sqlite3* db, const Table& t) : t_(t), q_(db, insert_sql(t)) {}
  void put(const Row& r) override {
    sqlite3_stmt* st = q_.get();
    for (size_t c = 0; c < t_.columns.size(); ++c) {
      const int i = static_cast<int>(c + 1);
      const Value& v = r[c];
      if (v.null) {
        sqlite3_bind_null(st, i);
        continue;
      }
      switch (t_.columns[c].kind) {
        case Kind::integer: sqlite3_bind_int64(st, i, v.i); break;
        case Kind::real: sqlite3_bind_double(st, i, v.f); break;
        case Kind::blob: sqlite3_bind_blob64(st, i, v.s.data(), v.s.size(), SQLITE_TRANSIENT); break;
        default: sqlite3_bind_text64(st, i, v.s.data(), v.s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      }
    }
    q_.run();
  }
  void finish() override {}

 private:
  static std::string insert_sql(const Table& t) {
    std::string cols, marks;
    for (const auto& c : t.columns) {
      cols += (cols.empty() ? "" : ", ") + quoted(c.name);
      marks += marks.empty() ? "?" : ", ?";
    }
    return "INSERT INTO \"" + t.name + "\"(" + cols + ") VALUES (" + marks + ")";
  }
  const Table& t_;
  Query q_;
};

class SqliteSide : public Side {
 public:
  SqliteSide(const std::string& path, bool read_only) {
    const int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw std::runtime_error("sqlite: cannot open '" + path + "': " + msg);
    }
    sqlite3_extended_result_codes(db_, 1);
    exec(db_, "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=3000; PRAGMA cache_size=-262144;");
  }
  ~SqliteSide() override {
    if (in_tx_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close_v2(db_);
  }

  std::string name() const override { return "SQLite"; }

  std::vector<Table> tables() override {
    std::vector<Table> out;
    Query q(db_, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (q.step()) out.push_back(Table{q.text(0), {}, {}, {}});
    const auto& rowid = pg::rowid_tables();
    for (auto& t : out) {
      const bool by_rowid = std::find(rowid.begin(), rowid.end(), t.name) != rowid.end();
      if (by_rowid) t.columns.push_back({"rowid", Kind::integer});
      std::vector<std::pair<int, std::string>> key;
      Query cols(db_, "SELECT name, type, pk FROM pragma_table_info('" + t.name + "') ORDER BY cid");
      while (cols.step()) {
        t.columns.push_back({cols.text(0), kind_of(cols.text(1))});
        if (const int pk = sqlite3_column_int(cols.get(), 2)) key.emplace_back(pk, cols.text(0));
      }
      std::sort(key.begin(), key.end());
      if (by_rowid)
        t.order = {"rowid"};
      else if (!key.empty())
        for (auto& k : key) t.order.push_back(k.second);
      else
        for (auto& c : t.columns) t.order.push_back(c.name);
      Query fks(db_, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list('" + t.name + "')");
      while (fks.step())
        if (fks.text(0) != t.name) t.parents.push_back(fks.text(0));
    }
    return out;
  }

  int schema_version() override {
    Query q(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
    q.step();
    return sqlite3_column_int(q.get(), 0);
  }

  void begin_read() override {
    exec(db_, "BEGIN");
    in_tx_ = true;
  }

  void scan(const Table& t, const RowFn& fn) override {
    // COLLATE only on text: on an integer key it would make SQLite sort instead of walking the B-tree.
    Query q(db_, ordered_select(t, quoted, " COLLATE BINARY", ""));
    Row row(t.columns.size());
    sqlite3_stmt* st = q.get();
    while (q.step()) {
      for (size_t c = 0; c < t.columns.size(); ++c) {
        const int i = static_cast<int>(c);
        Value& v = row[c];
        v.null = sqlite3_column_type(st, i) == SQLITE_NULL;
        if (v.null) continue;
        switch (t.columns[c].kind) {
          case Kind::integer: v.i = sqlite3_column_int64(st, i); break;
          case Kind::real: v.f = sqlite3_column_double(st, i); break;
          case Kind::blob:
            v.s = std::string_view(static_cast<const char*>(sqlite3_column_blob(st, i)),
                                   static_cast<size_t>(sqlite3_column_bytes(st, i)));
            break;
          default:
            v.s = std::string_view(reinterpret_cast<const char*>(sqlite3_column_text(st, i)),
                                   static_cast<size_t>(sqlite3_column_bytes(st, i)));
        }
      }
      fn(row);
    }
  }

  void begin(const std::vector<Table>& tables) override {
    exec(db_, "BEGIN IMMEDIATE; PRAGMA defer_foreign_keys=ON;");
    in_tx_ = true;
    for (const auto& t : tables) {
      if (filled_by_migrations(t.name)) {
        exec(db_, "DELETE FROM \"" + t.name + "\"");
        continue;
      }
      Query q(db_, "SELECT count(*) FROM \"" + t.name + "\"");
      q.step();
      if (const int64_t n = sqlite3_column_int64(q.get(), 0)) refuse_not_empty(t.name, n);
    }
  }

  std::unique_ptr<TableWriter> writer(const Table& t) override { return std::make_unique<SqliteWriter>(db_, t); }

  void commit() override {
    exec(db_, "COMMIT");
    in_tx_ = false;
  }

 private:
  sqlite3* db_ = nullptr;
  bool in_tx_ = false;
};

}  // namespace

std::unique_ptr<Side> sqlite_side(const std::string& path, bool read_only) {
  return std::make_unique<SqliteSide>(path, read_only);
}

}  // namespace sl::store::migrate
