// Fuzz target: the HTTP request path up to the handlers. Each input is raw bytes off a
// connection: a Beast request parser with the server's limits reads requests from it (up to
// a few pipelined ones), the server's framing check (http/framing.h) judges each header, and
// every complete request becomes an http::Request as the server builds it, which then goes
// through parse_target, cookie, lang, parse_json_body and log_safe. The same functions also
// get the raw input itself, so they see bytes Beast would never let through.
//
// Besides crashes and sanitizer reports, two properties abort (findings):
//  - log_safe leaves no control character (C0, DEL or C1) and no lone backslash in its output;
//  - a request the framing check passes has exactly the body its Content-Length announces.
#include <boost/beast/http.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "http/framing.h"
#include "http/request.h"
#include "http/server.h"

namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using sl::http::Request;

[[noreturn]] void finding(const char* what, const std::string& detail) {
  std::fprintf(stderr, "\nFINDING: %s: %s\n", what, sl::http::log_safe(detail.substr(0, 2000)).c_str());
  std::abort();
}

void check_log_safe(const std::string& in) {
  const std::string out = sl::http::log_safe(in);
  for (size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    const auto next = i + 1 < out.size() ? static_cast<unsigned char>(out[i + 1]) : 0;
    if (c < 0x20 || c == 0x7f) finding("log_safe kept a control character", in);
    if (c == 0xc2 && next >= 0x80 && next <= 0x9f) finding("log_safe kept a C1 control", in);
    // Every backslash it writes starts an escape "\xNN"; a backslash of the input is escaped.
    if (c == '\\' && (i + 1 >= out.size() || out[i + 1] != 'x')) finding("log_safe kept a bare backslash", in);
  }
}

// What a handler would do with the request: the functions of http/request.h.
void use(Request& r) {
  sl::http::parse_target(r.target, r.path, r.query);
  (void)r.cookie("sl_session");
  (void)r.cookie("");
  (void)r.lang();
  (void)r.query_value("month", "fallback");
  try {
    (void)sl::http::parse_json_body(r);
  } catch (const sl::AppError& e) {
    if (e.status != 400) finding("parse_json_body threw a status other than 400", r.body);
  }
  check_log_safe(r.method);
  check_log_safe(r.target);
  check_log_safe(r.path);
  check_log_safe(r.body);
}

// The raw input in every role a string plays in a request.
void use_raw(const std::string& s) {
  Request r;
  r.method = "POST";
  r.target = s;
  r.body = s;
  r.headers = {{"cookie", s}, {"accept-language", s}};
  use(r);
  // A cookie header with the input as the value of the session cookie.
  Request c;
  c.headers = {{"cookie", "a=b; sl_session=" + s}};
  (void)c.cookie("sl_session");
}

// Reads requests off `data` as http::Server::session does; false when the connection would
// be closed (a parse error, a refused framing, or the end of the bytes).
bool read_one(std::string_view& data, const sl::http::ServerConfig& cfg) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.body_limit(cfg.body_limit);
  parser.header_limit(static_cast<std::uint32_t>(cfg.header_limit));
  parser.eager(true);
  beast::error_code ec;
  bool judged = false;
  while (!parser.is_done()) {
    if (parser.is_header_done() && !judged) {
      judged = true;
      if (sl::http::bad_framing(parser.get())) return false;  // 400 and close
    }
    if (data.empty()) {
      parser.put_eof(ec);  // the peer closed: only a body "until EOF" may end here
      if (ec) return false;
      break;
    }
    size_t n = parser.put(boost::asio::const_buffer(data.data(), data.size()), ec);
    data.remove_prefix(n);
    // The rest of the message is not in the input: the server would wait for more bytes,
    // time out and close. (Beast wants more bytes before the next put; handing it the same
    // ones again trips its assertions, as the first long run of this target found.)
    if (ec == bhttp::error::need_more) return false;
    if (ec) return false;
  }
  if (parser.is_header_done() && !judged && sl::http::bad_framing(parser.get())) return false;

  auto msg = parser.release();
  // The framing check passed: the body must be what Content-Length said (no second reading).
  if (!msg.chunked()) {
    auto cl = msg[bhttp::field::content_length];
    if (!cl.empty()) {
      const std::string len(cl);
      if (std::strtoull(len.c_str(), nullptr, 10) != msg.body().size())
        finding("body length differs from Content-Length", len + " vs " + std::to_string(msg.body().size()));
    }
  }
  const bool keep = msg.keep_alive();
  Request req = sl::http::request_of(std::move(msg));
  use(req);
  return keep;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  const std::string raw(reinterpret_cast<const char*>(bytes), size);
  use_raw(raw);
  static const sl::http::ServerConfig cfg;  // the server's default limits
  std::string_view data = raw;
  // A few pipelined requests on one connection, as a keep-alive client sends them.
  for (int i = 0; i < 4 && !data.empty(); ++i)
    if (!read_one(data, cfg)) break;
  return 0;
}
