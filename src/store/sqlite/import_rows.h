// The SQLite side of `salesloop import` (ingest/import_db.h): the database migrated first,
// then one connection of its own, every write of a commit in one DataTx (so the data
// version moves and a running server's Snapshot refreshes) with the import's audit row.
#pragma once
#include <memory>
#include <string>

#include "ingest/import_db.h"

namespace sl::store::sqlite {

// Throws std::runtime_error when the file cannot be opened.
std::unique_ptr<ingest::ImportDb> open_import_db(const std::string& path);

}  // namespace sl::store::sqlite
