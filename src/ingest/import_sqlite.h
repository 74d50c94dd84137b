// The SQLite side of `salesloop import` (ingest/import_db.h; here, not in store/, because the
// store may not know ingest — tests/layering): the database migrated first,
// then one connection of its own, every write of a commit in one DataTx (so the data
// version moves and a running server's Snapshot refreshes) with the import's audit row.
#pragma once
#include <memory>
#include <string>

#include "ingest/import_db.h"

namespace sl::ingest {

// Throws std::runtime_error when the file cannot be opened.
std::unique_ptr<ingest::ImportDb> open_import_db(const std::string& path);

// What a running server watches to pick up an import made beside it (the CLI): the newest
// import's audit row. changed() is true once per new import.
class ImportWatch {
 public:
  explicit ImportWatch(const std::string& path);
  bool changed();

 private:
  std::unique_ptr<ingest::ImportDb> db_;
  int64_t last_ = 0;
};

}  // namespace sl::ingest
