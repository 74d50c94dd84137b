// Several app servers on one PostgreSQL (issue 15): the health round trip, job claims by
// advisory lock, the data watch, and what reads fall back on while the database is away.
#include <ctime>

#include "core/error.h"
#include "store/postgres/notify.h"
#include "store/postgres/pg_store.h"

namespace sl::store::pg {

bool PgStore::ping() {
  try {
    auto rd = reader();
    return rd.c.scalar("SELECT 1") == 1;
  } catch (...) {
    return false;
  }
}

// A session-level advisory lock on a connection of its own (the job itself writes through
// the writer connection), in the two-key space (class 0x736c "sl"): next_id's transaction
// locks use the one-key space, so the two never meet. A connection lost during the job
// took the lock with it; the unlock then finds nothing to release.
bool PgStore::run_claimed(const std::string& kind, const std::function<void()>& job) {
  constexpr int kClass = 0x736c;
  const Params key = Params().add(kClass).add("job:" + kind);
  {
    std::lock_guard lock(jmu_);
    try {
      if (!jc_) jc_ = std::make_unique<Conn>(url_);
      if (jc_->scalar("SELECT pg_try_advisory_lock($1, hashtext($2))::int", key) != 1) return false;
    } catch (const std::exception&) {
      return false;  // the database is away: no server runs the job now
    }
  }
  struct Unlock {
    PgStore& s;
    const Params& key;
    ~Unlock() {
      std::lock_guard lock(s.jmu_);
      try {
        s.jc_->query("SELECT pg_advisory_unlock($1, hashtext($2))", key);
      } catch (...) {
      }
    }
  } unlock{*this, key};
  job();
  return true;
}

std::unique_ptr<Store::Watch> PgStore::watch_data(std::function<void(int64_t)> changed) {
  return std::make_unique<DataWatch>(
      url_, [this] { return c_->backend_pid(); }, std::move(changed));
}

// --- while the database is away ------------------------------------------------

namespace {
constexpr size_t kSeenMax = 20000;  // more than that many: start again (no eviction order needed)
}

void PgStore::saw_session(const SessionRecord& s) {
  std::lock_guard lock(seen_mu_);
  if (seen_sessions_.size() >= kSeenMax) seen_sessions_.clear();
  seen_sessions_[s.token_hash] = {s, std::time(nullptr)};
}

void PgStore::saw_user(const UserRecord& u) {
  std::lock_guard lock(seen_mu_);
  if (seen_users_.size() >= kSeenMax) seen_users_.clear();
  seen_users_[u.user.id] = {u, std::time(nullptr)};
}

void PgStore::forget_sessions(const std::string& token_hash, Id user) {
  std::lock_guard lock(seen_mu_);
  if (!token_hash.empty()) seen_sessions_.erase(token_hash);
  if (user != 0) std::erase_if(seen_sessions_, [user](const auto& kv) { return kv.second.first.user == user; });
}

std::optional<SessionRecord> PgStore::seen_session(const std::string& token_hash) {
  std::lock_guard lock(seen_mu_);
  auto it = seen_sessions_.find(token_hash);
  if (it == seen_sessions_.end() || it->second.second < std::time(nullptr) - kSeenFor) return std::nullopt;
  return it->second.first;
}

std::optional<UserRecord> PgStore::seen_user(Id id) {
  std::lock_guard lock(seen_mu_);
  auto it = seen_users_.find(id);
  if (it == seen_users_.end() || it->second.second < std::time(nullptr) - kSeenFor) return std::nullopt;
  return it->second.first;
}

}  // namespace sl::store::pg
