// A TextTable (export.h) as a file the import reads back: CSV (UTF-8 with a BOM, so that
// Excel shows Chinese text; CRLF; RFC 4180 quoting) or XLSX (one sheet, every cell text,
// so that what is read back is exactly what the CSV would hold; written row by row in
// libxlsxwriter's constant-memory mode).
#pragma once
#include <string>

#include "ingest/export.h"

namespace sl::ingest {

// By the file name's extension, .csv or .xlsx (ignoring case); AppError 422 (field "file")
// for another or when an XLSX sheet would exceed Excel's 1,048,576 rows; std::runtime_error
// when the file cannot be written.
void write_table_file(const TextTable& t, const std::string& path, const std::string& sheet);

// The extension check of write_table_file alone.
void check_table_file_name(const std::string& path);

std::string csv_text(const TextTable& t);

}  // namespace sl::ingest
