#include "ingest/row_source.h"

#include <fstream>

#include "ingest/csv_reader.h"
#include "ingest/values.h"
#include "ingest/xlsx_reader.h"

namespace sl::ingest {

namespace {
std::string n(int64_t v) { return std::to_string(v); }
AppError row_error(std::string zh, std::string en) {
  return AppError(422, "invalid_row", "", std::move(zh), std::move(en));
}

Encoding encoding_choice(const std::string& name) {
  auto enc = parse_encoding(name);
  if (!enc)
    throw invalid_field("encoding",
                        "不支持的编码：" + name + "（可选 auto、utf-8、gbk、gb18030、utf-16le、utf-16be）",
                        "Unknown encoding: " + name + " (auto, utf-8, gbk, gb18030, utf-16le or utf-16be)");
  return *enc;
}
}  // namespace

std::optional<char> parse_delimiter(std::string_view text) {
  if (text.empty() || text == "auto") return char{0};
  if (text == "tab" || text == "\\t" || text == "\t") return '\t';
  if (text == "comma") return ',';
  if (text == "semicolon") return ';';
  if (text == "pipe") return '|';
  if (text == "space") return ' ';
  if (text.size() == 1 && text[0] > ' ' && text[0] < 0x7F && text[0] != '"') return text[0];
  return std::nullopt;
}

void set_csv_choices(ReadOptions& o, const std::string& encoding, const std::string& delimiter) {
  encoding_choice(encoding);
  auto d = parse_delimiter(delimiter);
  if (!d)
    throw invalid_field("delimiter",
                        "不支持的分隔符：" + delimiter + "（可选 auto、tab、逗号等单个字符，不能是引号）",
                        "Unknown delimiter: " + delimiter + " (auto, tab, or one character such as , ; | but not a quote)");
  o.encoding = encoding;
  o.delimiter = *d;
}

std::unique_ptr<RowSource> open_rows(const std::string& path, const ReadOptions& options) {
  char magic[4] = {};
  {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw AppError(422, "unreadable_file", "file", "无法打开文件：" + path, "Cannot open the file: " + path);
    f.read(magic, sizeof magic);
  }
  const std::string_view m(magic, sizeof magic);
  if (m == std::string_view("PK\3\4", 4)) {
    XlsxOptions x;
    x.sheet = options.sheet;
    x.limits = options.limits;
    return std::make_unique<XlsxReader>(path, x);
  }
  if (m == std::string_view("\xD0\xCF\x11\xE0", 4))
    throw AppError(422, "unreadable_file", "file", "不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后再导入",
                   "Legacy Excel (.xls) files are not supported: save the file as .xlsx or CSV and import that");
  CsvOptions c;
  c.encoding = encoding_choice(options.encoding);
  c.delimiter = options.delimiter;
  c.limits = options.limits;
  return std::make_unique<CsvReader>(path, c);
}

bool is_empty_row(const std::vector<std::string>& cells) {
  for (const auto& c : cells)
    if (!is_blank(c)) return false;
  return true;
}

bool fit_to_header(Row& row, size_t header_width, bool pad_short) {
  auto& cells = row.cells;
  while (cells.size() > header_width && cells.back().empty()) cells.pop_back();
  if (cells.size() < header_width && pad_short) cells.resize(header_width);
  if (cells.size() == header_width) return false;
  if (!row.error) row.error = ragged_row(row.number, cells.size(), header_width);
  return true;
}

AppError ragged_row(int64_t number, size_t cells, size_t header_width) {
  return row_error("第 " + n(number) + " 行有 " + n(cells) + " 列，表头有 " + n(header_width) + " 列",
                   "Row " + n(number) + " has " + n(cells) + " cells, the header has " + n(header_width));
}

AppError field_too_long(int64_t number, size_t column, size_t limit) {
  return row_error(
      "第 " + n(number) + " 行第 " + n(column) + " 列内容过长（最多 " + n(limit) + " 字节）",
      "Row " + n(number) + ", column " + n(column) + ": the cell is too long (at most " + n(limit) + " bytes)");
}

AppError too_many_columns(int64_t number, size_t limit) {
  return row_error("第 " + n(number) + " 行超过 " + n(limit) + " 列",
                   "Row " + n(number) + " has more than " + n(limit) + " cells");
}

AppError unclosed_quote(int64_t number) {
  return row_error("第 " + n(number) + " 行的引号没有结束（直到文件末尾）",
                   "Row " + n(number) + ": a quote is never closed (up to the end of the file)");
}

AppError too_many_rows(int64_t limit) {
  return AppError(413, "too_many_rows", "", "文件超过 " + n(limit) + " 行，请拆分后分批导入",
                  "The file has more than " + n(limit) + " rows: split it and import the parts");
}

}  // namespace sl::ingest
