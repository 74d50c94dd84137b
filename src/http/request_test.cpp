#include "http/request.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace sl::http {
namespace {

TEST(ParseTarget, SplitsPathAndQuery) {
  std::string path;
  std::map<std::string, std::string> q;
  ASSERT_TRUE(parse_target("/api/v1/do/progress?month=2026-11&region=3", path, q));
  EXPECT_EQ(path, "/api/v1/do/progress");
  EXPECT_EQ(q.size(), 2u);
  EXPECT_EQ(q["month"], "2026-11");
  EXPECT_EQ(q["region"], "3");
}

TEST(ParseTarget, PercentDecodesUtf8Chinese) {
  // 华东 is U+534E U+4E1C = E5 8D 8E, E4 B8 9C in UTF-8 (by hand from the code points).
  std::string path;
  std::map<std::string, std::string> q;
  ASSERT_TRUE(parse_target("/api/%E5%8D%8E%E4%B8%9C?name=%E5%8D%8E%E4%B8%9C&a+b=c+d%2Be", path, q));
  EXPECT_EQ(path, "/api/华东");
  EXPECT_EQ(q["name"], "华东");
  EXPECT_EQ(q["a b"], "c d+e");  // '+' is a space, %2B a literal plus
}

TEST(ParseTarget, KeyWithoutValueAndRejectsGarbage) {
  std::string path;
  std::map<std::string, std::string> q;
  ASSERT_TRUE(parse_target("/x?flag&y=", path, q));
  EXPECT_EQ(q.count("flag"), 1u);
  EXPECT_EQ(q["flag"], "");
  EXPECT_EQ(q["y"], "");
  EXPECT_FALSE(parse_target("http://evil.example/x", path, q));
  EXPECT_FALSE(parse_target("no-slash", path, q));
}

TEST(Request, HeadersCookiesLang) {
  Request r;
  r.headers = {{"cookie", "a=1; sl_session=abc.def ; other=\"q\""}, {"accept-language", "en-US,en;q=0.9"}};
  EXPECT_EQ(r.header("Cookie"), "a=1; sl_session=abc.def ; other=\"q\"");
  EXPECT_EQ(r.header("X-Missing"), "");
  EXPECT_EQ(r.cookie("sl_session"), "abc.def");
  EXPECT_EQ(r.cookie("other"), "q");
  EXPECT_EQ(r.cookie("session"), "");
  EXPECT_EQ(r.lang(), Lang::en);
  r.headers = {{"accept-language", "zh-CN,zh;q=0.9,en;q=0.8"}};
  EXPECT_EQ(r.lang(), Lang::zh);
  r.headers.clear();
  EXPECT_EQ(r.lang(), Lang::zh);
}

TEST(Response, ErrorShape) {
  auto res = error_response(invalid_field("month", "月份无效", "Invalid month"), Lang::zh);
  EXPECT_EQ(res.status, 422);
  auto v = boost::json::parse(res.body);
  EXPECT_EQ(v.at("error").at("code").as_string(), "invalid_field");
  EXPECT_EQ(v.at("error").at("message").as_string(), "月份无效");
  EXPECT_EQ(v.at("error").at("field").as_string(), "month");
  auto res2 = error_response(not_found(), Lang::en);
  auto v2 = boost::json::parse(res2.body);
  EXPECT_TRUE(v2.at("error").at("field").is_null());
  EXPECT_EQ(v2.at("error").at("message").as_string(), "The requested resource does not exist");
}

TEST(Response, ParseJsonBody) {
  Request r;
  r.body = R"({"a":[1,2]})";
  EXPECT_EQ(parse_json_body(r).at("a").as_array().size(), 2u);
  r.body = "{bad";
  try {
    parse_json_body(r);
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.status, 400);
    EXPECT_EQ(e.code, "malformed_json");
  }
  r.body.clear();
  EXPECT_THROW(parse_json_body(r), AppError);
}

}  // namespace
TEST(LogSafe, EscapesWhatCouldForgeOrColourALine) {
  EXPECT_EQ(log_safe("/api/v1/me"), "/api/v1/me");
  EXPECT_EQ(log_safe("/x\r\nGET /forged 200"), "/x\\x0d\\x0aGET /forged 200");
  EXPECT_EQ(log_safe("\x1b[31mred"), "\\x1b[31mred");
  EXPECT_EQ(log_safe("a\\x0a"), "a\\x5cx0a");  // a literal backslash cannot fake an escape
  EXPECT_EQ(log_safe("\x7f"), "\\x7f");
  EXPECT_EQ(log_safe("\xc2\x9b"
                     "2J"),
            "\\xc2\\x9b2J");  // U+009B, the 8-bit CSI
  EXPECT_EQ(log_safe("/销售/看板"), "/销售/看板");
}

}  // namespace sl::http
