#include "ingest/import_sqlite.h"

#include <sqlite3.h>

#include <ctime>
#include <string_view>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>
#include <stdexcept>

#include "core/error.h"
#include "ingest/import_pg.h"
#include "ingest/test_pause.h"
#include "store/sqlite/audit.h"
#include "store/sqlite/stmt.h"
#include "store/insert_rows.h"
#include "store/store.h"

namespace sl::ingest {

using namespace store::sqlite;  // Stmt, the audit writer, DataTx

namespace {

void bind_value(Stmt& s, int i, const ingest::SqlValue& v) {
  if (const auto* n = std::get_if<int64_t>(&v))
    s.bind(i, *n);
  else if (const auto* t = std::get_if<std::string>(&v))
    s.bind(i, *t);
  else
    s.bind_null(i);
}

}  // namespace

std::string audit_json(const ingest::ImportAudit& a) {
  auto quoted = [](const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '"' || c == '\\') out += '\\';
      if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
    return out + "\"";
  };
  const std::string job = a.job ? "\"job\":" + std::to_string(a.job) + "," : "";
  return "{" + job + "\"file\":" + quoted(a.file) + ",\"sha256\":" + quoted(a.sha256) + ",\"user\":" + quoted(a.user) +
         ",\"inserted\":" + std::to_string(a.inserted) + ",\"updated\":" + std::to_string(a.updated) +
         ",\"unchanged\":" + std::to_string(a.unchanged) + "}";
}

namespace {
// A commit's writes, in order: a run of one INSERT is made kRows rows to a statement
// ("VALUES (…),(…),…"), which opens the table's and its parents' cursors once per kRows rows
// rather than once a row (task import4); any other write, and a run's last rows, one by one. A
// write of another statement first writes the rows held, so the order is the writes' own.
class Writer {
 public:
  explicit Writer(sqlite3* db) : db_(db) {}

  void add(const ingest::SqlWrite& w) {
    if (w.sql.data() != sql_.data() || w.sql.size() != sql_.size()) {
      flush();
      sql_ = w.sql;
      parts_ = store::insert_parts(w.sql);
    }
    if (!parts_) return run(statement(w.sql, 1), w.values);
    held_.insert(held_.end(), w.values.begin(), w.values.end());
    if (++rows_ == kRows) flush();
  }

  // The rows held: kRows in one statement, fewer one at a time (a statement per count would be
  // prepared for each run's tail).
  void flush() {
    if (rows_ == 0) return;
    if (rows_ == kRows) {
      run(statement(sql_, kRows), held_);
    } else {
      const size_t width = held_.size() / rows_;
      Stmt& one = statement(sql_, 1);
      for (size_t r = 0; r < rows_; ++r) {
        for (size_t i = 0; i < width; ++i) bind_value(one, static_cast<int>(i + 1), held_[r * width + i]);
        one.run();
      }
    }
    held_.clear();
    rows_ = 0;
  }

 private:
  static constexpr size_t kRows = 64;

  void run(Stmt& s, const ingest::SqlRow& values) {
    for (size_t i = 0; i < values.size(); ++i) bind_value(s, static_cast<int>(i + 1), values[i]);
    s.run();
  }

  // The statement of sql for `rows` rows (1: sql itself), prepared once.
  Stmt& statement(std::string_view sql, size_t rows) {
    auto key = std::make_pair(sql.data(), rows);
    auto it = prepared_.find(key);
    if (it != prepared_.end()) return *it->second;
    std::string text(sql);
    if (rows > 1) {
      const std::string_view marks = store::insert_parts(sql)->second;
      text = store::insert_rows(sql, rows, [&](size_t) { return marks; });
    }
    return *prepared_.emplace(key, std::make_unique<Stmt>(db_, text)).first->second;
  }

  sqlite3* db_;
  std::map<std::pair<const char*, size_t>, std::unique_ptr<Stmt>> prepared_;
  std::string_view sql_;
  std::optional<std::pair<std::string_view, std::string_view>> parts_;
  ingest::SqlRow held_;
  size_t rows_ = 0;
};

class SqliteImportDb : public ingest::ImportDb {
 public:
  explicit SqliteImportDb(const std::string& url) {
    store::open_store(url);  // the schema up to date (migrations) before anything is read
    const std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;  // as open_store reads it
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw std::runtime_error("sqlite: cannot open '" + path + "': " + msg);
    }
    sqlite3_extended_result_codes(db_, 1);
    // cache_size: a commit of a million lines seeks the lines' two indexes and the parents their
    // foreign keys name at every insert; with SQLite's default 2 MB cache those pages are read
    // back from the WAL again and again (task import3's profile). 64 MB holds them.
    // temp_store: the indexes a large commit builds again (drop_indexes_for) sort in memory,
    // not through temporary files.
    exec(db_,
         "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=3000; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;"
         " PRAGMA temp_store=MEMORY;");
  }
  ~SqliteImportDb() override { sqlite3_close_v2(db_); }

  bool has_column(const std::string& table, const std::string& column) override {
    Stmt q(db_, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
    q.bind(1, table).bind(2, column);
    const bool found = q.step();
    q.reset();
    return found;
  }

  std::vector<ingest::SqlRow> query(const std::string& sql) override {
    std::vector<ingest::SqlRow> out;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) throw_sqlite(db_, sql);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      ingest::SqlRow row;
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        switch (sqlite3_column_type(st, c)) {
          case SQLITE_NULL: row.emplace_back(std::monostate{}); break;
          case SQLITE_INTEGER: row.emplace_back(static_cast<int64_t>(sqlite3_column_int64(st, c))); break;
          default: {
            auto p = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
            row.emplace_back(std::string(p, static_cast<size_t>(sqlite3_column_bytes(st, c))));
          }
        }
      }
      out.push_back(std::move(row));
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) throw_sqlite(db_, sql);
    return out;
  }

  int64_t data_version() override { return std::get<int64_t>(query("SELECT version FROM data_version").at(0).at(0)); }

  void commit(const ingest::WriteSource& writes, const ingest::ImportAudit& audit, int64_t read_at,
              const std::function<void(int64_t)>& written) override {
    DataTx tx(db_);
    if (data_version() != read_at)
      throw AppError(409, "conflict", "file", "导入期间数据库已被修改（例如另一个导入）：未写入任何数据，请重新导入",
                     "The database changed while the file was checked (another import?): nothing was written, "
                     "import it again");
    const std::vector<std::string> rebuild = drop_indexes_for(writes);
    {
      Writer writer(db_);
      int64_t done = 0;
      writes.each_write([&](const ingest::SqlWrite& w) {
        writer.add(w);
        if (written && ++done % kWriteStep == 0) written(done);
      });
      writer.flush();
    }
    for (const auto& sql : rebuild) exec(db_, sql);
    AuditRow row;
    row.at = static_cast<int64_t>(std::time(nullptr));
    row.entity = "import";
    row.entity_key = audit.entity;
    row.new_value = audit_json(audit);
    write_audit(db_, row);
    test_pause("SALESLOOP_TEST_COMMIT_SLEEP_MS");
    tx.commit();
  }

 private:
  static constexpr int64_t kBulkWrites = 10000;  // fewer writes keep the indexes as they are

  // WriteSource::bulk_table's plain indexes, dropped inside the commit's transaction when the
  // writes outnumber the table's rows; returns their CREATE statements, to run after the writes.
  std::vector<std::string> drop_indexes_for(const ingest::WriteSource& writes) {
    const char* table = writes.bulk_table();
    const int64_t n = writes.write_count();
    if (!table || n < kBulkWrites) return {};
    Stmt count(db_, "SELECT count(*) FROM \"" + std::string(table) + "\"");
    count.step();
    const int64_t have = count.i64(0);
    count.reset();
    if (n <= have) return {};
    std::vector<std::string> names, sqls;
    Stmt q(db_,
           "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL"
           " AND upper(sql) NOT LIKE 'CREATE UNIQUE%'");
    q.bind(1, table);
    while (q.step()) names.push_back(q.text(0)), sqls.push_back(q.text(1));
    for (const auto& name : names) exec(db_, "DROP INDEX \"" + name + "\"");
    return sqls;
  }

  sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<ingest::ImportDb> open_import_db(const std::string& path) {
  if (store::is_postgres_url(path)) return open_pg_import_db(path);
  return std::make_unique<SqliteImportDb>(path);
}

namespace {
int64_t last_import_id(ingest::ImportDb& db) {
  auto rows = db.query("SELECT coalesce(max(id), 0) FROM audit_log WHERE entity = 'import'");
  return std::get<int64_t>(rows.at(0).at(0));
}
}  // namespace

ImportWatch::ImportWatch(const std::string& path) {
  db_ = open_import_db(path);
  last_ = last_import_id(*db_);
}

bool ImportWatch::changed() {
  if (!db_) return false;
  const int64_t now = last_import_id(*db_);
  if (now == last_) return false;
  last_ = now;
  return true;
}

}  // namespace sl::ingest
