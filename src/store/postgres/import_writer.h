// The PostgreSQL side of `salesloop import` (ingest/import_pg.cpp adapts it to ingest's
// ImportDb; the store may not include ingest). The importers write SQLite's dialect; each
// statement is translated here once (translate_import_sql) and run prepared, every write of
// a commit in one DataTx with the import's audit row.
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "store/postgres/conn.h"

namespace sl::store::pg {

// ingest::SqlValue's shape: NULL, an integer, or text (dates as YYYY-MM-DD).
using ImportValue = std::variant<std::monostate, int64_t, std::string>;
using ImportRow = std::vector<ImportValue>;

// One SQLite statement of an importer in PostgreSQL's form: ? → $n; printf('%0Nd', x) →
// lpad; `rowid` kept on the tables that have a rowid column (migrations.h) — an INSERT
// naming it gets OVERRIDING SYSTEM VALUE — and elsewhere read as the integer primary key
// (a, b) packed into a * 2^20 + b; an INSERT drops it with its parameter (`params`: which
// of the statement's parameters go to $1, $2, …).
struct ImportStatement {
  std::string sql;
  std::vector<size_t> params;
  std::string rowid_table;  // an INSERT into a rowid table: its identity moves on at commit
};
ImportStatement translate_import_sql(std::string_view sqlite_sql,
                                     const std::function<bool(const std::string&)>& has_rowid,
                                     const std::function<std::vector<std::string>(const std::string&)>& key_of);

class ImportWriter {
 public:
  explicit ImportWriter(const std::string& url);  // the schema migrated first
  bool has_column(const std::string& table, const std::string& column);
  std::vector<ImportRow> query(const std::string& sqlite_sql);
  int64_t data_version();
  // each_write calls its argument once per write (SQLite text, values); all of it, the audit
  // row and the data-version bump in one transaction; 409 when the version is not `read_at`.
  using Write = std::function<void(std::string_view sql, const ImportRow& values)>;
  void commit(const std::function<void(const Write&)>& each_write, const std::string& audit_entity,
              const std::string& audit_json, int64_t read_at, const std::function<void(int64_t)>& written,
              int64_t step);

 private:
  const ImportStatement& statement(std::string_view sqlite_sql);
  Conn c_;
  // Few distinct texts; a deque, so a statement stays where it is while others are added.
  std::deque<std::pair<std::string, ImportStatement>> translated_;
};

}  // namespace sl::store::pg
