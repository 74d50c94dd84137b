// What an import reads: a file's rows, one at a time, whatever the file's format. The CSV and
// XLSX readers both implement RowSource, so the mapping, the dry run and the commit never
// know which one they read from. A reader never holds the whole file: one row (and, for XLSX,
// the shared-string table) at a time.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace sl::ingest {

// Settable limits of one read. Passing one is a clear error, never a crash or a runaway.
struct ReadLimits {
  int64_t max_rows = 5'000'000;         // records, the header and empty ones included: over it the read stops (413)
  size_t max_field_bytes = 128 * 1024;  // UTF-8 bytes of one cell (Excel's own limit is 32,767 characters)
  size_t max_columns = 1000;            // cells in one row
};

struct Row {
  // 1-based number of the record as a spreadsheet program shows it: the header is 1 and every
  // record counts, empty ones included (CSV: records, not lines; XLSX: the sheet's row number).
  int64_t number = 0;
  int64_t line = 0;  // CSV: the physical line the record starts on; XLSX: the same as number
  std::vector<std::string> cells;
  // Set when the row is broken (more or fewer cells than the header, a cell over the length
  // limit, too many cells): the row is still yielded, so the caller reports it and reads on.
  std::optional<AppError> error;
};

// What a read saw besides its rows.
struct ReadStats {
  int64_t rows = 0;            // rows yielded, the header included
  int64_t empty_rows = 0;      // rows skipped because every cell was empty
  int64_t broken_rows = 0;     // rows yielded with an error
  int64_t replaced_bytes = 0;  // CSV: bytes not valid in the file's encoding, read as U+FFFD
};

class RowSource {
 public:
  virtual ~RowSource() = default;
  // The next row that is not empty, false at the end. The first row yielded is the header.
  // Throws AppError when the file cannot be read on (not a CSV/XLSX, the row limit passed).
  virtual bool next(Row& row) = 0;
  virtual const ReadStats& stats() const = 0;
};

// What an import says about its file; each reader takes what applies to it.
struct ReadOptions {
  std::string sheet;     // XLSX: the sheet's name, empty for the first
  std::string encoding;  // CSV: "auto" (or empty), "utf-8", "gbk", "gb18030", "utf-16le", "utf-16be"
  char delimiter = 0;    // CSV: 0 to detect
  ReadLimits limits;
};

// A CSV delimiter as a person names it: "" or "auto" (detect it), "tab" (or "\\t"), "comma",
// "semicolon", "pipe", "space", or any one printable ASCII character but a quote; 0 stands for
// "detect". nullopt for anything else.
std::optional<char> parse_delimiter(std::string_view text);

// The CSV choices of `salesloop import --encoding --delimiter` and of the import page's form
// fields, checked and set on o: AppError 422 "invalid_field" (field "encoding" or "delimiter",
// both languages) for one not known. Empty strings leave detection on.
void set_csv_choices(ReadOptions& o, const std::string& encoding, const std::string& delimiter);

// The reader for the file: XLSX when it is a zip (it starts with "PK\3\4"), CSV otherwise,
// whatever its name says. AppError 422 "unreadable_file" (field "file") when it cannot be
// opened or is a legacy .xls workbook; 422 "invalid_field" (field "encoding") for an unknown
// encoding; the readers' own errors (a missing sheet, …) as they throw them.
std::unique_ptr<RowSource> open_rows(const std::string& path, const ReadOptions& options = {});

// The shared rule for a row's width, once the header's is known (header_width > 0): trailing
// empty cells past the header are dropped; a row still wider, or narrower when pad_short is
// false, gets the "ragged row" error; a narrower row is padded with empty cells when pad_short
// is true (an XLSX row simply has no cell where nothing was typed). Returns true when broken.
bool fit_to_header(Row& row, size_t header_width, bool pad_short);

// True when every cell is empty or white space (ASCII, full-width or no-break spaces).
bool is_empty_row(const std::vector<std::string>& cells);

// The errors of a broken row, in both languages (code "invalid_row").
AppError ragged_row(int64_t number, size_t cells, size_t header_width);
AppError field_too_long(int64_t number, size_t column, size_t limit);
AppError too_many_columns(int64_t number, size_t limit);
AppError unclosed_quote(int64_t number);
// The read stops: more rows than the limit (413, code "too_many_rows").
AppError too_many_rows(int64_t limit);

}  // namespace sl::ingest
