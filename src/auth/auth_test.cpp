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
  AppError login_error(const std::string& login, const std::string& pw, const std::string& remote = "10.0.0.1") {
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

TEST_F(AuthTest, WrongPasswordsSlowTheAttackerNotTheOwner) {
  // Three free failures from one address, then waits of 2, 4, 8 … seconds after each.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(login_error("zhang", "wrong", "10.6.6.6:4000" + std::to_string(i)).status, 401);
  AppError e = login_error("zhang", "s3cret-pass", "10.6.6.6:5000");  // a new connection changes nothing
  EXPECT_EQ(e.status, 429);
  EXPECT_EQ(e.retry_after, 2);
  EXPECT_NE(e.en.find("2 seconds"), std::string::npos) << e.en;
  EXPECT_NE(e.zh.find("2 秒"), std::string::npos) << e.zh;
  now += 2;
  EXPECT_EQ(login_error("ZHANG", "wrong", "10.6.6.6:5001").status, 401);  // case does not make a new key
  EXPECT_EQ(login_error("zhang", "wrong", "10.6.6.6:5002").retry_after, 4);
  // The owner, from their own address, gets in at once.
  EXPECT_NO_THROW(auth.login("zhang", "s3cret-pass", "10.0.0.1:1234"));
}

TEST_F(AuthTest, TenFailuresInTheWindowLockThePairOnly) {
  // An attacker who waits out every delay (2 + 4 + … + 128 = 254 s) makes ten failures.
  int failures = 0;
  while (failures < 10) {
    AppError e = login_error("zhang", "wrong", "10.6.6.6");
    if (e.status == 401) {
      ++failures;
    } else {
      ASSERT_EQ(e.status, 429);
      now += e.retry_after;
    }
  }
  // Locked for 15 minutes after the tenth.
  now += 60;
  AppError e = login_error("zhang", "s3cret-pass", "10.6.6.6");
  EXPECT_EQ(e.status, 429);
  EXPECT_EQ(e.retry_after, 900 - 60);
  EXPECT_NE(e.en.find("14 minutes"), std::string::npos) << e.en;
  EXPECT_NO_THROW(auth.login("zhang", "s3cret-pass", "10.0.0.2"));  // another address: in
  now += 900 - 60;
  EXPECT_NO_THROW(auth.login("zhang", "s3cret-pass", "10.6.6.6"));
}

TEST_F(AuthTest, AnAddressHasABudgetAcrossLogins) {
  for (int i = 0; i < 30; ++i) EXPECT_EQ(login_error("user" + std::to_string(i), "x", "192.0.2.7").status, 401);
  AppError e = login_error("zhang", "s3cret-pass", "192.0.2.7");
  EXPECT_EQ(e.status, 429);
  EXPECT_EQ(e.retry_after, 900);
  EXPECT_NO_THROW(auth.login("zhang", "s3cret-pass", "192.0.2.8"));
}

TEST_F(AuthTest, SuccessResetsThePair) {
  for (int i = 0; i < 3; ++i) login_error("zhang", "wrong", "10.0.0.9");
  now += 2;
  auth.login("zhang", "s3cret-pass", "10.0.0.9");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(login_error("zhang", "wrong", "10.0.0.9").status, 401);  // 3, not 6
}

TEST_F(AuthTest, LoginIgnoresCase) { EXPECT_NO_THROW(auth.login("ZHANG", "s3cret-pass", "10.0.0.1")); }

TEST(ClientAddress, DropsThePort) {
  EXPECT_EQ(client_address("127.0.0.1:51234"), "127.0.0.1");
  EXPECT_EQ(client_address("[::1]:8080"), "::1");
  EXPECT_EQ(client_address("::1"), "::1");
  EXPECT_EQ(client_address("10.0.0.7"), "10.0.0.7");
  EXPECT_EQ(client_address(""), "");
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
