#include "http/router.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace sl::http {
namespace {

Request make(std::string method, std::string path) {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.target = r.path;
  return r;
}

std::string error_code(const Response& res) {
  return std::string(boost::json::parse(res.body).at("error").at("code").as_string());
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router.add("GET", "/api/v1/meetings", [](Request&) { return json_response(200, boost::json::value("list")); });
    router.add("GET", "/api/v1/meetings/{id}",
               [](Request& r) { return json_response(200, boost::json::value(r.params["id"])); });
    router.add("DELETE", "/api/v1/meetings/{id}", [](Request&) {
      Response r;
      r.status = 204;
      return r;
    });
    router.add("GET", "/api/v1/meetings/{id}/items/{item}", [](Request& r) {
      return json_response(200, boost::json::value(r.params["id"] + "/" + r.params["item"]));
    });
    router.add("POST", "/api/v1/fail/app", [](Request&) -> Response { throw invalid_field("x", "坏", "bad"); });
    router.add("POST", "/api/v1/fail/std",
               [](Request&) -> Response { throw std::runtime_error("secret database path /etc/x"); });
    router.add("POST", "/api/v1/json", [](Request& r) { return json_response(200, parse_json_body(r)); });
  }
  Router router;
};

TEST_F(RouterTest, ExactAndCaptures) {
  auto r = make("GET", "/api/v1/meetings");
  EXPECT_EQ(router.dispatch(r).body, "\"list\"");
  r = make("GET", "/api/v1/meetings/42");
  EXPECT_EQ(router.dispatch(r).body, "\"42\"");
  EXPECT_EQ(r.params.at("id"), "42");
  r = make("GET", "/api/v1/meetings/7/items/9");
  EXPECT_EQ(router.dispatch(r).body, "\"7/9\"");
  r = make("GET", "/api/v1/meetings/42/");  // trailing slash tolerated
  EXPECT_EQ(router.dispatch(r).body, "\"42\"");
}

TEST_F(RouterTest, NotFoundIsJson404) {
  auto r = make("GET", "/api/v1/nothing");
  auto res = router.dispatch(r);
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(res.content_type, "application/json; charset=utf-8");
  auto v = boost::json::parse(res.body);
  EXPECT_EQ(v.at("error").at("message").as_string(), "接口不存在");
  r = make("GET", "/api/v1/meetings/1/items");  // segment count differs
  EXPECT_EQ(router.dispatch(r).status, 404);
  r = make("GET", "/api/v1/nothing");
  r.headers = {{"accept-language", "en"}};
  EXPECT_EQ(boost::json::parse(router.dispatch(r).body).at("error").at("message").as_string(), "No such endpoint");
}

TEST_F(RouterTest, WrongMethodIs405WithAllow) {
  auto r = make("PUT", "/api/v1/meetings/5");
  auto res = router.dispatch(r);
  EXPECT_EQ(res.status, 405);
  ASSERT_EQ(res.headers.size(), 1u);
  EXPECT_EQ(res.headers[0].first, "Allow");
  EXPECT_EQ(res.headers[0].second, "GET, DELETE");
}

TEST_F(RouterTest, ExceptionsBecomeErrors) {
  auto r = make("POST", "/api/v1/fail/app");
  auto res = router.dispatch(r);
  EXPECT_EQ(res.status, 422);
  EXPECT_EQ(error_code(res), "invalid_field");

  r = make("POST", "/api/v1/fail/std");
  res = router.dispatch(r);
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(error_code(res), "internal");
  EXPECT_EQ(res.body.find("secret"), std::string::npos);  // what() never leaks

  r = make("POST", "/api/v1/json");
  r.body = "[1,";
  res = router.dispatch(r);
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(error_code(res), "malformed_json");
}

TEST_F(RouterTest, HasPath) {
  EXPECT_TRUE(router.has_path("/api/v1/meetings/3"));
  EXPECT_FALSE(router.has_path("/plan/targets"));
}

}  // namespace
}  // namespace sl::http
