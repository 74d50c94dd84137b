#include "ingest/csv_reader.h"

#include <algorithm>
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
  special_.fill(false);
  quoted_special_.fill(false);
  for (char c : {delim_, '\n', '\r'}) special_[static_cast<unsigned char>(c)] = true;
  for (char c : {'"', '\n', '\r'}) quoted_special_[static_cast<unsigned char>(c)] = true;
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

bool CsvReader::more() { return pos_ < buf_.size() || refill(); }

// Spans of ordinary characters are found with a table and appended at once; only the
// characters that change the state (the delimiter, quotes, line ends) are looked at one by one.
bool CsvReader::read_record(Row& row) {
  // A CR ended the last record: a LF right after it is part of that line end.
  if (skip_lf_) {
    if (!more()) return false;
    if (buf_[pos_] == '\n') ++pos_;
    skip_lf_ = false;
  }
  if (!more()) return false;
  row.error.reset();
  row.number = record_ + 1;
  row.line = line_;
  const auto& lim = opt_.limits;
  auto& cells = row.cells;
  size_t used = 0;  // cells of this record; the row's strings are reused, their capacity kept
  bool too_long = false, prev_cr = false;
  enum { field_start, unquoted, quoted, quote_seen } st = field_start;
  std::string* field = nullptr;
  auto begin_field = [&] {
    if (used < lim.max_columns) {
      if (used == cells.size()) cells.emplace_back();
      field = &cells[used];
    } else {
      field = &overflow_;  // read past and dropped: the row is reported as too wide
      if (!row.error) row.error = too_many_columns(row.number, lim.max_columns);
    }
    field->clear();
  };
  auto end_field = [&] {
    if (too_long) {  // cut after the last whole character: what is kept stays valid UTF-8
      field->resize(valid_utf8_prefix(*field));
      too_long = false;
    }
    if (field != &overflow_) ++used;
  };
  auto append = [&](std::string_view span) {
    if (field->size() + span.size() > lim.max_field_bytes) {
      span = span.substr(0, lim.max_field_bytes - std::min(field->size(), lim.max_field_bytes));
      if (!too_long && !row.error) row.error = field_too_long(row.number, used + 1, lim.max_field_bytes);
      too_long = true;
    }
    field->append(span);
  };
  begin_field();
  while (true) {
    if (!more()) {  // the end of the file ends the record
      if (st == quoted && !row.error) row.error = unclosed_quote(row.number);
      end_field();
      break;
    }
    const char* b = buf_.data();
    const size_t n = buf_.size();
    if (st == quoted) {
      size_t i = pos_;
      while (i < n && !quoted_special_[static_cast<unsigned char>(b[i])]) ++i;
      if (i > pos_) {
        append(std::string_view(b + pos_, i - pos_));
        prev_cr = false;
      }
      pos_ = i;
      if (i == n) continue;
      const char c = b[pos_++];
      if (c == '"') {
        st = quote_seen;
      } else {  // a line break inside quotes: kept, and counted as a line
        if (c == '\r' || !prev_cr) ++line_;
        prev_cr = c == '\r';
        append(std::string_view(&c, 1));
      }
      continue;
    }
    if (st == quote_seen) {
      if (b[pos_] == '"') {  // a doubled quote inside quotes
        append("\"");
        ++pos_;
        st = quoted;
        continue;
      }
      st = unquoted;  // text after the closing quote is kept: `"ab"c` reads as abc
    } else if (st == field_start && b[pos_] == '"') {
      ++pos_;
      st = quoted;
      continue;
    }
    size_t i = pos_;
    while (i < n && !special_[static_cast<unsigned char>(b[i])]) ++i;
    if (i > pos_) {
      append(std::string_view(b + pos_, i - pos_));
      st = unquoted;
    }
    pos_ = i;
    if (i == n) continue;
    const char c = b[pos_++];
    end_field();
    if (c == delim_) {
      begin_field();
      st = field_start;
      continue;
    }
    ++line_;  // a CR or a LF: the record ends
    skip_lf_ = c == '\r';
    break;
  }
  cells.resize(used);
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
    if (!header_width_)
      header_width_ = row.cells.size();
    else
      fit_to_header(row, *header_width_, false);
    stats_.broken_rows += row.error.has_value();
    ++stats_.rows;
    stats_.replaced_bytes = text_.replaced_bytes();
    return true;
  }
  stats_.replaced_bytes = text_.replaced_bytes();
  return false;
}

}  // namespace sl::ingest
