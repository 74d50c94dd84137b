#include "ingest/csv_reader.h"

#include <vector>

namespace sl::ingest {

namespace {

constexpr size_t kSampleRecords = 20;

// Fields in each of the sample's first records, split by d with quotes respected.
std::vector<size_t> field_counts(std::string_view s, char d) {
  std::vector<size_t> counts;
  size_t fields = 1;
  bool quoted = false, field_start = true, blank = true;
  for (size_t i = 0; i < s.size() && counts.size() < kSampleRecords; ++i) {
    const char c = s[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"')
          ++i;
        else
          quoted = false;
      }
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (!blank) counts.push_back(fields);
      fields = 1, field_start = true, blank = true;
      continue;
    }
    blank = false;
    if (c == '"' && field_start) {
      quoted = true;
      field_start = false;
    } else if (c == d) {
      ++fields;
      field_start = true;
    } else {
      field_start = false;
    }
  }
  if (counts.empty() && !blank) counts.push_back(fields);  // a one-line sample
  return counts;
}

}  // namespace

char detect_delimiter(std::string_view sample) {
  char best = ',';
  size_t best_score = 0, best_fields = 0;
  for (char d : {',', ';', '\t', '|'}) {
    const auto counts = field_counts(sample, d);
    if (counts.empty() || counts[0] < 2) continue;
    size_t score = 0;
    for (size_t n : counts) score += n == counts[0];
    if (score > best_score || (score == best_score && counts[0] > best_fields)) {
      best = d, best_score = score, best_fields = counts[0];
    }
  }
  return best;
}

CsvReader::CsvReader(std::istream& in, CsvOptions options)
    : opt_(options), text_(in, options.encoding, options.chunk_bytes) {}

CsvReader::CsvReader(const std::string& path, CsvOptions options)
    : file_(std::make_unique<std::ifstream>(path, std::ios::binary)),
      opt_(options),
      text_(*file_, options.encoding, options.chunk_bytes) {
  if (!file_->is_open())
    throw AppError(422, "unreadable_file", "file", "无法打开文件：" + path, "Cannot open the file: " + path);
}

void CsvReader::start() {
  started_ = true;
  // The first ~64 KB of text decide the delimiter; the parser then reads them like any chunk.
  while (sample_.size() < opt_.sample_bytes) {
    const std::string_view t = text_.next();
    if (t.empty()) {
      at_end_ = true;
      break;
    }
    sample_.append(t);
  }
  delim_ = opt_.delimiter ? opt_.delimiter : detect_delimiter(sample_);
  buf_ = sample_;
  pos_ = 0;
}

bool CsvReader::refill() {
  if (at_end_) return false;
  buf_ = text_.next();
  pos_ = 0;
  if (buf_.empty()) at_end_ = true;
  return !buf_.empty();
}

inline bool CsvReader::get(char& c) {
  if (pos_ >= buf_.size() && !refill()) return false;
  c = buf_[pos_++];
  return true;
}

bool CsvReader::read_record(Row& row) {
  row.cells.clear();
  row.error.reset();
  const auto& lim = opt_.limits;
  std::string field;
  bool any = false, too_long = false;
  enum { field_start, unquoted, quoted, quote_seen } st = field_start;
  char prev = 0;
  auto end_field = [&] {
    if (too_long) {  // cut after the last whole character: what is kept stays valid UTF-8
      field.resize(valid_utf8_prefix(field));
      too_long = false;
    }
    if (row.cells.size() < lim.max_columns)
      row.cells.push_back(std::move(field));
    else if (!row.error)
      row.error = too_many_columns(row.number, lim.max_columns);
    field.clear();
  };
  auto append = [&](char c) {
    if (field.size() < lim.max_field_bytes) {
      field.push_back(c);
    } else if (!too_long) {
      too_long = true;
      if (!row.error) row.error = field_too_long(row.number, row.cells.size() + 1, lim.max_field_bytes);
    }
  };
  row.number = record_ + 1;
  row.line = line_;
  char c;
  while (true) {
    if (!get(c)) {
      if (!any) return false;
      if (st == quoted && !row.error) row.error = unclosed_quote(row.number);
      end_field();
      break;
    }
    if (skip_lf_) {
      skip_lf_ = false;
      if (c == '\n') {
        row.line = line_;
        continue;
      }
    }
    any = true;
    if (st == quoted) {
      if (c == '"') {
        st = quote_seen;
      } else {
        if (c == '\r' || (c == '\n' && prev != '\r')) ++line_;
        append(c);
      }
      prev = c;
      continue;
    }
    if (st == quote_seen && c == '"') {  // a doubled quote inside quotes
      append('"');
      st = quoted;
      prev = c;
      continue;
    }
    if (c == delim_) {
      end_field();
      st = field_start;
    } else if (c == '\n' || c == '\r') {
      ++line_;
      skip_lf_ = c == '\r';
      end_field();
      break;
    } else if (c == '"' && st == field_start) {
      st = quoted;
    } else {
      append(c);  // after a closing quote too: `"ab"c` reads as abc
      st = unquoted;
    }
    prev = c;
  }
  ++record_;
  return true;
}

bool CsvReader::next(Row& row) {
  if (!started_) start();
  while (read_record(row)) {
    if (record_ > opt_.limits.max_rows) throw too_many_rows(opt_.limits.max_rows);
    if (!row.error && is_empty_row(row.cells)) {
      ++stats_.empty_rows;
      continue;
    }
    if (header_width_ == 0)
      header_width_ = row.cells.size();
    else
      fit_to_header(row, header_width_, false);
    stats_.broken_rows += row.error.has_value();
    ++stats_.rows;
    stats_.replaced_bytes = text_.replaced_bytes();
    return true;
  }
  stats_.replaced_bytes = text_.replaced_bytes();
  return false;
}

}  // namespace sl::ingest
