// What `salesloop migrate` sees of a database: its tables with their columns and the order
// their rows are read in, and one interface (Side) over SQLite and PostgreSQL to read rows
// and to write them into an empty database. Values cross in plain C++ form, so a row reads
// the same on both sides (canonical.h renders it for the checksum).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sl::store::migrate {

// date: PostgreSQL's DATE; SQLite keeps dates as text 'YYYY-MM-DD', and a date is handed
// over as that text on both sides.
enum class Kind { integer, real, text, date, blob };

struct Column {
  std::string name;
  Kind kind = Kind::text;
};

struct Table {
  std::string name;
  std::vector<Column> columns;       // PostgreSQL's rowid column first where it has one
  std::vector<std::string> order;    // the primary key, the rowid, or else every column
  std::vector<std::string> parents;  // tables its foreign keys name (itself left out)
};

struct Value {
  bool null = true;
  int64_t i = 0;       // integer
  double f = 0;        // real
  std::string_view s;  // text, date (YYYY-MM-DD), blob: valid during the row's call
};
using Row = std::vector<Value>;
using RowFn = std::function<void(const Row&)>;

// Rows of one table going into the target; finish() once all are put.
class TableWriter {
 public:
  virtual ~TableWriter() = default;
  virtual void put(const Row& r) = 0;
  virtual void finish() = 0;
};

class Side {
 public:
  virtual ~Side() = default;
  virtual std::string name() const = 0;  // "SQLite" or "PostgreSQL"
  virtual std::vector<Table> tables() = 0;
  virtual int schema_version() = 0;
  // As the source: every later read sees one snapshot (a server may write beside it).
  virtual void begin_read() = 0;
  // Every row of `t` in t.order, bytes compared as bytes (no collation), NULLs first.
  virtual void scan(const Table& t, const RowFn& fn) = 0;

  // As the target: one transaction from begin() to commit(); rows of the tables the
  // migrations fill (schema_version, data_version) are deleted first, and any other row
  // there makes begin() refuse (the target must be empty).
  virtual void begin(const std::vector<Table>& tables) = 0;
  virtual std::unique_ptr<TableWriter> writer(const Table& t) = 0;
  virtual void commit() = 0;
};

// "SELECT cols FROM "t" ORDER BY t.order" in a side's dialect: `quote` quotes a name, and each
// ORDER BY key gets `text_suffix` when the column is text (a collation) or `other_suffix`.
std::string ordered_select(const Table& t, const std::function<std::string(const std::string&)>& quote,
                           std::string_view text_suffix, std::string_view other_suffix);

// The tables a fresh schema already holds rows in (the migrations write them).
bool filled_by_migrations(const std::string& table);

// SQLite: read-only when `read_only` (a source is never changed); else the file opened read-write.
std::unique_ptr<Side> sqlite_side(const std::string& path, bool read_only);
std::unique_ptr<Side> pg_side(const std::string& url);

// Tables in foreign-key order: every table after the tables it references.
std::vector<Table> in_fk_order(std::vector<Table> tables);

// The refusal of a target that holds data (bilingual AppError 409).
[[noreturn]] void refuse_not_empty(const std::string& table, int64_t rows);

}  // namespace sl::store::migrate
