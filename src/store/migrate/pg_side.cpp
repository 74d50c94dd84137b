// The PostgreSQL side of `migrate`: the schema from the catalogue, rows read with binary
// COPY TO STDOUT in key order and written with COPY FROM STDIN, in one transaction with the
// foreign keys dropped and added back at the end (checking every row once), as the demo's
// bulk write does (store/postgres/dataset_write.cpp).
#include <stdexcept>

#include "core/date.h"
#include "store/migrate/tables.h"
#include "store/postgres/conn.h"
#include "store/postgres/copy.h"
#include "store/postgres/foreign_keys.h"

namespace sl::store::migrate {

using namespace store::pg;

namespace {

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

Kind kind_of(const std::string& type) {
  if (type == "bigint" || type == "integer" || type == "smallint") return Kind::integer;
  if (type == "double precision" || type == "real") return Kind::real;
  if (type == "date") return Kind::date;
  if (type == "bytea") return Kind::blob;
  return Kind::text;
}

class PgWriter : public TableWriter {
 public:
  PgWriter(Conn& c, const Table& t) : t_(t), in_(c, columns(t)) {}
  void put(const Row& r) override {
    static const char kHex[] = "0123456789abcdef";
    for (size_t c = 0; c < t_.columns.size(); ++c) {
      const Value& v = r[c];
      if (v.null) {
        in_.null();
        continue;
      }
      switch (t_.columns[c].kind) {
        case Kind::integer: in_.add(v.i); break;
        case Kind::real: in_.add(v.f); break;
        case Kind::blob:  // bytea's hex input form; CopyIn escapes its backslash for COPY
          hex_ = "\\x";
          for (unsigned char ch : v.s) {
            hex_ += kHex[ch >> 4];
            hex_ += kHex[ch & 15];
          }
          in_.add(std::string_view(hex_));
          break;
        default: in_.add(v.s);
      }
    }
    in_.end_row();
  }
  void finish() override { in_.finish(); }

 private:
  static std::string columns(const Table& t) {
    std::string cols;
    for (const auto& c : t.columns) cols += (cols.empty() ? "" : ", ") + quoted(c.name);
    return quoted(t.name) + "(" + cols + ")";
  }
  const Table& t_;
  CopyIn in_;
  std::string hex_;
};

class PgSide : public Side {
 public:
  explicit PgSide(const std::string& url) : c_(url) {}
  ~PgSide() override {
    if (in_tx_) PQclear(PQexec(c_.raw(), "ROLLBACK"));
  }

  std::string name() const override { return "PostgreSQL"; }

  std::vector<Table> tables() override {
    std::vector<Table> out;
    Result names = c_.query(
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()"
        " AND table_type = 'BASE TABLE' ORDER BY 1");
    for (int i = 0; i < names.rows(); ++i) out.push_back(Table{names.row(i).text(0), {}, {}, {}});
    for (auto& t : out) {
      Result cols = c_.query(
          "SELECT column_name::text, data_type::text FROM information_schema.columns"
          " WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
          Params().add(t.name));
      bool by_rowid = false;
      for (int i = 0; i < cols.rows(); ++i) {
        t.columns.push_back({cols.row(i).text(0), kind_of(cols.row(i).text(1))});
        by_rowid = by_rowid || t.columns.back().name == "rowid";
      }
      Result key = c_.query(
          "SELECT a.attname::text FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
          " AND a.attnum = ANY(i.indkey) WHERE i.indrelid = $1::regclass AND i.indisprimary"
          " ORDER BY array_position(i.indkey::int2[], a.attnum)",
          Params().add(quoted(t.name)));
      if (by_rowid)
        t.order = {"rowid"};
      else if (!key.empty())
        for (int i = 0; i < key.rows(); ++i) t.order.push_back(key.row(i).text(0));
      else
        for (auto& c : t.columns) t.order.push_back(c.name);
      Result fks = c_.query(
          "SELECT DISTINCT confrelid::regclass::text FROM pg_constraint WHERE contype = 'f'"
          " AND conrelid = $1::regclass AND confrelid <> conrelid",
          Params().add(quoted(t.name)));
      for (int i = 0; i < fks.rows(); ++i) t.parents.push_back(unquoted(fks.row(i).text(0)));
    }
    return out;
  }

  int schema_version() override {
    return static_cast<int>(c_.scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
  }

  void begin_read() override {
    c_.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    in_tx_ = true;
  }

  // Text in byte order (COLLATE "C", SQLite's BINARY) and NULLs first, as SQLite sorts them.
  void scan(const Table& t, const RowFn& fn) override {
    Row row(t.columns.size());
    std::vector<std::string> dates(t.columns.size());
    copy_rows(c_, ordered_select(t, quoted, " COLLATE \"C\" NULLS FIRST", " NULLS FIRST"), [&](const CopyRow& r) {
      for (size_t c = 0; c < t.columns.size(); ++c) {
        const int i = static_cast<int>(c);
        Value& v = row[c];
        v.null = r.is_null(i);
        if (v.null) continue;
        switch (t.columns[c].kind) {
          case Kind::integer: v.i = r.i64(i); break;
          case Kind::real: v.f = r.f64(i); break;
          case Kind::date:
            dates[c] = format_date(r.date(i));
            v.s = dates[c];
            break;
          default: v.s = r.view(i);
        }
      }
      fn(row);
    });
  }

  void begin(const std::vector<Table>& tables) override {
    c_.exec("BEGIN");
    in_tx_ = true;
    for (const auto& t : tables) {
      if (filled_by_migrations(t.name)) {
        c_.exec("DELETE FROM " + quoted(t.name));
        continue;
      }
      if (const int64_t n = c_.scalar("SELECT count(*) FROM " + quoted(t.name))) refuse_not_empty(t.name, n);
      for (const auto& c : t.columns)
        if (c.name == "rowid") rowid_tables_.push_back(t.name);
    }
    fks_ = foreign_keys(c_);
    for (const auto& fk : fks_) c_.exec(fk.drop);
    // Indexes other than the primary keys are built once after the COPY rather than kept up
    // row by row (the unique ones check their rows as they are built).
    Result idx = c_.query(
        "SELECT indexname::text, indexdef FROM pg_indexes i WHERE schemaname = current_schema() AND NOT EXISTS"
        " (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname AND k.connamespace = "
        "current_schema()::regnamespace)"
        " ORDER BY 1");
    for (int i = 0; i < idx.rows(); ++i) {
      c_.exec("DROP INDEX " + quoted(idx.row(i).text(0)));
      indexes_.push_back(idx.row(i).text(1));
    }
  }

  std::unique_ptr<TableWriter> writer(const Table& t) override { return std::make_unique<PgWriter>(c_, t); }

  // The indexes and keys back (every row checked), and the rowid identities moved past the copied rows
  // so the next insert does not reuse one. Ids need nothing: new ones are MAX(id) + 1.
  void commit() override {
    for (const auto& def : indexes_) c_.exec(def);
    for (const auto& fk : fks_) c_.exec(fk.add);
    for (const auto& t : rowid_tables_)
      c_.exec("SELECT setval(pg_get_serial_sequence('" + quoted(t) +
              "', 'rowid'), m) FROM (SELECT max(rowid) AS m FROM " + quoted(t) + ") x WHERE m IS NOT NULL");
    c_.exec("COMMIT");
    in_tx_ = false;
    c_.exec("ANALYZE");
  }

 private:
  static std::string unquoted(const std::string& s) {
    return s.size() >= 2 && s.front() == '"' ? s.substr(1, s.size() - 2) : s;
  }
  Conn c_;
  bool in_tx_ = false;
  std::vector<ForeignKey> fks_;
  std::vector<std::string> indexes_;  // CREATE INDEX statements to run at commit
  std::vector<std::string> rowid_tables_;
};

}  // namespace

std::unique_ptr<Side> pg_side(const std::string& url) { return std::make_unique<PgSide>(url); }

}  // namespace sl::store::migrate
