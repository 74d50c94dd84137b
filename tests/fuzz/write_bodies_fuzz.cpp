// Fuzz target: the JSON body decoders of every write endpoint. Each input is sent as the
// body of every POST/PUT/PATCH route (captures filled with rows that exist), as each of an
// executive, a manager and a rep that the route reads a body from, through the server's
// Router. Any 4xx is a fine answer; a crash, a sanitizer report or a 500 (api_harness.cpp
// aborts on it) is a finding.
#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

#include "api_harness.h"

namespace {

using sl::fuzz::Caller;
using sl::fuzz::Route;

// Writes that succeed change the store (a meeting closed, a contract added, a target set):
// the tiny data set is rewritten every so many inputs (milliseconds) so later inputs meet
// the seeds' world again. FUZZ_RESET_EVERY=1 rewrites it before every input, which makes a
// finding reproduce from its file alone.
size_t reset_every() {
  static const size_t n = [] {
    const char* v = std::getenv("FUZZ_RESET_EVERY");
    long x = v ? std::atol(v) : 0;
    return x > 0 ? static_cast<size_t>(x) : size_t{50};
  }();
  return n;
}

// The (route, caller) pairs that get as far as the body: a malformed body is answered 400
// by them, while a caller refused before the body is read (403, e.g. a rep creating a
// meeting) would only run the authorization check again for every input.
std::vector<std::pair<Route, const Caller*>> body_readers(sl::fuzz::ApiHarness& h) {
  std::vector<std::pair<Route, const Caller*>> out;
  for (const auto& r : h.routes("write"))
    for (const auto& who : h.callers())
      if (h.dispatch(who, r.method, r.path, "{not json") == 400) out.push_back({r, &who});
  std::fprintf(stderr, "write_bodies_fuzz: %zu route x caller pairs read the body\n", out.size());
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  sl::fuzz::harness(sl::fuzz::Data::tiny);  // the data and the logins before the clock starts
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto& h = sl::fuzz::harness(sl::fuzz::Data::tiny);
  static const auto pairs = body_readers(h);
  static size_t runs = 0;
  if (runs++ % reset_every() == 0) h.reset();
  const std::string body = sl::fuzz::as_string(data, size);
  for (const auto& [r, who] : pairs) h.dispatch(*who, r.method, r.path, body);
  return 0;
}
