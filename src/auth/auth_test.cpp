#include "auth/auth.h"

#include <gtest/gtest.h>

#include "auth/fake_store_test_util.h"
#include "auth/password.h"
#include "core/error.h"

namespace sl::auth {
namespace {

class AuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    model::User u;
    u.login = "zhang";
    u.display_name = "张三";
    u.role = model::Role::manager;
    u.region = 3;
    zhang = store.add_user(u, hash_password("s3cret-pass"));
    u.login = "gone";
    u.active = false;
    store.add_user(u, hash_password("s3cret-pass"));
  }
  AppError login_error(const std::string& login, const std::string& pw,
                       const std::string& remote = "10.0.0.1") {
    try {
      auth.login(login, pw, remote);
    } catch (const AppError& e) {
      return e;
    }
    ADD_FAILURE() << "login succeeded";
    return AppError(0, "", "", "", "");
  }

  testing::FakeStore store;
  int64_t now = 1'800'000'000;
  Auth auth{store, [this] { return now; }};
  Id zhang = 0;
};

TEST_F(AuthTest, LoginCreatesSessionKeyedByTokenHash) {
  auto r = auth.login("zhang", "s3cret-pass", "10.0.0.1");
  EXPECT_EQ(r.user.id, zhang);
  EXPECT_EQ(r.token.size(), 64u);
  EXPECT_EQ(r.expires_at, now + 12 * 3600);
  ASSERT_EQ(store.sessions.size(), 1u);
  const auto& [key, s] = *store.sessions.begin();
  EXPECT_EQ(key, token_hash(r.token));
  EXPECT_NE(key, r.token);  // the raw token is never stored
  EXPECT_EQ(s.user, zhang);
  EXPECT_EQ(s.csrf, r.csrf);
  EXPECT_EQ(s.expires_at, now + 43200);

  auto info = auth.authenticate(r.token);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->principal.user.login, "zhang");
  EXPECT_EQ(info->principal.user.role, model::Role::manager);
  EXPECT_EQ(info->principal.user.region, 3);
  EXPECT_FALSE(auth.authenticate(r.token + "0"));
  EXPECT_FALSE(auth.authenticate(""));
}

TEST_F(AuthTest, UnknownUserAndWrongPasswordLookTheSame) {
  AppError a = login_error("nobody", "s3cret-pass");
  AppError b = login_error("zhang", "wrong-pass");
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(a.code, "bad_credentials");
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.code, b.code);
  EXPECT_EQ(a.field, b.field);
  EXPECT_EQ(a.zh, "用户名或密码错误");
  EXPECT_EQ(a.en, "Wrong login or password");
  EXPECT_EQ(a.zh, b.zh);
  EXPECT_EQ(a.en, b.en);
  EXPECT_TRUE(store.sessions.empty());
}

TEST_F(AuthTest, InactiveUserCannotLogIn) {
  EXPECT_EQ(login_error("gone", "s3cret-pass").status, 403);
  EXPECT_EQ(login_error("gone", "wrong-pass").status, 401);  // no hint without the password
  // A session of a user deactivated later stops working.
  auto r = auth.login("zhang", "s3cret-pass", "10.0.0.1");
  store.users[zhang].user.active = false;
  EXPECT_FALSE(auth.authenticate(r.token));
}

TEST_F(AuthTest, ThrottleAfterFiveFailuresThenReleaseAfter15Minutes) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(login_error("zhang", "wrong", "10.0.0." + std::to_string(i)).status, 401);
  // Locked by login, even with the right password and from a new address.
  AppError e = login_error("zhang", "s3cret-pass", "10.9.9.9");
  EXPECT_EQ(e.status, 429);
  EXPECT_EQ(e.code, "too_many_attempts");
  EXPECT_NE(e.zh.find("15 分钟"), std::string::npos) << e.zh;  // 900 s left = 15 min
  EXPECT_NE(e.en.find("15 minutes"), std::string::npos) << e.en;
  now += 14 * 60 + 59;  // 1 s before the lock ends
  EXPECT_EQ(login_error("zhang", "s3cret-pass", "10.9.9.9").status, 429);
  now += 1;
  EXPECT_NO_THROW(auth.login("zhang", "s3cret-pass", "10.9.9.9"));
}

TEST_F(AuthTest, ThrottleByRemoteAddress) {
  for (int i = 0; i < 5; ++i) login_error("user" + std::to_string(i), "x", "192.0.2.7");
  EXPECT_EQ(login_error("zhang", "s3cret-pass", "192.0.2.7").status, 429);
  EXPECT_NO_THROW(auth.login("zhang", "s3cret-pass", "192.0.2.8"));
}

TEST_F(AuthTest, SuccessResetsLoginCounter) {
  for (int i = 0; i < 4; ++i) login_error("zhang", "wrong", "10.0.0." + std::to_string(i));
  auth.login("zhang", "s3cret-pass", "10.0.1.1");
  for (int i = 0; i < 4; ++i) login_error("zhang", "wrong", "10.0.2." + std::to_string(i));
  EXPECT_NO_THROW(auth.login("zhang", "s3cret-pass", "10.0.3.1"));  // 4 since the reset, not 8
}

TEST_F(AuthTest, LogoutInvalidates) {
  auto r = auth.login("zhang", "s3cret-pass", "10.0.0.1");
  ASSERT_TRUE(auth.authenticate(r.token));
  auth.logout(r.token);
  EXPECT_FALSE(auth.authenticate(r.token));
  EXPECT_TRUE(store.sessions.empty());
  EXPECT_NO_THROW(auth.logout("unknown"));
}

TEST_F(AuthTest, ExpiredSessionRejected) {
  auto r = auth.login("zhang", "s3cret-pass", "10.0.0.1");
  now += 12 * 3600 - 1;
  EXPECT_TRUE(auth.authenticate(r.token));
  now += 1;  // exactly at expires_at
  EXPECT_FALSE(auth.authenticate(r.token));
  EXPECT_TRUE(store.sessions.empty());  // cleaned up on sight
}

TEST_F(AuthTest, Csrf) {
  auto r = auth.login("zhang", "s3cret-pass", "10.0.0.1");
  auto info = auth.authenticate(r.token);
  ASSERT_TRUE(info);
  EXPECT_TRUE(check_csrf(*info, r.csrf));
  std::string wrong = r.csrf;
  wrong.back() = wrong.back() == 'a' ? 'b' : 'a';
  EXPECT_FALSE(check_csrf(*info, wrong));
  EXPECT_FALSE(check_csrf(*info, ""));
  EXPECT_FALSE(check_csrf(*info, r.csrf.substr(1)));
  SessionInfo empty;
  EXPECT_FALSE(check_csrf(empty, ""));
}

TEST(Cookie, Strings) {
  EXPECT_EQ(session_cookie("abc"), "sl_session=abc; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200");
  EXPECT_EQ(clear_session_cookie(), "sl_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
}

}  // namespace
}  // namespace sl::auth
