#include "present/writers.h"

#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

#include "present/catalog.h"
#include "present/cell_text.h"

namespace sl::present {

namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// A number as a file holds it: money in yuan, the rest as is.
double file_number(double v, Unit u) { return u == Unit::money ? v / 100.0 : v; }

}  // namespace

std::string to_csv(const Table& t, Lang lang) {
  std::string out = "\xEF\xBB\xBF";
  for (size_t i = 0; i < t.columns.size(); ++i) out += (i ? "," : "") + csv_field(header(t.columns[i], lang));
  out += "\r\n";
  for (const auto& row : t.rows) {
    for (size_t i = 0; i < row.size() && i < t.columns.size(); ++i)
      out += (i ? "," : "") + csv_field(cell_text(row[i], t.columns[i].unit, lang, CellUse::file));
    out += "\r\n";
  }
  return out;
}

std::string to_xlsx(const Table& t, Lang lang) {
  // libxlsxwriter 1.1.4 writes to a file only: a private temporary file, read back and removed.
  char path[] = "/tmp/salesloop-export-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) throw std::runtime_error("cannot create a temporary file for the export");
  close(fd);
  struct Remove {
    const char* p;
    ~Remove() { std::remove(p); }
  } remove_later{path};

  lxw_workbook* wb = workbook_new(path);
  if (!wb) throw std::runtime_error("xlsx: cannot create workbook");
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(t, lang).substr(0, 31).c_str());
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xF2F3F5);
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "#,##0.00");
  lxw_format* pct = workbook_add_format(wb);
  format_set_num_format(pct, "0.0%");
  lxw_format* decimal = workbook_add_format(wb);
  format_set_num_format(decimal, "0.00");
  for (size_t c = 0; c < t.columns.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header(t.columns[c], lang).c_str(), head);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), c == 0 ? 18 : 14, nullptr);
  }
  for (size_t r = 0; r < t.rows.size(); ++r) {
    auto row = static_cast<lxw_row_t>(r + 1);
    for (size_t c = 0; c < t.rows[r].size() && c < t.columns.size(); ++c) {
      auto col = static_cast<lxw_col_t>(c);
      const Value& x = t.rows[r][c];
      const Unit u = t.columns[c].unit;
      if (std::holds_alternative<std::monostate>(x)) continue;
      if (std::holds_alternative<std::string>(x) || std::holds_alternative<Label>(x)) {
        worksheet_write_string(ws, row, col, cell_text(x, u, lang, CellUse::file).c_str(), nullptr);
        continue;
      }
      const double d =
          std::holds_alternative<int64_t>(x) ? static_cast<double>(std::get<int64_t>(x)) : std::get<double>(x);
      lxw_format* f = u == Unit::money ? money : u == Unit::percent ? pct : u == Unit::number ? decimal : nullptr;
      worksheet_write_number(ws, row, col, file_number(d, u), f);
    }
  }
  worksheet_freeze_panes(ws, 1, 0);
  if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("xlsx: cannot write workbook");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace sl::present
