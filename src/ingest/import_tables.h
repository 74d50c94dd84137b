// Where each importable entity lives in the database: its table and which field fills which
// column (the business key first). The pipeline (import.cpp) is the same for all of them;
// what differs per entity is here and in its validator (model/master_rules.h).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "ingest/import_db.h"

namespace sl::ingest {

struct ColumnSpec {
  std::string field;   // the entity's field (entities.h)
  std::string column;  // the table's column
};

struct TableSpec {
  std::string entity, table;
  std::vector<ColumnSpec> columns;   // the first key_size hold the business key
  std::vector<std::string> derived;  // columns computed from the others (regions: level; plans: seq)
  size_t key_size = 1;
  std::string id = "id";  // the row's own identity: "rowid" for a table without an id column
  // Equal rows may occur more than once (activities: two calls on one day): the k-th such
  // row of a file is the k-th stored one, and is no duplicate.
  bool repeats = false;
};

// nullptr for an entity the import does not write yet.
const TableSpec* find_table(std::string_view entity);
// The importable entities, in import order.
std::vector<std::string> importable_entities();

// SELECT of (id, business key) of every row of `entity`, for resolving references. Reps are
// keyed by reps.employee_no when the schema has it (v6), else by "E" and five digits of the
// id (what `salesloop export` writes for them).
std::string key_query(const std::string& entity, ImportDb& db);

}  // namespace sl::ingest
