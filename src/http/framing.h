// The server's check of a parsed request header for framing that Beast accepts but that
// two readers of the same bytes could take apart differently (request smuggling). Its own
// file so the fuzz target (tests/fuzz/http_request_fuzz.cpp) runs the server's exact check.
#pragma once
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <string>
#include <string_view>

#include "http/request.h"

namespace sl::http {

// nullptr when the framing is unambiguous, else why not (for the log): several
// Content-Length fields, Content-Length with Transfer-Encoding, or a Transfer-Encoding
// other than a single "chunked". The server answers 400 and closes the connection.
const char* bad_framing(const boost::beast::http::request_parser<boost::beast::http::string_body>::value_type& h);

// The handler's view of a parsed message: method, target, lower-cased header names, body.
// (remote, client, https and the decoded path are the server's to fill.)
Request request_of(boost::beast::http::request<boost::beast::http::string_body>&& msg);
// The same without the body (an upload, whose body went to a file).
Request request_of(const boost::beast::http::request_header<>& head);

// A header value as a token to compare: spaces and tabs around it removed, lower-cased.
std::string trim_lower(std::string_view v);

}  // namespace sl::http
