// Fuzz target: the query-parameter parsers. Each input is a query string: it goes to
// query_date, query_period and query_id (api/json_fields.h) as a whole and value by value,
// then to every GET route as "path?input", as an executive, a manager and a rep, through
// parse_target and the server's Router. A crash, a sanitizer report or a 500 is a finding.
#include <map>

#include "api/json_fields.h"
#include "api_harness.h"

namespace {

// The three parsers on one value: an AppError is their answer to bad input.
void parse_value(const std::string& v) {
  using namespace sl::api;
  try {
    query_date(v, "as_of");
  } catch (const sl::AppError&) {
  }
  try {
    query_period(v, "period");
  } catch (const sl::AppError&) {
  }
  try {
    query_id(v, "region");
  } catch (const sl::AppError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  sl::fuzz::harness(sl::fuzz::Data::demo);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto& h = sl::fuzz::harness(sl::fuzz::Data::demo);
  static const auto routes = h.routes("GET");
  const std::string q = sl::fuzz::as_string(data, size);
  parse_value(q);
  std::string path;
  std::map<std::string, std::string> query;
  if (sl::http::parse_target("/x?" + q, path, query))
    for (const auto& [k, v] : query) parse_value(v);
  // GETs change nothing, so no reset is needed between inputs.
  for (const auto& r : routes)
    for (const auto& who : h.callers()) h.dispatch(who, "GET", r.path + "?" + q, "");
  return 0;
}
