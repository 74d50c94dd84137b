#include "api/export.h"

#include <cctype>

#include "present/writers.h"

namespace sl::api {

std::string disposition(const std::string& name, const std::string& ext) {
  static const char* hex = "0123456789ABCDEF";
  std::string enc;
  for (unsigned char c : name + "." + ext) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.')
      enc += static_cast<char>(c);
    else {
      enc += '%';
      enc += hex[c >> 4];
      enc += hex[c & 15];
    }
  }
  return "attachment; filename=\"salesloop-export." + ext + "\"; filename*=UTF-8''" + enc;
}

http::Response export_response(const present::Table& t, Lang lang, const std::string& format,
                               const std::string& filename) {
  if (format == "json") return http::json_response(200, present::table_json(t, lang));
  http::Response r;
  if (format == "csv") {
    r.content_type = "text/csv; charset=utf-8";
    r.body = present::to_csv(t, lang);
  } else if (format == "xlsx") {
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    r.body = present::to_xlsx(t, lang);
  } else {
    throw invalid_field("format", "导出格式应为 xlsx、csv 或 json", "format must be xlsx, csv or json");
  }
  r.headers.push_back({"Content-Disposition", disposition(filename, format)});
  return r;
}

}  // namespace sl::api
