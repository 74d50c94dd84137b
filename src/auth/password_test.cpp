#include "auth/password.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace sl::auth {
namespace {

TEST(Password, HashVerifyRoundTrip) {
  std::string h = hash_password("correct horse");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u) << h;
  EXPECT_TRUE(verify_password(h, "correct horse"));
  EXPECT_FALSE(verify_password(h, "correct horsE"));
  EXPECT_FALSE(verify_password(h, ""));
  EXPECT_FALSE(verify_password("", "correct horse"));
  EXPECT_FALSE(verify_password("garbage", "correct horse"));
  // Salted: the same password hashes differently each time.
  EXPECT_NE(hash_password("correct horse"), h);
}

TEST(Password, Policy) {
  EXPECT_NO_THROW(validate_password("12345678"));
  EXPECT_NO_THROW(validate_password("销售运营闭环管理"));  // 8 characters, 24 bytes
  try {
    validate_password("1234567");
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.status, 422);
    EXPECT_EQ(e.field, "password");
    EXPECT_FALSE(e.zh.empty());
    EXPECT_FALSE(e.en.empty());
  }
  EXPECT_THROW(validate_password("销售运营闭环管"), AppError);  // 7 characters, 21 bytes
}

TEST(Tokens, RandomAndHashed) {
  std::string a = random_token(), b = random_token();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  // BLAKE2b-256 of "abc", computed independently with Python's
  // hashlib.blake2b(b"abc", digest_size=32).hexdigest().
  EXPECT_EQ(token_hash("abc"),
            "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
  EXPECT_EQ(token_hash(a), token_hash(a));
  EXPECT_NE(token_hash(a), token_hash(b));
}

}  // namespace
}  // namespace sl::auth
