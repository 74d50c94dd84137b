#include "api/check_lists.h"

namespace sl::api::check {

Date read_date(const PageCall& q) {
  const Date as_of = q.p.date("as_of"), last = q.p.period("period").last;
  return last < as_of ? last : as_of;
}

std::vector<ParamSpec> list_params() {
  ParamSpec page = count_param("page", 1, 1, 1000000, "page 应为正整数", "page must be a positive whole number");
  ParamSpec size = count_param("page_size", 20, 1, 200, "page_size 应在 1 到 200 之间", "page_size must be 1 to 200");
  ParamSpec q = text_param("q");
  for (ParamSpec* s : {&page, &size, &q}) s->keys_result = false;
  return {page, size, q};
}

bool name_matches(const std::string& name, const std::string& q) {
  if (q.empty()) return true;
  auto lower = [](std::string s) {
    for (char& ch : s)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return s;
  };
  return lower(name).find(lower(q)) != std::string::npos;
}

const char* size_code(int size) {
  return size >= 0 && size < 3 ? model::customer_size_code(static_cast<model::CustomerSize>(size)) : "";
}

json::object customer_json(const engine::Snapshot& s, int32_t c) {
  const auto& cu = s.facts->customers;
  const auto& d = *s.dims;
  const int32_t reg = cu.region[c];
  const int32_t top = reg == engine::kNone ? engine::kNone : d.region_top[static_cast<size_t>(reg)];
  return json::object{
      {"id", s.facts->customer_id[static_cast<size_t>(c)]},
      {"name", cu.name[c]},
      {"industry", cu.industries[static_cast<size_t>(cu.industry[c])]},
      {"size", size_code(cu.size[c])},
      {"region", top == engine::kNone ? json::value(nullptr) : json::value(d.region_name[static_cast<size_t>(top)])}};
}

}  // namespace sl::api::check
