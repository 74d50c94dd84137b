#include "model/keys.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace sl::model {
namespace {

TEST(Keys, CodesAreTrimmedAndCaseInsensitive) {
  EXPECT_EQ(trim_code("  HT2026-05518 \t"), "HT2026-05518");
  EXPECT_EQ(trim_code(" \t "), "");
  EXPECT_TRUE(same_code("HT2026-05518", "ht2026-05518"));
  EXPECT_TRUE(same_code("HT2026-05518", "HT2026-05518 "));
  EXPECT_FALSE(same_code("HT2026-05518", "HT2026-0551"));
  EXPECT_FALSE(same_code("HT2026-05518", "HT2026 05518"));
}

TEST(Keys, Logins) {
  for (const char* ok : {"admin", "zhang.wei", "li_na-2", "ops@acme", "a1"}) EXPECT_NO_THROW(validate_login(ok)) << ok;
  for (const char* bad : {"", "a", " admin", "admin ", "张伟", "a b", "-admin", "x\n", "a;drop"}) {
    try {
      validate_login(bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const AppError& e) {
      EXPECT_EQ(e.status, 422);
      EXPECT_EQ(e.field, "login");
    }
  }
  EXPECT_THROW(validate_login(std::string(65, 'a')), AppError);
  EXPECT_NO_THROW(validate_login(std::string(64, 'a')));
}

TEST(Keys, Emails) {
  for (const char* ok : {"", "a@b.cn", "zhang.wei+sales@acme.com.cn", "x@mail.example.org"})
    EXPECT_NO_THROW(validate_email(ok)) << ok;
  for (const char* bad : {"a", "@b.cn", "a@", "a@b", "a@.cn", "a@b.", "a@b..cn", "a b@c.cn", "a@b@c.cn",
                          "<a@b.cn>", "a@b.cn,c@d.cn", "a\n@b.cn"}) {
    try {
      validate_email(bad, "recipient");
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const AppError& e) {
      EXPECT_EQ(e.status, 422);
      EXPECT_EQ(e.field, "recipient");
    }
  }
  EXPECT_THROW(validate_email(std::string(250, 'a') + "@b.cn"), AppError);
}

TEST(Keys, DefaultEmployeeNumber) {
  EXPECT_EQ(default_employee_no(7), "E00007");
  EXPECT_EQ(default_employee_no(12345), "E12345");
  EXPECT_EQ(default_employee_no(123456), "E123456");
  EXPECT_TRUE(same_code(default_employee_no(7), " e00007"));
}

}  // namespace
}  // namespace sl::model
