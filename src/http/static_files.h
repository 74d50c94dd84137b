// Serves the built web app: files under a root directory, the SPA's index.html for
// unknown paths (client-side routes), never anything outside the root. A compressible file
// with a precompressed sibling (app.js.br, app.js.gz, written at build by
// web/scripts/precompress.mjs) is answered with the sibling when the client accepts its
// coding, with the original's Content-Type.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

#include "http/request.h"

namespace sl::http {

// "text/html; charset=utf-8" etc. by extension; "application/octet-stream" if unknown.
std::string content_type_for(const std::filesystem::path& p);

// path: the decoded request path. head: fill headers (Content-Length is the size of the file
// sent) but leave the body empty; the server writes the header only. accept_encoding: the
// request's Accept-Encoding ("" = identity only).
// 400 for ".." or NUL in the path, 404 (JSON) when neither the file nor index.html exists.
Response serve_static(const std::filesystem::path& root, const std::string& path, bool head,
                      const std::string& accept_encoding = "");

}  // namespace sl::http
