// Fuzz target: the CSV reader (src/ingest/csv_reader.h). The first byte of an input picks the
// options (encoding, delimiter, small limits), the rest is the file. Besides crashes and
// sanitizer reports, these abort (findings):
//  - a cell that is not valid UTF-8, longer than the field limit, or a row wider than the
//    column limit; a row without an error whose width is not the header's;
//  - row numbers that do not grow; an exception other than the row limit's AppError (413);
//  - with a fixed encoding and delimiter, a different result when the file is read in 7-byte
//    chunks instead of 64 KB ones (the cuts between chunks must change nothing).
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/csv_reader.h"

namespace {

using sl::ingest::CsvOptions;
using sl::ingest::CsvReader;
using sl::ingest::Encoding;
using sl::ingest::Row;

[[noreturn]] void finding(const char* what) {
  std::fprintf(stderr, "\nFINDING: %s\n", what);
  std::abort();
}

struct Result {
  std::vector<Row> rows;
  bool limit_hit = false;
  char delimiter = 0;
};

Result read(const std::string& bytes, const CsvOptions& opt) {
  std::istringstream in(bytes);
  CsvReader reader(in, opt);
  Result out;
  Row row;
  size_t header = 0;
  int64_t last = 0;
  try {
    while (reader.next(row)) {
      if (row.number <= last) finding("row numbers do not grow");
      last = row.number;
      if (row.cells.size() > opt.limits.max_columns) finding("a row wider than the column limit");
      for (const auto& c : row.cells) {
        if (c.size() > opt.limits.max_field_bytes) finding("a cell longer than the field limit");
        if (sl::ingest::valid_utf8_prefix(c) != c.size()) finding("a cell that is not valid UTF-8");
      }
      if (out.rows.empty())
        header = row.cells.size();
      else if (!row.error && row.cells.size() != header)
        finding("a row without an error that is not the header's width");
      out.rows.push_back(row);
    }
  } catch (const sl::AppError& e) {
    if (e.status != 413 || e.code != "too_many_rows") finding("an AppError other than the row limit");
    out.limit_hit = true;
  } catch (...) {
    finding("an exception other than AppError");
  }
  out.delimiter = reader.delimiter();
  return out;
}

bool same(const Result& a, const Result& b) {
  if (a.rows.size() != b.rows.size() || a.limit_hit != b.limit_hit) return false;
  for (size_t i = 0; i < a.rows.size(); ++i) {
    const Row &x = a.rows[i], &y = b.rows[i];
    if (x.cells != y.cells || x.number != y.number || x.line != y.line || x.error.has_value() != y.error.has_value())
      return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  static const Encoding kEncodings[] = {Encoding::automatic, Encoding::utf8, Encoding::gb18030, Encoding::utf16le};
  static const char kDelimiters[] = {0, ',', ';', '\t'};
  CsvOptions opt;
  opt.encoding = kEncodings[mode & 3];
  opt.delimiter = kDelimiters[(mode >> 2) & 3];
  if (mode & 0x10) {
    opt.limits.max_field_bytes = 16;
    opt.limits.max_columns = 4;
    opt.limits.max_rows = 8;
  }
  const Result whole = read(bytes, opt);
  if (opt.encoding != Encoding::automatic) {
    CsvOptions small = opt;
    small.delimiter = whole.delimiter;
    small.chunk_bytes = 7;
    small.sample_bytes = 7;
    if (!same(whole, read(bytes, small))) finding("reading in small chunks gave another result");
  }
  return 0;
}
