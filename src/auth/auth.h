// Login, sessions and CSRF. A session is a random cookie token; the store keeps only its
// hash. Every state-changing request must also carry the session's CSRF token in a
// header (check_csrf), which a cross-site form cannot read or send.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "auth/throttle.h"
#include "model/entities.h"
#include "store/store.h"

namespace sl::auth {

// Who is asking: role, region (managers) and rep (reps) are on the user.
struct Principal {
  model::User user;
};

struct SessionInfo {
  Principal principal;
  std::string token_hash;  // identifies the session in the store
  std::string csrf;        // the value the X-CSRF-Token header must carry
  int64_t expires_at = 0;  // unix seconds
};

struct LoginResult {
  std::string token;  // goes in the session cookie only
  std::string csrf;   // handed to the web app in the login response body
  model::User user;
  int64_t expires_at = 0;
};

// Unix seconds; injectable so tests can move time.
using Clock = std::function<int64_t()>;
int64_t system_clock_seconds();

inline constexpr int64_t kSessionSeconds = 12 * 3600;

class Auth {
 public:
  explicit Auth(store::UserStore& store, Clock clock = system_clock_seconds, ThrottlePolicy policy = {});

  // Throws AppError 401 "bad_credentials" (same message whether the login or the password
  // is wrong), 429 "too_many_attempts" with retry_after while the throttle (throttle.h) holds
  // this login from this address or this address, 403 "account_disabled" for a correct
  // password on an inactive user. `remote` is the peer "ip:port"; only the ip counts.
  LoginResult login(const std::string& login, const std::string& password, const std::string& remote);
  // nullopt for an empty, unknown or expired token, or a user since removed or deactivated.
  std::optional<SessionInfo> authenticate(const std::string& cookie_token);
  // Removes the session; unknown tokens are ignored.
  void logout(const std::string& cookie_token);

 private:
  store::UserStore& store_;
  Clock clock_;
  Throttle throttle_;
};

// Constant-time comparison of the header against the session's CSRF token; false when
// either is empty.
bool check_csrf(const SessionInfo& s, std::string_view header_value);

inline constexpr const char* kSessionCookie = "sl_session";
// "sl_session=TOKEN; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200", plus "; Secure"
// when the request came over TLS, so the browser never sends it over plain HTTP.
std::string session_cookie(const std::string& token, bool secure = false);
// Same attributes, empty value, Max-Age=0: the browser drops the cookie.
std::string clear_session_cookie(bool secure = false);

}  // namespace sl::auth
