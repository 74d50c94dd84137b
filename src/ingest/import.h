// `salesloop import` (issue 12): one file of one entity into the database. Rows are read
// (row_source.h), mapped to fields (guess.h or MAP.json), each value parsed by its field's
// type (values.h), references resolved by business key against the database and the rows
// above it in the same file, checked by the entity's validator (model/master_rules.h), then
// classified by business key: insert, update (some stored column differs) or unchanged. A
// dry run writes nothing; a commit writes every change in one transaction, only when no row
// has an error.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "ingest/export.h"
#include "ingest/import_db.h"
#include "ingest/row_source.h"

namespace sl::ingest {

// Where a running import is (the page's progress bar): the phase ("reading", "checking",
// "writing", "committed") and its counts so far.
struct ImportProgress {
  std::string phase;
  int64_t rows_read = 0, rows_checked = 0, rows_written = 0;
  int64_t writes = 0;  // rows the commit writes (known once checking is done)
};

struct ImportRequest {
  std::string entity, file;
  ReadOptions read;
  std::optional<std::vector<std::pair<std::string, std::string>>> map;  // MAP.json, else guessed
  bool dry_run = false;
  Date today;                                        // contracts: a signing date may not be after it
  std::string sha256;                                // of the file, for the audit row
  std::function<void(const std::string&)> progress;  // a line for stderr; may be empty
  // The same as numbers, every kProgressStep rows and at each phase; may be empty.
  std::function<void(const ImportProgress&)> on_progress;
  // Set by another thread to stop before anything is written: the import then throws
  // AppError 409 "cancelled". Not looked at once the commit's transaction has begun.
  const std::atomic<bool>* cancel = nullptr;
  std::string user = "cli";  // the audit row's user (a login for imports over HTTP)
  int64_t job = 0;           // the import page's job (0: the CLI), named in the audit row
  std::string file_name;     // the audit row's file name (an upload's own name); `file` when empty
};

constexpr int64_t kProgressStep = 1000;

// One error of one row: the row as a spreadsheet numbers it, the column's header (or the
// field's name when no column maps to it), the cell's text and the bilingual message.
struct RowError {
  int64_t row = 0;
  std::string column, value;
  AppError error;
};

struct ImportResult {
  int64_t rows = 0;  // data rows read (the header not counted)
  int64_t inserted = 0, updated = 0, unchanged = 0;
  std::vector<RowError> errors;
  bool committed = false;  // false for a dry run, a run with errors, or one with nothing to change
};

// Throws AppError for what stops the whole file: unreadable, an unknown or not yet
// importable entity (field "entity"), a required field no column maps to or a bad MAP.json
// (field "map"), the row limit passed.
ImportResult run_import(const ImportRequest& req, ImportDb& db);

// The errors as the report's rows: 行号 Row, 列 Column, 值 Value, 错误 (zh-CN), Error (en).
TextTable error_table(const ImportResult& r);

}  // namespace sl::ingest
