#include "ingest/row_source.h"

#include "ingest/values.h"

namespace sl::ingest {

namespace {
std::string n(int64_t v) { return std::to_string(v); }
AppError row_error(std::string zh, std::string en) {
  return AppError(422, "invalid_row", "", std::move(zh), std::move(en));
}
}  // namespace

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
