#include "http/framing.h"

#include <cctype>
#include <string>
#include <string_view>

namespace sl::http {

namespace bhttp = boost::beast::http;

Request request_of(const bhttp::request_header<>& head) {
  Request req;
  req.method = std::string(head.method_string());
  req.target = std::string(head.target());
  for (const auto& f : head) {
    std::string name(f.name_string());
    for (auto& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    req.headers.emplace_back(std::move(name), std::string(f.value()));
  }
  return req;
}

Request request_of(bhttp::request<bhttp::string_body>&& msg) {
  Request req = request_of(static_cast<const bhttp::request_header<>&>(msg));
  req.body = std::move(msg.body());
  return req;
}

std::string trim_lower(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  std::string out(v);
  for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const char* bad_framing(const bhttp::request_parser<bhttp::string_body>::value_type& h) {
  size_t lengths = 0, codings = 0;
  std::string te;
  for (const auto& f : h) {
    if (f.name() == bhttp::field::content_length) ++lengths;
    if (f.name() == bhttp::field::transfer_encoding) {
      ++codings;
      te = trim_lower(f.value());
    }
  }
  if (lengths > 1) return "multiple Content-Length";
  if (lengths && codings) return "Content-Length with Transfer-Encoding";
  if (codings > 1 || (codings && te != "chunked")) return "unsupported Transfer-Encoding";
  return nullptr;
}

}  // namespace sl::http
