// One in-memory salesloop for the API fuzz targets: a data set in a ":memory:" SQLite
// store, the demo's seven users (one logged in per role: executive, manager of 华东, rep in
// 华东), and the Router the server uses (api::register_routes). A target hands it requests; a 500 answer (an
// exception no handler expected) aborts, so libFuzzer keeps the input as a crash.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "api/routes.h"
#include "http/router.h"
#include "store/store.h"

namespace sl::fuzz {

// A logged-in caller: what a browser would send on every request.
struct Caller {
  std::string name;    // "executive", "manager", "rep" (for the crash message)
  std::string cookie;  // "sl_session=…"
  std::string csrf;    // X-CSRF-Token
};

// A route with its {captures} filled in with ids of rows that exist in the data set.
struct Route {
  std::string method, path;
};

// tiny: a few hand-made rows (fast to rewrite: for the write target, which resets often);
// demo: the demo generator's "small" set with its last three weeks of meetings (dashboards
// with real anomalies, rankings and trends: for the GET target).
enum class Data { tiny, demo };

class ApiHarness {
 public:
  // Builds the store and logs the callers in (slow: Argon2; once per process).
  explicit ApiHarness(Data data);
  ~ApiHarness();

  const std::vector<Caller>& callers() const { return callers_; }
  // Every route of `method` ("GET", or "write" for POST/PUT/PATCH) as the router lists it,
  // captures filled in. DELETE /api/v1/session is left out: it would end our own session.
  std::vector<Route> routes(const std::string& method) const;

  // Dispatches like the server does (parse_target, then the router). Aborts on a 500.
  int dispatch(const Caller& who, const std::string& method, const std::string& target, const std::string& body);

  // Writes that succeed change the store; call this now and then so inputs keep meeting
  // the same data (the data set is rewritten, the sessions put back: no Argon2 again).
  void reset();

  // The routes with their ids and the first user of each role, on stderr: what a seed may
  // name (FUZZ_SHOW=1 prints it when the harness is made).
  void show() const;

 private:
  struct State;
  void build();
  Data data_;
  std::unique_ptr<State> s_;
  std::vector<Caller> callers_;
  std::vector<store::SessionRecord> sessions_;
};

// The harness of this process, made on first use (a process fuzzes one data set).
ApiHarness& harness(Data data);

// Turns a fuzz input into a string; libFuzzer hands raw bytes.
inline std::string as_string(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace sl::fuzz
