#include "ingest/import_sqlite.h"

#include <sqlite3.h>

#include <ctime>
#include <string_view>
#include <unordered_map>
#include <stdexcept>

#include "core/error.h"
#include "ingest/import_pg.h"
#include "store/sqlite/audit.h"
#include "store/sqlite/stmt.h"
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
  return "{\"file\":" + quoted(a.file) + ",\"sha256\":" + quoted(a.sha256) + ",\"user\":" + quoted(a.user) +
         ",\"inserted\":" + std::to_string(a.inserted) + ",\"updated\":" + std::to_string(a.updated) +
         ",\"unchanged\":" + std::to_string(a.unchanged) + "}";
}

namespace {

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
    exec(db_, "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=3000; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;");
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
    {
      std::unordered_map<std::string_view, Stmt> prepared;  // one statement per distinct SQL text
      int64_t done = 0;
      writes.each_write([&](const ingest::SqlWrite& w) {
        auto it = prepared.find(w.sql);
        if (it == prepared.end()) it = prepared.try_emplace(w.sql, db_, w.sql).first;
        for (size_t i = 0; i < w.values.size(); ++i) bind_value(it->second, static_cast<int>(i + 1), w.values[i]);
        it->second.run();
        if (written && ++done % kWriteStep == 0) written(done);
      });
    }
    AuditRow row;
    row.at = static_cast<int64_t>(std::time(nullptr));
    row.entity = "import";
    row.entity_key = audit.entity;
    row.new_value = audit_json(audit);
    write_audit(db_, row);
    tx.commit();
  }

 private:
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
