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

AppError policy_error(std::string_view pw, std::string_view login = "zhang") {
  try {
    validate_password(pw, login);
  } catch (const AppError& e) {
    return e;
  }
  return AppError(0, "", "", "", "");
}

TEST(Password, LengthIsCountedInCharacters) {
  EXPECT_NO_THROW(validate_password("tide-Harbor-47", "zhang"));
  EXPECT_NO_THROW(validate_password("销售运营闭环管理系统", "zhang"));  // 10 characters, 30 bytes
  AppError e = policy_error("tideHarb9");                               // 9 characters
  EXPECT_EQ(e.status, 422);
  EXPECT_EQ(e.field, "password");
  EXPECT_NE(e.zh.find("10"), std::string::npos) << e.zh;
  EXPECT_NE(e.en.find("10 characters"), std::string::npos) << e.en;
  EXPECT_EQ(policy_error("销售运营闭环管理系").status, 422);  // 9 characters, 27 bytes
  EXPECT_EQ(policy_error(std::string(1025, 'x') + "Q7").status, 422);
}

TEST(Password, NotTheLogin) {
  EXPECT_EQ(policy_error("wangxiaoming", "wangxiaoming").status, 422);
  EXPECT_EQ(policy_error("WangXiaoMing", "wangxiaoming").status, 422);  // case does not help
  EXPECT_EQ(policy_error("wangxiaoming2026", "wangxiaoming").status, 422);
  EXPECT_EQ(policy_error("my-zhang-pass-77", "zhang").status, 422);
  EXPECT_NE(policy_error("my-zhang-pass-77", "zhang").en.find("login"), std::string::npos);
  EXPECT_NO_THROW(validate_password("river-Stone-33", "zhang"));
}

TEST(Password, NotCommon) {
  for (const char* pw :
       {"1234567890", "qwertyuiop", "0987654321", "aaaaaaaaaa", "password123", "Password2026!", "1qaz2wsx3edc",
        "woaini1314520", "iloveyou1314", "abcdefghij", "88888888888", "!!Dragon2025", "1234567890!", "p@ssw0rd2026"}) {
    AppError e = policy_error(pw);
    EXPECT_EQ(e.status, 422) << pw;
    EXPECT_NE(e.en.find("common"), std::string::npos) << pw << ": " << e.en;
  }
  // Long and not a known base with padding.
  EXPECT_FALSE(is_common_password("correct horse battery"));
  EXPECT_FALSE(is_common_password("tide-Harbor-47"));
}

TEST(Tokens, RandomAndHashed) {
  std::string a = random_token(), b = random_token();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  // BLAKE2b-256 of "abc", computed independently with Python's
  // hashlib.blake2b(b"abc", digest_size=32).hexdigest().
  EXPECT_EQ(token_hash("abc"), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
  EXPECT_EQ(token_hash(a), token_hash(a));
  EXPECT_NE(token_hash(a), token_hash(b));
}

}  // namespace
}  // namespace sl::auth
