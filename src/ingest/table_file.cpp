#include "ingest/table_file.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <stdexcept>

#include "core/error.h"

namespace sl::ingest {

namespace {

constexpr size_t kXlsxMaxRows = 1048576;  // the header included

std::string csv_field(const std::string& s) {
  const bool quote =
      s.find_first_of(",\"\r\n") != std::string::npos || (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void csv_line(std::string& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += csv_field(cells[i]);
  }
  out += "\r\n";
}

std::string extension(const std::string& path) {
  auto dot = path.find_last_of('.');
  std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

void write_xlsx(const TextTable& t, const std::string& path, const std::string& sheet) {
  if (t.rows.size() + 1 > kXlsxMaxRows)
    throw invalid_field("file", "行数超过 XLSX 的上限 1,048,576，请导出为 CSV",
                        "More rows than an XLSX sheet holds (1,048,576): export as CSV");
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) throw std::runtime_error("cannot create " + path);
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.substr(0, 31).c_str());
  auto write_row = [&](lxw_row_t r, const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c)
      if (!cells[c].empty()) worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), cells[c].c_str(), nullptr);
  };
  write_row(0, t.headers);
  for (size_t r = 0; r < t.rows.size(); ++r) write_row(static_cast<lxw_row_t>(r + 1), t.rows[r]);
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) throw std::runtime_error("cannot write " + path + ": " + lxw_strerror(err));
}

}  // namespace

std::string csv_text(const TextTable& t) {
  std::string out = "\xEF\xBB\xBF";
  csv_line(out, t.headers);
  for (const auto& r : t.rows) csv_line(out, r);
  return out;
}

void check_table_file_name(const std::string& path) {
  const std::string ext = extension(path);
  if (ext != "csv" && ext != "xlsx")
    throw invalid_field("file", "文件名应以 .csv 或 .xlsx 结尾：" + path,
                        "The file name must end in .csv or .xlsx: " + path);
}

void write_table_file(const TextTable& t, const std::string& path, const std::string& sheet) {
  check_table_file_name(path);
  if (extension(path) == "xlsx") return write_xlsx(t, path, sheet);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("cannot create " + path);
  const std::string text = csv_text(t);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out.flush()) throw std::runtime_error("cannot write " + path);
}

}  // namespace sl::ingest
