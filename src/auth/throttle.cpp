#include "auth/throttle.h"

namespace sl::auth {

int64_t Throttle::locked_for(const std::string& key, int64_t now) {
  std::lock_guard lk(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return 0;
  return it->second.locked_until > now ? it->second.locked_until - now : 0;
}

void Throttle::fail(const std::string& key, int64_t now) {
  std::lock_guard lk(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    make_room(now);
    it = entries_.emplace(key, Entry{}).first;
  }
  Entry& e = it->second;
  if (e.failures == 0 || now - e.first >= window_ || (e.locked_until && now >= e.locked_until)) {
    e = Entry{0, now, 0};  // a new run of failures
  }
  if (++e.failures >= max_failures_) e.locked_until = now + window_;
}

void Throttle::reset(const std::string& key) {
  std::lock_guard lk(mu_);
  entries_.erase(key);
}

void Throttle::make_room(int64_t now) {
  if (entries_.size() < max_keys_) return;
  // Forget runs that can no longer lock anything.
  for (auto it = entries_.begin(); it != entries_.end();) {
    const Entry& e = it->second;
    bool stale = e.locked_until ? now >= e.locked_until : now - e.first >= window_;
    it = stale ? entries_.erase(it) : std::next(it);
  }
  // Still full under a spray of distinct keys: drop unlocked ones first, so memory stays
  // bounded; live lockouts are the last thing to give up.
  for (auto it = entries_.begin(); it != entries_.end() && entries_.size() >= max_keys_;) {
    it = it->second.locked_until > now ? std::next(it) : entries_.erase(it);
  }
  while (entries_.size() >= max_keys_) entries_.erase(entries_.begin());
}

}  // namespace sl::auth
