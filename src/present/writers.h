// A present::Table as a file: XLSX (libxlsxwriter) or CSV (UTF-8 with a BOM so that Excel opens
// Chinese text correctly). Money in yuan (files are read by people; the API stays in fen),
// percentages formatted as such, headers and coded values in the reader's language.
#pragma once
#include <string>

#include "present/table.h"

namespace sl::present {

std::string to_csv(const Table& t, Lang lang);
std::string to_xlsx(const Table& t, Lang lang);  // the .xlsx file's bytes

}  // namespace sl::present
