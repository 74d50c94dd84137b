// Whole dashboard answers, kept per (store data version, Snapshot version, user, language,
// request target), with an ETag. An answer is a function of those: the Snapshot gives the
// figures, the store the rest (anomaly acknowledgements, to-dos), and every store write
// bumps the data version, so a kept answer is never stale. A repeated request (a refresh,
// a second tab, an auto-refreshing wall screen) costs a lookup instead of building and
// encoding up to a few MB of JSON; with If-None-Match it costs a 304 and no body at all.
// Exports (?format=) are not kept. Bounded by entry count (see Context::bodies).
#pragma once
#include "api/context.h"
#include "http/router.h"

namespace sl::api {

// Wraps a GET handler of a dashboard; errors thrown by it are not kept.
http::Handler cached_get(Context& ctx, http::Handler h);

}  // namespace sl::api
