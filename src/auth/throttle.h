// Slows online password guessing without letting anyone lock the owner out (OWASP ASVS
// 2.2.1). Failed logins are counted per (login, client address) and per client address —
// never per login alone, so a stranger's wrong passwords cannot keep the owner out from
// their own address. The counters live in the store, so every server process on one
// database shares them.
//   (login, address): the first `free_failures` cost nothing; after that each try waits
//     2^(n - free_failures + 1) seconds (2, 4, 8 …) after the last failure (at most max_delay), and at
//     `lock_failures` within `window` the pair is locked until `window` after the last one.
//   address: at most `address_budget` failures within `window`, whatever the logins.
#pragma once
#include <cstdint>
#include <string>

#include "store/store.h"

namespace sl::auth {

struct ThrottlePolicy {
  int free_failures = 3;
  int lock_failures = 10;
  int address_budget = 30;
  int64_t window = 15 * 60;  // seconds
  int64_t max_delay = 5 * 60;
};

class Throttle {
 public:
  explicit Throttle(store::UserStore& store, ThrottlePolicy p = {}) : store_(store), p_(p) {}

  // Seconds until this login may be tried again from this address; 0 = now.
  int64_t wait(const std::string& login, const std::string& address, int64_t now);
  void fail(const std::string& login, const std::string& address, int64_t now);
  // A correct password: the pair starts again from zero (the address budget does not).
  void succeed(const std::string& login, const std::string& address);

  const ThrottlePolicy& policy() const { return p_; }

 private:
  store::UserStore& store_;
  ThrottlePolicy p_;
};

// The key of a login: case-insensitive, as logins are.
std::string login_key(const std::string& login);
// "10.0.0.7:51234" → "10.0.0.7", "[::1]:8080" or "::1" stays an address; "" stays "".
std::string client_address(const std::string& remote);

}  // namespace sl::auth
