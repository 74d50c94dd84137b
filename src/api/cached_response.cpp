#include "api/cached_response.h"

#include "http/compression.h"

#include <cstdio>
#include <functional>

namespace sl::api {

http::Handler cached_get(Context& ctx, http::Handler h) {
  return [&ctx, h = std::move(h)](http::Request& req) -> http::Response {
    if (!req.query_value("format").empty()) return h(req);
    Caller c = require_caller(ctx, req);
    const int64_t data_version = ctx.store.data_version();
    const std::string key = std::to_string(c.snap->version) + "|" + std::to_string(data_version) + "|u" +
                            std::to_string(c.user.id) + "|" + (req.lang() == Lang::en ? "en" : "zh") + "|" + req.target;
    char tag[32];
    std::snprintf(tag, sizeof tag, "\"%016zx\"", std::hash<std::string>{}(key));
    const std::string etag = tag;
    // Personal data: no cache keeps it (issue 8). A client that keeps its own copy may still
    // ask with If-None-Match and get a 304.
    const std::string private_cache = "no-store";
    if (req.header("if-none-match") == etag)
      return http::Response{304, "", "", {{"ETag", etag}, {"Cache-Control", private_cache}}};
    // Kept with its gzip: a repeated answer is sent without deflating it again. With the cache
    // off nothing is kept, so nothing is deflated ahead: encode_response gzips for a client that
    // asks (a 1.5 MB answer costs ~20 ms of deflate; wrk and curl do not ask).
    const bool keeping = ctx.bodies.capacity() > 0;
    auto kept = ctx.bodies.get<http::Response>(data_version, c.scope, "body", key, [&] {
      http::Response fresh = h(req);
      if (keeping) http::keep_gzipped(fresh);
      return fresh;
    });
    http::Response r = *kept;
    r.headers.push_back({"ETag", etag});
    r.headers.push_back({"Cache-Control", private_cache});
    return r;
  };
}

}  // namespace sl::api
