// Server-side paging of a list answer: ?page=N (from 1) and ?page_size=M (1–200), a 422 naming
// the parameter outside those bounds; the answer carries total, page and page_size beside the
// rows of the page. A page past the end is empty, not an error (the list may have shrunk).
#pragma once
#include <boost/json.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "http/request.h"

namespace sl::api {

struct Paging {
  int64_t page = 1, size = 50;
  size_t first(size_t total) const;  // index of the page's first row (total when past the end)
  size_t last(size_t total) const;   // one past the page's last row
};

// A prefix names the parameters and fields of one table among several in an answer
// ("reps_": ?reps_page=, "reps_total").
Paging read_paging(const http::Request& req, int64_t default_size = 50, const std::string& prefix = "");
// {"total", "page", "page_size"} to merge into the answer.
void add_paging(boost::json::object& answer, size_t total, const Paging& p, const std::string& prefix = "");

}  // namespace sl::api
