// Inside `salesloop import` (import.cpp): what every entity's importer shares — the header
// mapping, reading a row's cells as stored values (parsed by field type, references resolved
// by business key against the database and the rows above), the error rows — and the two
// importers: one row per table row (import.cpp), contracts with their lines
// (import_contracts.cpp) and opportunities with their stage history (import_opportunities.cpp).
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "ingest/entities.h"
#include "ingest/guess.h"
#include "ingest/import.h"
#include "ingest/import_db.h"
#include "ingest/row_source.h"

namespace sl::ingest {

using Keys = std::unordered_map<std::string, int64_t>;  // key_fold(business key) → id

AppError duplicate_key(const std::string& field, int64_t first_row);
// 422 on field "schema" when the database has no table.column yet (an older schema).
void require_column(ImportDb& db, const std::string& table, const std::string& column);
// An amount in 元, or in 万元 when the column's header says so (unit "万元") and the cell does not.
Money money_in(const std::string& text, const std::string& unit, const std::string& field);

class Importer : public WriteSource {
 public:
  Importer(const Entity& e, ImportDb& db) : e_(e), db_(db) {}
  virtual ~Importer() = default;

  // The file's header row: which column holds which field. Throws AppError (field "map")
  // when a required field has no column.
  void map_columns(const std::vector<std::string>& headers,
                   const std::optional<std::vector<std::pair<std::string, std::string>>>& map);
  // One data row: its errors go to out.errors; what it changes is kept for writes().
  virtual void row(const Row& r, ImportResult& out) = 0;
  // After the last row (rows grouped across the file are classified here).
  virtual void finish(ImportResult&) {}
  // The writes of the commit (WriteSource): writes_, unless the importer makes its own.
  int64_t write_count() const override { return static_cast<int64_t>(writes_.size()); }
  void each_write(const std::function<void(const SqlWrite&)>& fn) const override {
    for (const auto& w : writes_) fn(w);
  }

 protected:
  // The cell of `field` in r ("" when no column maps to it) and its stored value. Returns
  // nullopt after adding the error to out.
  std::optional<SqlValue> read(const Row& r, const std::string& field, ImportResult& out) {
    return read(r, field_of(field), out);
  }
  std::optional<SqlValue> read(const Row& r, size_t field, ImportResult& out);  // by field_of()
  size_t field_of(std::string_view name) const;  // the entity's field of that name (it has one)
  // A value from its cell's text, by the field's type; throws AppError.
  SqlValue convert(const Field& f, const std::string& text, const std::string& unit);
  Keys& keys_of(const std::string& entity);
  void add_error(ImportResult& out, int64_t row, const std::string& field, const Row* r, const AppError& err);
  std::string column_name(const std::string& field) const;
  std::string cell(const Row& r, const std::string& field) const;
  // The cell's text, "" when no column maps to the field (valid while r is).
  const std::string& cell_text(const Row& r, size_t field) const;

  const Entity& e_;
  ImportDb& db_;
  Mapping mapping_;
  std::vector<const ColumnMatch*> match_;  // field → its column's match (nullptr: none), set by map_columns
  // A ref field's last text and the id it resolved to: lines of one contract follow each other.
  std::vector<std::pair<std::string, int64_t>> last_ref_;
  std::vector<std::string> headers_;
  std::map<std::string, Keys> keys_;
  std::vector<SqlWrite> writes_;
};

std::unique_ptr<Importer> table_importer(const Entity& e, ImportDb& db, Date today);  // nullptr when not a table entity
std::unique_ptr<Importer> contract_importer(const Entity& e, ImportDb& db, Date today);  // contracts, contract_lines
std::unique_ptr<Importer> opportunity_importer(const Entity& e, ImportDb& db, Date today);  // opportunities

}  // namespace sl::ingest
