// A streaming CSV reader (RFC 4180): quoted fields with delimiters, doubled quotes and line
// breaks inside, CRLF, LF or CR line ends, the delimiter (, ; tab |) and the encoding detected
// unless given. Reads a chunk at a time and yields one record at a time; empty records are
// skipped and counted; a ragged record (more or fewer cells than the header) is yielded with
// its error so the read goes on.
#pragma once
#include <array>
#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/encoding.h"
#include "ingest/row_source.h"

namespace sl::ingest {

struct CsvOptions {
  Encoding encoding = Encoding::automatic;
  char delimiter = 0;  // 0: detected from the first records
  ReadLimits limits;
  size_t chunk_bytes = 64 * 1024;   // bytes read at a time
  size_t sample_bytes = 64 * 1024;  // text the delimiter detection looks at
};

// The delimiter among , ; tab | that splits the sample's first records into the same number
// (more than one) of fields most often, quotes respected; ',' when none does.
char detect_delimiter(std::string_view sample);

class CsvReader : public RowSource {
 public:
  CsvReader(std::istream& in, CsvOptions options = {});
  // Opens the file; AppError 422 "unreadable_file" when it cannot be opened.
  CsvReader(const std::string& path, CsvOptions options);

  bool next(Row& row) override;
  const ReadStats& stats() const override { return stats_; }
  char delimiter() const { return delim_; }
  Encoding encoding() const { return text_.encoding(); }

 private:
  bool more();    // text left at pos_, refilled when needed
  bool refill();
  bool read_record(Row& row);  // one record, empty or not; false at the end of input
  void start();

  std::unique_ptr<std::ifstream> file_;  // when opened by path
  CsvOptions opt_;
  Utf8Stream text_;
  std::string sample_;  // the text read for delimiter detection, parsed first
  std::string_view buf_;
  size_t pos_ = 0;
  bool started_ = false, at_end_ = false;
  char delim_ = ',';
  std::array<bool, 256> special_{}, quoted_special_{};  // the bytes that end a span outside / inside quotes
  std::string overflow_;  // the cells of a row past the column limit, read and dropped
  bool skip_lf_ = false;  // a CR ended the last line: a LF right after it belongs to it
  int64_t line_ = 1, record_ = 0;
  std::optional<size_t> header_width_;  // the first row's, whatever its width (set once it is read)
  ReadStats stats_;
};

}  // namespace sl::ingest
