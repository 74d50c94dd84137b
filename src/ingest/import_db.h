// What `salesloop import` needs of a database, in plain values: the import pipeline
// (import.h) reads the rows it compares against and hands back every write of one commit;
// import_sqlite.cpp is the SQLite side, import_pg.cpp (over store/postgres/import_writer) PostgreSQL's. No schema knowledge here.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sl::ingest {

// NULL, an integer (ids, fen, counts) or text (names, codes, dates as YYYY-MM-DD).
using SqlValue = std::variant<std::monostate, int64_t, std::string>;
using SqlRow = std::vector<SqlValue>;

struct SqlWrite {
  std::string_view sql;  // one statement with ? parameters: a literal or text its importer keeps
  SqlRow values;
};

// The writes of one commit in order, made as the commit asks for them: an importer keeps its
// rows in its own compact form and hands each write over on the way, rather than holding a
// million SqlWrite of a million lines at once (their memory was most of an import's RSS).
class WriteSource {
 public:
  virtual ~WriteSource() = default;
  virtual int64_t write_count() const = 0;
  // fn sees each write once, in order; a write is valid only during its call.
  virtual void each_write(const std::function<void(const SqlWrite&)>& fn) const = 0;
  // The table most of the writes insert into (nullptr: none such). When they outnumber its rows,
  // the SQLite side drops the table's plain (not UNIQUE) indexes for the commit and builds them
  // again after the writes, in the same transaction (task import4: a million random index
  // inserts cost more than one sort).
  virtual const char* bulk_table() const { return nullptr; }
};

// The one audit row of a committed import.
struct ImportAudit {
  std::string entity, file, sha256, user = "cli";
  int64_t inserted = 0, updated = 0, unchanged = 0;
  // The import page's job (0: none, the CLI): the audit row's text then starts {"job":N, so that a
  // server killed during the commit tells from the data whether it committed (task import4).
  int64_t job = 0;
};

// The audit row's new_value: the file, its SHA-256, the user and the counts as JSON.
std::string audit_json(const ImportAudit& a);

class ImportDb {
 public:
  virtual ~ImportDb() = default;
  virtual bool has_column(const std::string& table, const std::string& column) = 0;
  // The rows of a SELECT without parameters.
  virtual std::vector<SqlRow> query(const std::string& sql) = 0;
  // The data version (data_version table): it moves with every committed write.
  virtual int64_t data_version() = 0;
  // Every write, the audit row and the data-version bump in ONE transaction: all or nothing.
  // Refused (AppError 409 "conflict", nothing written) when the data version is no longer
  // `read_at`: something was written since the rows were read and checked.
  // `written` (may be empty) hears how many writes are done, every kWriteStep of them.
  virtual void commit(const WriteSource& writes, const ImportAudit& audit, int64_t read_at,
                      const std::function<void(int64_t)>& written = {}) = 0;
  static constexpr int64_t kWriteStep = 1000;
};

}  // namespace sl::ingest
