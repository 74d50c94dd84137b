#include "ingest/xlsx_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <deque>
#include <optional>

#include "ingest/encoding.h"
#include "ingest/values.h"
#include "ingest/xlsx_parts.h"

namespace sl::ingest {

namespace {

std::string two(int v) { return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10); }

std::string time_of_day(double serial) {
  int secs = static_cast<int>(std::lround((serial - std::floor(serial)) * 86400.0));
  secs = std::clamp(secs, 0, 86399);
  return two(secs / 3600) + ":" + two(secs / 60 % 60) + ":" + two(secs % 60);
}

// A number cell's text: a date when its style shows one, else the number to 15 significant
// digits (what Excel shows in General format).
std::string number_text(std::string_view v, bool is_date, bool date1904) {
  double d = 0;
  auto r = std::from_chars(v.data(), v.data() + v.size(), d);
  if (r.ec != std::errc() || r.ptr != v.data() + v.size() || !std::isfinite(d)) return std::string(v);
  if (is_date) {
    if (!date1904 && std::floor(d) == 60) return "1900-02-29";  // Excel's day that never was
    if (auto date = excel_serial_date(d, date1904)) {
      std::string s = format_date(*date);
      if (d != std::floor(d)) s += " " + time_of_day(d);
      return s;
    }
    if (d >= 0 && d < 1) return time_of_day(d);  // a time of day alone
  }
  char buf[40];
  auto w = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::general, 15);
  return std::string(buf, w.ptr);
}

AppError no_such_sheet(const std::string& name, const std::vector<std::string>& names) {
  std::string zh_list, en_list;
  for (const auto& n : names) {
    zh_list += (zh_list.empty() ? "" : "、") + n;
    en_list += (en_list.empty() ? "" : ", ") + n;
  }
  return invalid_field("sheet", "工作表不存在：" + name + "（文件中有：" + zh_list + "）",
                       "No sheet named " + name + " (the workbook has: " + en_list + ")");
}

}  // namespace

struct XlsxReader::Impl : xlsx::XmlEvents {
  XlsxOptions opt;
  std::unique_ptr<xlsx::Archive> zip;
  std::vector<std::string> names;
  std::string sheet_name;
  bool date1904 = false;
  std::vector<bool> date_styles;
  xlsx::SharedStrings strings;
  struct Active {
    xlsx::MergeRange range;
    std::string value;
  };
  std::vector<xlsx::MergeRange> merges;  // by first row
  size_t next_merge = 0;
  std::vector<Active> active;  // the ranges over the rows being read

  std::unique_ptr<xlsx::Archive::Entry> entry;
  std::unique_ptr<xlsx::XmlParser> parser;
  std::string chunk;
  bool done = false;
  std::deque<Row> ready;  // rows parsed from the last chunk, not yet handed out
  ReadStats stats;
  int64_t last_number = 0;  // the last row handed out or skipped
  // The first row handed out is the header, whatever its width (0 for a broken first row
  // without a value: then every later row with a value is ragged, as the caller sees it).
  std::optional<size_t> header_width;

  // Where the parse is.
  bool in_sheet_data = false, in_row = false, in_cell = false, in_v = false, in_is = false, in_t = false;
  int phonetic = 0;
  Row cur;
  int64_t parsed_rows = 0, cur_col = 0, cell_col = 0, cell_style = -1;
  std::string cell_type, cell_v, cell_text;

  void open(std::unique_ptr<xlsx::Archive> archive) {
    zip = std::move(archive);
    const xlsx::Workbook wb = xlsx::read_workbook(*zip);
    date1904 = wb.date1904;
    for (const auto& s : wb.sheets) names.push_back(s.name);
    const xlsx::Sheet* sheet = &wb.sheets.front();
    if (!opt.sheet.empty()) {
      auto same = [&](const xlsx::Sheet& s) { return s.name == opt.sheet; };
      auto folded = [&](const xlsx::Sheet& s) { return key_fold(s.name) == key_fold(opt.sheet); };
      auto it = std::find_if(wb.sheets.begin(), wb.sheets.end(), same);
      if (it == wb.sheets.end()) it = std::find_if(wb.sheets.begin(), wb.sheets.end(), folded);
      if (it == wb.sheets.end()) throw no_such_sheet(opt.sheet, names);
      sheet = &*it;
    }
    sheet_name = sheet->name;
    date_styles = xlsx::read_date_styles(*zip, wb.styles);
    strings = xlsx::read_shared_strings(*zip, wb.shared_strings, opt.limits.max_field_bytes);
    if (opt.fill_merged) {
      merges = xlsx::scan_merges(*zip, sheet->path, opt.max_merged_ranges);
      std::sort(merges.begin(), merges.end(),
                [](auto& a, auto& b) { return std::tie(a.r1, a.c1) < std::tie(b.r1, b.c1); });
    }
    entry = zip->open(sheet->path);
    parser = std::make_unique<xlsx::XmlParser>(*this, sheet->path);
    chunk.resize(std::max<size_t>(opt.chunk_bytes, 64));
  }

  // ---- the sheet's XML, as expat reports it (never throws) ----

  void start(std::string_view name, const char** a) override {
    if (name == "sheetData") {
      in_sheet_data = true;
    } else if (name == "row" && in_sheet_data) {
      in_row = true;
      cur = Row{};
      int64_t n = 0;
      const char* r = xlsx::attr(a, "r");
      if (!r || std::from_chars(r, r + std::char_traits<char>::length(r), n).ec != std::errc() || n <= 0)
        n = parsed_rows + 1;
      cur.number = cur.line = parsed_rows = n;
      cur_col = 0;
    } else if (name == "c" && in_row) {
      in_cell = true;
      const char* r = xlsx::attr(a, "r");
      cell_col = r ? xlsx::column_of(r) : 0;
      if (cell_col == 0) cell_col = cur_col + 1;
      const char* t = xlsx::attr(a, "t");
      cell_type = t ? t : "";
      cell_style = -1;
      if (const char* s = xlsx::attr(a, "s")) std::from_chars(s, s + std::char_traits<char>::length(s), cell_style);
      cell_v.clear();
      cell_text.clear();
    } else if (in_cell) {
      if (name == "v")
        in_v = true;
      else if (name == "is")
        in_is = true;
      else if (name == "t" && in_is)
        in_t = true;
      else if (name == "rPh")
        ++phonetic;
    }
  }

  void text(std::string_view s) override {
    const size_t cap = opt.limits.max_field_bytes + 1;  // one byte over tells "too long"
    std::string* to = in_v ? &cell_v : (in_t && phonetic == 0) ? &cell_text : nullptr;
    if (to && to->size() < cap) to->append(s.substr(0, cap - to->size()));
  }

  void end(std::string_view name) override {
    if (name == "v")
      in_v = false;
    else if (name == "t")
      in_t = false;
    else if (name == "is")
      in_is = false;
    else if (name == "rPh")
      --phonetic;
    else if (name == "c" && in_cell)
      end_cell();
    else if (name == "row" && in_row) {
      in_row = false;
      ready.push_back(std::move(cur));
    } else if (name == "sheetData") {
      in_sheet_data = false;
    }
  }

  std::string cell_value() const {
    if (cell_type == "s") {
      size_t i = 0;
      auto r = std::from_chars(cell_v.data(), cell_v.data() + cell_v.size(), i);
      return r.ec == std::errc() ? std::string(strings.at(i)) : std::string();
    }
    if (cell_type == "inlineStr") return xlsx::decode_escapes(cell_text);
    if (cell_type == "str" || cell_type == "e") return xlsx::decode_escapes(cell_v);
    if (cell_type == "b") return cell_v.empty() ? "" : cell_v == "1" ? "TRUE" : "FALSE";
    if (cell_type == "d") return cell_v.substr(0, cell_v.find('T'));
    if (cell_v.empty()) return cell_text;
    const bool is_date =
        cell_style >= 0 && static_cast<size_t>(cell_style) < date_styles.size() && date_styles[cell_style];
    return number_text(cell_v, is_date, date1904);
  }

  void end_cell() {
    in_cell = in_v = in_is = in_t = false;
    phonetic = 0;
    cur_col = cell_col;
    const auto& lim = opt.limits;
    if (static_cast<size_t>(cell_col) > lim.max_columns) {
      if (!cur.error) cur.error = too_many_columns(cur.number, lim.max_columns);
      return;
    }
    std::string v = cell_value();
    if (v.empty()) return;
    if (v.size() > lim.max_field_bytes) {
      v.resize(valid_utf8_prefix(std::string_view(v).substr(0, lim.max_field_bytes)));
      if (!cur.error) cur.error = field_too_long(cur.number, static_cast<size_t>(cell_col), lim.max_field_bytes);
    }
    if (cur.cells.size() < static_cast<size_t>(cell_col)) cur.cells.resize(cell_col);
    cur.cells[cell_col - 1] = std::move(v);
  }

  // ---- rows handed out ----

  bool pump() {
    const size_t n = entry->read(chunk.data(), chunk.size());
    parser->feed(std::string_view(chunk.data(), n), n == 0);
    if (n == 0) done = true;
    return !done;
  }

  void fill_merged(Row& row) {
    while (next_merge < merges.size() && merges[next_merge].r1 <= row.number)
      active.push_back({merges[next_merge++], ""});
    std::erase_if(active, [&](const Active& a) { return a.range.r2 < row.number; });
    for (auto& a : active) {
      const auto& m = a.range;
      if (m.r1 == row.number && static_cast<size_t>(m.c1) <= row.cells.size()) a.value = row.cells[m.c1 - 1];
      if (a.value.empty()) continue;
      const size_t last = std::min<size_t>(m.c2, opt.limits.max_columns);
      if (row.cells.size() < last) row.cells.resize(last);
      for (size_t c = m.c1; c <= last; ++c)
        if (row.cells[c - 1].empty()) row.cells[c - 1] = a.value;
    }
  }

  bool next(Row& row) {
    while (true) {
      while (ready.empty() && !done) pump();
      if (ready.empty()) return false;
      Row r = std::move(ready.front());
      ready.pop_front();
      if (r.number > opt.limits.max_rows) throw too_many_rows(opt.limits.max_rows);
      if (r.number > last_number + 1) stats.empty_rows += r.number - last_number - 1;  // rows not in the file
      last_number = std::max(last_number, r.number);
      if (opt.fill_merged) fill_merged(r);
      if (!r.error && is_empty_row(r.cells)) {
        ++stats.empty_rows;
        continue;
      }
      if (!header_width) {
        while (!r.cells.empty() && r.cells.back().empty()) r.cells.pop_back();
        header_width = r.cells.size();
      } else {
        fit_to_header(r, *header_width, true);
      }
      stats.broken_rows += r.error.has_value();
      ++stats.rows;
      row = std::move(r);
      return true;
    }
  }
};

XlsxReader::XlsxReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

XlsxReader::XlsxReader(const std::string& path, XlsxOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->opt = std::move(options);
  impl_->open(xlsx::Archive::open_file(path));
}

std::unique_ptr<XlsxReader> XlsxReader::from_bytes(std::string bytes, XlsxOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->opt = std::move(options);
  impl->open(xlsx::Archive::open_bytes(std::move(bytes)));
  return std::unique_ptr<XlsxReader>(new XlsxReader(std::move(impl)));
}

XlsxReader::~XlsxReader() = default;

bool XlsxReader::next(Row& row) { return impl_->next(row); }
const ReadStats& XlsxReader::stats() const { return impl_->stats; }
const std::vector<std::string>& XlsxReader::sheet_names() const { return impl_->names; }
const std::string& XlsxReader::sheet() const { return impl_->sheet_name; }
bool XlsxReader::date1904() const { return impl_->date1904; }

}  // namespace sl::ingest
