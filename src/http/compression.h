// gzip of answers (zlib) and what goes with it: Vary, Content-Encoding, an ETag per coding and
// the 304 of a conditional GET on the compressed representation.
//
// ETags: a compressed body is another representation of the resource, with other bytes, so it
// gets its own strong ETag (RFC 9110 §8.8.3: a strong validator changes with the content
// coding), derived from the handler's tag. Not a weak one: W/ would claim the two bodies
// interchangeable for byte ranges, and would change the tag's shape the API documents.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "http/request.h"

namespace sl::http {

// Below this a body is sent as is: gzip's framing and the CPU outweigh the bytes saved.
constexpr size_t kCompressMin = 1024;

// Text, JSON, JavaScript, SVG, XML, CSV: worth compressing. Images, fonts, xlsx, zip: no
// (already compressed).
bool compressible(std::string_view content_type);

// RFC 1952 gzip of `data`.
std::string gzip(std::string_view data, int level = 6);

// The ETag of the `coding` representation of a resource whose identity ETag is `etag`:
// "0123456789abcdef" → another 16 hex digits, the same for the same input; W/ stays W/.
std::string etag_for_coding(std::string_view etag, std::string_view coding);

// If-None-Match (RFC 9110 §13.1.2): "*", or a list of tags one of which equals `etag` by
// weak comparison.
bool none_match_hits(std::string_view if_none_match, std::string_view etag);

// The last step before an answer is written. Adds "Vary: Accept-Encoding" to compressible
// answers; gzips the body when the client accepts gzip, the body is at least kCompressMin
// and the request is not HEAD; then renames the ETag for the coding and turns a GET whose
// If-None-Match names that tag into a 304; a Response::gzipped body is used as it is. An answer that already has a Content-Encoding
// (a precompressed static file) is left alone.
void encode_response(const Request& req, Response& res);
// Keeps the gzip of a compressible answer of at least kCompressMin in res.gzipped (for answers
// kept and sent again).
void keep_gzipped(Response& res);

}  // namespace sl::http
