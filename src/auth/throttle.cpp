#include "auth/throttle.h"

#include <algorithm>

namespace sl::auth {

namespace {
std::string pair_key(const std::string& login, const std::string& address) {
  return "pair:" + login_key(login) + "|" + address;
}
std::string address_key(const std::string& address) { return "addr:" + address; }
// A row under this key marks the moment a pair reached lock_failures: the lock lasts a whole
// window from then, even as the failures that caused it leave the window.
std::string lock_key(const std::string& login, const std::string& address) {
  return "lock:" + login_key(login) + "|" + address;
}
}  // namespace

std::string login_key(const std::string& login) {
  std::string s = login;
  for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string client_address(const std::string& remote) {
  if (remote.empty()) return remote;
  if (remote.front() == '[') {  // [v6]:port
    auto close = remote.find(']');
    return close == std::string::npos ? remote : remote.substr(1, close - 1);
  }
  auto colon = remote.rfind(':');
  if (colon == std::string::npos || remote.find(':') != colon) return remote;  // no port, or bare v6
  return remote.substr(0, colon);
}

int64_t Throttle::wait(const std::string& login, const std::string& address, int64_t now) {
  const int64_t since = now - p_.window;
  int64_t wait = 0;
  const auto lock = store_.login_failures(lock_key(login, address), since);
  const auto pair = store_.login_failures(pair_key(login, address), since);
  if (lock.count > 0) {
    wait = lock.last + p_.window - now;
  } else if (pair.count >= p_.free_failures) {
    // From 2 s: the clock counts whole seconds, so 1 s could be over at once.
    const int shift = std::min(pair.count - p_.free_failures + 1, 30);
    wait = pair.last + std::min<int64_t>(int64_t(1) << shift, p_.max_delay) - now;
  }
  if (!address.empty()) {
    const auto addr = store_.login_failures(address_key(address), since);
    if (addr.count >= p_.address_budget) wait = std::max(wait, addr.first + p_.window - now);
  }
  return std::max<int64_t>(wait, 0);
}

void Throttle::fail(const std::string& login, const std::string& address, int64_t now) {
  const int64_t forget = now - p_.window;
  store_.add_login_failure(pair_key(login, address), now, forget);
  if (store_.login_failures(pair_key(login, address), now - p_.window).count >= p_.lock_failures)
    store_.add_login_failure(lock_key(login, address), now, forget);
  if (!address.empty()) store_.add_login_failure(address_key(address), now, forget);
}

void Throttle::succeed(const std::string& login, const std::string& address) {
  store_.clear_login_failures(pair_key(login, address));
  store_.clear_login_failures(lock_key(login, address));
}

}  // namespace sl::auth
