// Any dashboard table as a file: XLSX (libxlsxwriter) or CSV (UTF-8 with a BOM so that
// Excel opens Chinese text correctly), sent with Content-Disposition: attachment.
#pragma once
#include <string>
#include <variant>
#include <vector>

#include "http/request.h"

namespace sl::api {

// A cell: empty, text, a number, or a ratio shown as a percentage.
struct Percent {
  double v;
};
using Cell = std::variant<std::monostate, std::string, double, int64_t, Percent>;

struct ExportTable {
  std::string sheet;  // worksheet name (≤ 31 chars)
  std::vector<std::string> headers;
  std::vector<std::vector<Cell>> rows;
};

// format "xlsx" or "csv" (anything else: 422 on field "format"); filename without extension.
http::Response export_response(const ExportTable& t, const std::string& format, const std::string& filename);

std::string to_csv(const ExportTable& t);
std::string to_xlsx(const ExportTable& t);  // the .xlsx file's bytes

// Money in fen → yuan for a file (files are read by people; the API stays in fen).
inline Cell yuan_cell(int64_t fen) { return static_cast<double>(fen) / 100.0; }

}  // namespace sl::api
