// Counts failed logins per key (a login name, a remote address) and locks a key out for
// a while after too many, so passwords cannot be guessed online. In memory only: a
// restart forgets, which is acceptable for a deterrent.
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace sl::auth {

class Throttle {
 public:
  // max_failures consecutive failures, each within `window` seconds of the first, lock
  // the key for `window` seconds from the last one.
  explicit Throttle(int max_failures = 5, int64_t window = 15 * 60, size_t max_keys = 10000)
      : max_failures_(max_failures), window_(window), max_keys_(max_keys) {}

  // Seconds until the key may try again; 0 when it may try now.
  int64_t locked_for(const std::string& key, int64_t now);
  void fail(const std::string& key, int64_t now);
  void reset(const std::string& key);

 private:
  struct Entry {
    int failures = 0;
    int64_t first = 0;
    int64_t locked_until = 0;
  };
  void make_room(int64_t now);  // callers hold mu_

  int max_failures_;
  int64_t window_;
  size_t max_keys_;
  std::mutex mu_;
  std::map<std::string, Entry> entries_;
};

}  // namespace sl::auth
