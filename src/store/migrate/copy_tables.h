// `salesloop migrate`: every table of one database copied into an empty one of the same
// schema version (SQLite or PostgreSQL on either side), then each table's row count and
// checksum (canonical.h) compared between the two.
#pragma once
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace sl::store::migrate {

struct TableReport {
  std::string table;
  int64_t from_rows = 0, to_rows = 0;
  std::string from_md5, to_md5;
  bool ok() const { return from_rows == to_rows && from_md5 == to_md5; }
};

struct Report {
  std::vector<TableReport> tables;  // in the order they were copied (foreign-key order)
  double copy_seconds = 0, check_seconds = 0;
  bool ok() const;
};

// Copies `from` into `to` (a SQLite path or a postgresql:// URL each). `to` gets the schema
// of the migrations first; it must hold no data (AppError 409 otherwise, nothing written),
// and both must be at the same schema version. `from` is only read. Progress goes to
// `progress`. Throws on a failed copy (the target's transaction rolled back).
Report copy_database(const std::string& from, const std::string& to, std::ostream& progress);

}  // namespace sl::store::migrate
