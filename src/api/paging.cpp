#include "api/paging.h"

#include <algorithm>
#include <charconv>

#include "api/json_fields.h"

namespace sl::api {

size_t Paging::first(size_t total) const {
  const auto skip = static_cast<uint64_t>(page - 1) * static_cast<uint64_t>(size);
  return skip >= total ? total : static_cast<size_t>(skip);
}

size_t Paging::last(size_t total) const { return std::min(total, first(total) + static_cast<size_t>(size)); }

namespace {
// A whole number within [1, max] or a 422 naming the parameter with its bounds.
int64_t bounded(const http::Request& req, const std::string& name, int64_t fallback, int64_t max) {
  const std::string v = req.query_value(name);
  if (v.empty()) return fallback;
  int64_t n = 0;
  auto r = std::from_chars(v.data(), v.data() + v.size(), n);
  if (r.ec != std::errc() || r.ptr != v.data() + v.size() || n < 1 || n > max)
    throw invalid_field(name, name + " 应为 1 到 " + std::to_string(max) + " 之间的整数：" + v,
                        name + " must be a whole number from 1 to " + std::to_string(max) + ": " + v);
  return n;
}
}  // namespace

Paging read_paging(const http::Request& req, int64_t default_size, const std::string& prefix) {
  return Paging{bounded(req, prefix + "page", 1, 1'000'000), bounded(req, prefix + "page_size", default_size, 200)};
}

void add_paging(boost::json::object& answer, size_t total, const Paging& p, const std::string& prefix) {
  answer[prefix + "total"] = total;
  answer[prefix + "page"] = p.page;
  answer[prefix + "page_size"] = p.size;
}

}  // namespace sl::api
