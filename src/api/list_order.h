// Server-side sorting and paging of a table in a dashboard answer (issue 9 item 20): the
// answer of a page at company scope stays small however many reps there are.
//
//   ?sort=KEY&order=asc|desc (default: the table's own order, e.g. rank) — 422 naming `sort` for a
//   key the table does not sort by, `order` for anything but asc/desc;
//   ?page / ?page_size as in paging.h.
//
// Missing values (no target, no rank) sort below every number, as SQL sorts NULL: first
// ascending, last descending. Equal values keep the table's own order (a stable sort).
#pragma once
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "api/paging.h"

namespace sl::api {

struct SortOrder {
  std::string key;  // "" = the table's own order
  bool desc = false;
};
// A prefix as in paging.h (?reps_sort=).
SortOrder read_sort(const http::Request& req, const std::vector<std::string>& keys, const std::string& prefix = "");

// One row's value for a sort key: nothing, a number or a text (byte order of the UTF-8).
using SortValue = std::variant<std::monostate, double, std::string>;

// The indices of the rows on the requested page, in the requested order.
std::vector<size_t> page_order(size_t count, const SortOrder& order, const Paging& paging,
                               const std::function<SortValue(size_t row, const std::string& key)>& value);

// {"total", "page", "page_size", "sort", "order"} to merge into the answer.
void add_order(boost::json::object& answer, size_t total, const Paging& paging, const SortOrder& order,
               const std::string& prefix = "");

}  // namespace sl::api
