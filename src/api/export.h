// A page's table as a download: ?format=xlsx|csv (a file with Content-Disposition: attachment,
// written by present/writers.h) or ?format=json (the table's rows keyed by column, with the
// column specs), all from the same present::Table.
#pragma once
#include <string>

#include "http/request.h"
#include "present/table.h"

namespace sl::api {

// Content-Disposition of a download: RFC 5987 filename*= for non-ASCII names, with a plain
// ASCII fallback.
std::string disposition(const std::string& name, const std::string& ext);

// format "xlsx", "csv" or "json" (anything else: 422 on field "format"); filename without extension.
http::Response export_response(const present::Table& t, Lang lang, const std::string& format,
                               const std::string& filename);

}  // namespace sl::api
