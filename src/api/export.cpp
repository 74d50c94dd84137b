#include "api/export.h"

#include <xlsxwriter.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

#include "core/error.h"

namespace sl::api {

namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string cell_text(const Cell& c) {
  struct V {
    std::string operator()(std::monostate) const { return ""; }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(double d) const {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.2f", d);
      return buf;
    }
    std::string operator()(int64_t i) const { return std::to_string(i); }
    std::string operator()(Percent p) const {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.1f%%", p.v * 100);
      return buf;
    }
  };
  return std::visit(V{}, c);
}

// RFC 5987 filename*= for non-ASCII names, with a plain ASCII fallback.
std::string disposition(const std::string& name, const std::string& ext) {
  static const char* hex = "0123456789ABCDEF";
  std::string enc;
  for (unsigned char c : name + "." + ext) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') enc += static_cast<char>(c);
    else {
      enc += '%';
      enc += hex[c >> 4];
      enc += hex[c & 15];
    }
  }
  return "attachment; filename=\"salesloop-export." + ext + "\"; filename*=UTF-8''" + enc;
}

}  // namespace

std::string to_csv(const ExportTable& t) {
  std::string out = "\xEF\xBB\xBF";
  auto line = [&out](size_t n, auto field) {
    for (size_t i = 0; i < n; ++i) {
      if (i) out += ',';
      out += csv_field(field(i));
    }
    out += "\r\n";
  };
  line(t.headers.size(), [&](size_t i) { return t.headers[i]; });
  for (const auto& row : t.rows) line(row.size(), [&](size_t i) { return cell_text(row[i]); });
  return out;
}

std::string to_xlsx(const ExportTable& t) {
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
  lxw_worksheet* ws = workbook_add_worksheet(wb, t.sheet.substr(0, 31).c_str());
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xF2F3F5);
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "#,##0.00");
  lxw_format* pct = workbook_add_format(wb);
  format_set_num_format(pct, "0.0%");
  for (size_t c = 0; c < t.headers.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t.headers[c].c_str(), head);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), c == 0 ? 18 : 14, nullptr);
  }
  for (size_t r = 0; r < t.rows.size(); ++r) {
    auto row = static_cast<lxw_row_t>(r + 1);
    for (size_t c = 0; c < t.rows[r].size(); ++c) {
      auto col = static_cast<lxw_col_t>(c);
      const Cell& x = t.rows[r][c];
      if (auto* s = std::get_if<std::string>(&x)) worksheet_write_string(ws, row, col, s->c_str(), nullptr);
      else if (auto* d = std::get_if<double>(&x)) worksheet_write_number(ws, row, col, *d, money);
      else if (auto* i = std::get_if<int64_t>(&x)) worksheet_write_number(ws, row, col, static_cast<double>(*i), nullptr);
      else if (auto* p = std::get_if<Percent>(&x)) worksheet_write_number(ws, row, col, p->v, pct);
    }
  }
  worksheet_freeze_panes(ws, 1, 0);
  if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("xlsx: cannot write workbook");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

http::Response export_response(const ExportTable& t, const std::string& format, const std::string& filename) {
  http::Response r;
  if (format == "csv") {
    r.content_type = "text/csv; charset=utf-8";
    r.body = to_csv(t);
  } else if (format == "xlsx") {
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    r.body = to_xlsx(t);
  } else {
    throw invalid_field("format", "导出格式应为 xlsx 或 csv", "format must be xlsx or csv");
  }
  r.headers.push_back({"Content-Disposition", disposition(filename, format)});
  return r;
}

}  // namespace sl::api
