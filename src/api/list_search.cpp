#include "api/list_search.h"

#include <algorithm>

#include "core/error.h"

namespace sl::api {

namespace {
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

bool TextQuery::matches(std::initializer_list<std::string_view> texts) const {
  if (lowered.empty()) return true;
  for (std::string_view t : texts) {
    auto it = std::search(t.begin(), t.end(), lowered.begin(), lowered.end(),
                          [](char a, char b) { return lower(a) == b; });
    if (it != t.end()) return true;
  }
  return false;
}

TextQuery read_text_query(const http::Request& req) {
  std::string q = req.query_value("q");
  const auto first = q.find_first_not_of(" \t");
  q = first == std::string::npos ? "" : q.substr(first, q.find_last_not_of(" \t") - first + 1);
  if (q.size() > 100) throw invalid_field("q", "搜索词过长（最多 100 个字符）", "The search text is too long (at most 100 characters)");
  std::transform(q.begin(), q.end(), q.begin(), lower);
  return TextQuery{q};
}

}  // namespace sl::api
