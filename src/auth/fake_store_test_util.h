// An in-memory UserStore for auth tests: users, sessions and login failures.
// Test-only (header only, included by *_test.cpp) so auth tests do not need SQLite.
#pragma once
#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>

#include "core/error.h"
#include "store/store.h"

namespace sl::auth::testing {

class FakeStore : public store::UserStore {
 public:
  std::map<Id, store::UserRecord> users;
  std::map<std::string, store::SessionRecord> sessions;  // by token_hash
  Id next_id = 1;

  Id add_user(const model::User& u, const std::string& password_hash) override {
    for (auto& [id, r] : users)
      if (r.user.login == u.login) throw invalid_field("login", "用户名已存在", "This login is taken");
    store::UserRecord r{u, password_hash};
    r.user.id = next_id++;
    users[r.user.id] = r;
    return r.user.id;
  }
  std::optional<store::UserRecord> find_user_by_login(const std::string& login) override {
    for (auto& [id, r] : users)
      if (lower(r.user.login) == lower(login)) return r;
    return std::nullopt;
  }
  std::optional<store::UserRecord> find_user(Id id) override {
    auto it = users.find(id);
    if (it == users.end()) return std::nullopt;
    return it->second;
  }
  std::vector<model::User> list_users() override {
    std::vector<model::User> out;
    for (auto& [id, r] : users) out.push_back(r.user);
    return out;
  }
  bool set_password(const std::string& login, const std::string& hash) override {
    for (auto& [id, r] : users)
      if (r.user.login == login) {
        r.password_hash = hash;
        return true;
      }
    return false;
  }
  void create_session(const store::SessionRecord& s) override { sessions[s.token_hash] = s; }
  std::optional<store::SessionRecord> find_session(const std::string& h) override {
    auto it = sessions.find(h);
    if (it == sessions.end()) return std::nullopt;
    return it->second;
  }
  void delete_session(const std::string& h) override { sessions.erase(h); }
  void delete_expired_sessions(int64_t now) override {
    std::erase_if(sessions, [now](const auto& kv) { return kv.second.expires_at <= now; });
  }
  void delete_user_sessions(Id user) override {
    std::erase_if(sessions, [user](const auto& kv) { return kv.second.user == user; });
  }
  // User administration (not what auth tests exercise): the plain versions, without audit.
  Id create_user(const model::User& u, const std::string& hash, Id, int64_t) override { return add_user(u, hash); }
  bool update_user(const model::User& u, Id, int64_t) override {
    auto it = users.find(u.id);
    if (it == users.end()) return false;
    it->second.user = u;
    if (!u.active) delete_user_sessions(u.id);
    return true;
  }
  bool reset_password(Id user, const std::string& hash, Id, int64_t) override {
    auto it = users.find(user);
    if (it == users.end()) return false;
    it->second.password_hash = hash;
    delete_user_sessions(user);
    return true;
  }
  std::multimap<std::string, int64_t> failures;  // key → at
  FailureCount login_failures(const std::string& key, int64_t since) override {
    FailureCount c;
    for (auto [it, end] = failures.equal_range(key); it != end; ++it) {
      if (it->second < since) continue;
      c.first = c.count ? std::min(c.first, it->second) : it->second;
      c.last = std::max(c.last, it->second);
      ++c.count;
    }
    return c;
  }
  void add_login_failure(const std::string& key, int64_t at, int64_t forget_before) override {
    std::erase_if(failures, [&](const auto& kv) { return kv.second < forget_before; });
    failures.emplace(key, at);
  }
  void clear_login_failures(const std::string& key) override { failures.erase(key); }

 private:
  static std::string lower(std::string s) {
    for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }
};

}  // namespace sl::auth::testing
