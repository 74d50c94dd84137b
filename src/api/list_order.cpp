#include "api/list_order.h"

#include <algorithm>
#include <numeric>

#include "api/json_fields.h"

namespace sl::api {

SortOrder read_sort(const http::Request& req, const std::vector<std::string>& keys, const std::string& prefix) {
  SortOrder o;
  o.key = req.query_value(prefix + "sort");
  if (!o.key.empty() && std::find(keys.begin(), keys.end(), o.key) == keys.end()) {
    std::string list;
    for (const auto& k : keys) list += (list.empty() ? "" : ", ") + k;
    throw invalid_field(prefix + "sort", "无法按此列排序：" + o.key + "（可用：" + list + "）",
                        "Cannot sort by " + o.key + " (one of: " + list + ")");
  }
  const std::string name = prefix + "order", dir = req.query_value(name);
  if (!dir.empty() && dir != "asc" && dir != "desc")
    throw invalid_field(name, name + " 应为 asc 或 desc：" + dir, name + " must be asc or desc: " + dir);
  o.desc = dir == "desc";
  return o;
}

namespace {
// −1, 0, 1 with nothing below every number and numbers below texts.
int compare(const SortValue& a, const SortValue& b) {
  if (a.index() != b.index()) return a.index() < b.index() ? -1 : 1;
  if (const auto* x = std::get_if<double>(&a)) {
    const double y = std::get<double>(b);
    return *x < y ? -1 : y < *x ? 1 : 0;
  }
  if (const auto* x = std::get_if<std::string>(&a)) {
    const int c = x->compare(std::get<std::string>(b));
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  return 0;
}
}  // namespace

std::vector<size_t> page_order(size_t count, const SortOrder& order, const Paging& paging,
                               const std::function<SortValue(size_t row, const std::string& key)>& value) {
  std::vector<size_t> idx(count);
  std::iota(idx.begin(), idx.end(), size_t{0});
  if (!order.key.empty()) {
    std::vector<SortValue> keys(count);
    for (size_t i = 0; i < count; ++i) keys[i] = value(i, order.key);
    std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
      const int c = compare(keys[a], keys[b]);
      return order.desc ? c > 0 : c < 0;
    });
  }
  return {idx.begin() + static_cast<std::ptrdiff_t>(paging.first(count)),
          idx.begin() + static_cast<std::ptrdiff_t>(paging.last(count))};
}

void add_order(boost::json::object& answer, size_t total, const Paging& paging, const SortOrder& order,
               const std::string& prefix) {
  add_paging(answer, total, paging, prefix);
  answer[prefix + "sort"] = order.key.empty() ? boost::json::value(nullptr) : boost::json::value(order.key);
  answer[prefix + "order"] = order.desc ? "desc" : "asc";
}

}  // namespace sl::api
