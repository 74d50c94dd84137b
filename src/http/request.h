// What a handler sees of an HTTP exchange: a decoded request and a plain response.
// Kept free of Beast types so handlers (src/api/) and their tests need no networking.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

#include "core/error.h"

namespace sl::http {

struct Request {
  std::string method;                         // "GET", "POST", ...
  std::string target;                         // raw request target, e.g. "/api/v1/x?a=1"
  std::string path;                           // percent-decoded path, no query
  std::map<std::string, std::string> query;   // decoded; '+' is a space; last one wins
  std::map<std::string, std::string> params;  // route captures, filled by Router
  std::string body;
  // An upload (http::ServerConfig::upload_paths): the body is in this file, not in `body`. The
  // server removes the file after the answer unless the handler took it (cleared this).
  std::string body_file;
  std::string remote;  // peer "ip:port"
  // The client's address: the peer's, or the one a trusted proxy names in X-Forwarded-For.
  std::string client;
  // Reached over TLS: a trusted proxy said X-Forwarded-Proto: https (or the server is set to
  // say so); the session cookie is then Secure.
  bool https = false;
  // Header names are stored lower-cased.
  std::vector<std::pair<std::string, std::string>> headers;

  std::string header(std::string_view name) const;  // case-insensitive, "" if absent
  // A list header (Accept-Encoding, If-None-Match) sent on several lines, joined with ", ".
  std::string header_list(std::string_view name) const;
  std::string cookie(std::string_view name) const;  // "" if absent
  // A query parameter; `fallback` when it is absent or empty (`?x=` means "not given").
  std::string query_value(const std::string& name, const std::string& fallback = "") const;
  sl::Lang lang() const;  // Accept-Language starting with "en" -> en, else zh
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
  // The body already gzipped, when whoever built the answer kept one (a cached dashboard
  // answer: compressed once, sent many times); encode_response sends it instead of deflating.
  std::shared_ptr<const std::string> gzipped;
};

Response json_response(int status, const boost::json::value& v);
// {"error":{"code":…,"message":…,"field":…|null}} with the status of the error.
Response error_response(const sl::AppError& e, sl::Lang lang);
// The body as JSON; an empty or malformed body throws AppError 400 "malformed_json".
boost::json::value parse_json_body(const Request& r);

// A string safe for one log line: control characters (CR, LF, ESC, …), DEL and backslash
// become \xNN, so a request cannot forge a line or colour the terminal. UTF-8 stays as is.
std::string log_safe(std::string_view s);

// Splits a request target into a decoded path and query map. false if the target
// is not a valid origin-form ("/path?query").
bool parse_target(std::string_view target, std::string& path, std::map<std::string, std::string>& query);

}  // namespace sl::http
