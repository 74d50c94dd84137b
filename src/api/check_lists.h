// Shared pieces of the C-area customer lists (C2 segment customers, C3 key accounts): the
// page/page_size/q parameters (they shape the answer, not the analysis), the name search, one
// page of rows, and a customer as the lists show it.
#pragma once
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "api/page.h"

namespace sl::api::check {

namespace json = boost::json;

// The date C2 and C3 read as of: as_of, or the period's last day when the period ended before
// it (?period=2025-Q4&as_of=2026-06-15 reads 2025-12-31). The default period is as_of's month,
// so without a period the date is as_of.
Date read_date(const PageCall& q);

// page (1..), page_size (1..200, default 20), q (a part of the customer's name).
std::vector<ParamSpec> list_params();

// Whether the customer's name holds q (ASCII letters case-insensitive; empty q: every name).
bool name_matches(const std::string& name, const std::string& q);

// The rows of the requested page out of `all` as JSON, with the paging figures:
// {"total", "page", "page_size", "rows": [...]}.
template <class Row, class Encode>
json::object page_of(const PageCall& q, const std::vector<const Row*>& all, Encode encode) {
  const size_t size = static_cast<size_t>(q.p.number("page_size")), page = static_cast<size_t>(q.p.number("page"));
  json::array rows;
  for (size_t i = (page - 1) * size; i < all.size() && i < page * size; ++i) rows.push_back(encode(*all[i]));
  return json::object{{"total", all.size()}, {"page", page}, {"page_size", size}, {"rows", std::move(rows)}};
}

// {"id", "name", "industry", "size", "region"} of a customer index.
json::object customer_json(const engine::Snapshot& s, int32_t customer);
const char* size_code(int size);  // "large" | "medium" | "small"

}  // namespace sl::api::check
