#include "auth/auth.h"

#include <sodium.h>

#include <chrono>

#include "auth/password.h"
#include "core/error.h"

namespace sl::auth {

namespace {

AppError bad_credentials() {
  return AppError(401, "bad_credentials", "", "用户名或密码错误", "Wrong login or password");
}

AppError too_many(int64_t wait_seconds) {
  std::string zh, en;
  if (wait_seconds < 120) {
    zh = std::to_string(wait_seconds) + " 秒";
    en = std::to_string(wait_seconds) + (wait_seconds == 1 ? " second" : " seconds");
  } else {
    const int64_t minutes = (wait_seconds + 59) / 60;
    zh = std::to_string(minutes) + " 分钟";
    en = std::to_string(minutes) + " minutes";
  }
  AppError e(429, "too_many_attempts", "", "登录失败次数过多，请 " + zh + "后再试",
             "Too many failed logins; try again in " + en);
  e.retry_after = wait_seconds;
  return e;
}

// A real hash to verify against when the login does not exist, so an unknown login
// costs the same Argon2 time as a wrong password and timing reveals nothing.
const std::string& dummy_hash() {
  static const std::string h = hash_password(random_token());
  return h;
}

}  // namespace

int64_t system_clock_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

Auth::Auth(store::UserStore& store, Clock clock, ThrottlePolicy policy)
    : store_(store), clock_(std::move(clock)), throttle_(store, policy) {
  dummy_hash();  // pay the one-off cost now, not during someone's first login
}

LoginResult Auth::login(const std::string& login, const std::string& password, const std::string& remote) {
  const int64_t now = clock_();
  const std::string address = client_address(remote);
  if (int64_t wait = throttle_.wait(login, address, now); wait > 0) throw too_many(wait);

  auto rec = login.empty() ? std::nullopt : store_.find_user_by_login(login);
  bool ok;
  if (rec && !rec->password_hash.empty()) {
    ok = verify_password(rec->password_hash, password);
  } else {
    verify_password(dummy_hash(), password);
    ok = false;
  }
  if (!ok) {
    throttle_.fail(login, address, now);
    throw bad_credentials();
  }
  throttle_.succeed(login, address);
  if (!rec->user.active) {
    throw AppError(403, "account_disabled", "", "该账号已停用，请联系管理员",
                   "This account is disabled; please contact an administrator");
  }

  LoginResult out;
  out.token = random_token();
  out.csrf = random_token();
  out.user = rec->user;
  out.expires_at = now + kSessionSeconds;
  store::SessionRecord s;
  s.token_hash = token_hash(out.token);
  s.user = rec->user.id;
  s.csrf = out.csrf;
  s.created_at = now;
  s.expires_at = out.expires_at;
  store_.delete_expired_sessions(now);  // housekeeping rides on logins, which are rare
  store_.create_session(s);
  return out;
}

std::optional<SessionInfo> Auth::authenticate(const std::string& cookie_token) {
  if (cookie_token.empty() || cookie_token.size() > 256) return std::nullopt;
  const int64_t now = clock_();
  std::string h = token_hash(cookie_token);
  auto s = store_.find_session(h);
  if (!s) return std::nullopt;
  if (s->expires_at <= now) {
    store_.delete_session(h);
    return std::nullopt;
  }
  auto u = store_.find_user(s->user);
  if (!u || !u->user.active) return std::nullopt;
  SessionInfo info;
  info.principal.user = u->user;
  info.token_hash = std::move(h);
  info.csrf = s->csrf;
  info.expires_at = s->expires_at;
  return info;
}

void Auth::logout(const std::string& cookie_token) {
  if (cookie_token.empty()) return;
  store_.delete_session(token_hash(cookie_token));
}

bool check_csrf(const SessionInfo& s, std::string_view header_value) {
  if (s.csrf.empty() || header_value.size() != s.csrf.size()) return false;
  return sodium_memcmp(s.csrf.data(), header_value.data(), s.csrf.size()) == 0;
}

std::string session_cookie(const std::string& token, bool secure) {
  return std::string(kSessionCookie) + "=" + token +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(kSessionSeconds) + (secure ? "; Secure" : "");
}

std::string clear_session_cookie(bool secure) {
  return std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (secure ? "; Secure" : "");
}

}  // namespace sl::auth
