// A streaming XLSX reader: the chosen sheet's rows parsed with expat as libzip inflates the
// part, a chunk at a time, so a 200 MB workbook never sits in memory; only the shared-string
// table is kept whole. Cells come out as text the value parsers read:
// - shared, inline and formula strings as they are; booleans as TRUE / FALSE; errors as
//   Excel shows them (#N/A);
// - numbers as Excel shows them in General format, to 15 significant digits (so a formula's
//   1234.5600000000001 reads 1234.56);
// - numbers in a date format (styles.xml) as "2026-06-15", with " 13:45:00" when there is a time
//   of day; Excel's 1900-02-29 (serial 60) as "1900-02-29", which the date parser refuses; the
//   workbook's 1904 date system respected.
// Each cell lands in the column its reference (C7) names; missing cells are empty, and a row is
// padded to the header's width. A merged range's value repeats over every cell of the range
// (a merged header over two columns names both; a customer merged over a contract's line
// rows fills each line row).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "ingest/row_source.h"

namespace sl::ingest {

struct XlsxOptions {
  std::string sheet;  // the sheet's name; empty: the first sheet
  ReadLimits limits;
  bool fill_merged = true;  // repeat a merged range's value over the range
  size_t max_merged_ranges = 100'000;
  size_t chunk_bytes = 64 * 1024;
};

class XlsxReader : public RowSource {
 public:
  // AppError 422 "unreadable_file" (field "file") when it is not an XLSX workbook, 422
  // "invalid_field" (field "sheet") when no sheet has the name asked for.
  XlsxReader(const std::string& path, XlsxOptions options = {});
  static std::unique_ptr<XlsxReader> from_bytes(std::string bytes, XlsxOptions options = {});
  ~XlsxReader() override;

  bool next(Row& row) override;
  const ReadStats& stats() const override;
  const std::vector<std::string>& sheet_names() const;
  const std::string& sheet() const;  // the sheet being read
  bool date1904() const;

 private:
  struct Impl;
  explicit XlsxReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sl::ingest
