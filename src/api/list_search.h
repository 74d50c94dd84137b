// The ?q= search of the form lists and pickers (商机维护, 合同录入): a trimmed substring,
// case-insensitive for Latin letters (codes such as "o000042"), byte for byte otherwise
// (Chinese names). An empty query matches everything.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

#include "http/request.h"

namespace sl::api {

struct TextQuery {
  std::string lowered;  // trimmed, ASCII-lowered; "" = no search
  // True when any of the texts holds the query.
  bool matches(std::initializer_list<std::string_view> texts) const;
};

// ?q=, at most 100 characters (422 naming "q" beyond).
TextQuery read_text_query(const http::Request& req);

}  // namespace sl::api
