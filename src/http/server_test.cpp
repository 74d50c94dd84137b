// End to end: a real Server on an ephemeral port, spoken to over TCP by a small
// blocking client, so limits and framing are tested as a browser would meet them.
#include "http/server.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

namespace sl::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace fs = std::filesystem;
using tcp = asio::ip::tcp;

struct Client {
  asio::io_context ioc;
  tcp::socket sock{ioc};
  beast::flat_buffer buf;
  explicit Client(uint16_t port) { sock.connect({asio::ip::make_address("127.0.0.1"), port}); }
  void send_raw(const std::string& s) { asio::write(sock, asio::buffer(s)); }
  bhttp::response<bhttp::string_body> read() {
    bhttp::response<bhttp::string_body> res;
    bhttp::read(sock, buf, res);
    return res;
  }
  bhttp::response<bhttp::string_body> request(bhttp::verb v, const std::string& target,
                                              const std::string& body = "",
                                              const std::string& lang = "") {
    bhttp::request<bhttp::string_body> req{v, target, 11};
    req.set(bhttp::field::host, "localhost");
    if (!lang.empty()) req.set(bhttp::field::accept_language, lang);
    req.body() = body;
    req.prepare_payload();
    bhttp::write(sock, req);
    if (v == bhttp::verb::head) {
      bhttp::response_parser<bhttp::string_body> p;
      p.skip(true);  // a HEAD answer has a Content-Length but no body
      bhttp::read(sock, buf, p);
      return p.release();
    }
    return read();
  }
  // True when the server closed the connection (EOF or reset) within the timeout.
  bool closed_by_peer() {
    char c;
    beast::error_code ec;
    sock.read_some(asio::buffer(&c, 1), ec);
    return ec == asio::error::eof || ec == asio::error::connection_reset;
  }
};

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("sl_http_test_" + std::to_string(::getpid()));
    fs::create_directories(dir / "web" / "assets");
    write(dir / "web" / "index.html", "<html>app</html>");
    write(dir / "web" / "assets" / "app-1a2b.js", "console.log(1)");
    write(dir / "web" / "logo.svg", "<svg/>");
    write(dir / "secret.txt", "top secret");

    router.add("GET", "/api/v1/hello/{name}", [](Request& r) {
      boost::json::object o;
      o["name"] = r.params["name"];
      o["q"] = r.query.count("q") ? r.query["q"] : "";
      return json_response(200, o);
    });
    router.add("POST", "/api/v1/echo", [](Request& r) {
      return json_response(200, parse_json_body(r));
    });
    router.add("GET", "/api/v1/cookies", [](Request&) {
      Response r{204, "text/plain", "", {{"Set-Cookie", "a=1"}, {"Set-Cookie", "b=2"}}};
      return r;
    });
    router.add("GET", "/api/v1/slow", [](Request&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      return json_response(200, boost::json::value("done"));
    });
    ServerConfig cfg;
    cfg.port = 0;
    cfg.static_dir = (dir / "web").string();
    cfg.body_limit = 1024 * 1024;
    cfg.header_limit = 8 * 1024;
    cfg.read_timeout = std::chrono::seconds(5);
    cfg.handle_signals = false;
    server = std::make_unique<Server>(cfg, router);
    thread = std::thread([this] { server->run(); });
  }
  void TearDown() override {
    server->stop();
    if (thread.joinable()) thread.join();
    fs::remove_all(dir);
  }
  static void write(const fs::path& p, const std::string& s) { std::ofstream(p) << s; }

  fs::path dir;
  Router router;
  std::unique_ptr<Server> server;
  std::thread thread;
};

TEST_F(ServerTest, HandlerWithParamsQueryAndKeepAlive) {
  Client c(server->port());
  auto res = c.request(bhttp::verb::get, "/api/v1/hello/%E5%8D%8E?q=a+b");
  EXPECT_EQ(res.result_int(), 200);
  auto v = boost::json::parse(res.body());
  EXPECT_EQ(v.at("name").as_string(), "华");
  EXPECT_EQ(v.at("q").as_string(), "a b");
  EXPECT_EQ(res[bhttp::field::content_type], "application/json; charset=utf-8");
  EXPECT_EQ(res["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(res["X-Frame-Options"], "DENY");
  EXPECT_EQ(res["Referrer-Policy"], "same-origin");
  EXPECT_TRUE(res.keep_alive());
  // Same connection, second request.
  res = c.request(bhttp::verb::post, "/api/v1/echo", R"({"x":1})");
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.body(), R"({"x":1})");
  res = c.request(bhttp::verb::get, "/api/v1/cookies");
  EXPECT_EQ(res.result_int(), 204);
  EXPECT_EQ(std::distance(res.equal_range(bhttp::field::set_cookie).first,
                          res.equal_range(bhttp::field::set_cookie).second),
            2);
}

TEST_F(ServerTest, JsonErrors) {
  Client c(server->port());
  auto res = c.request(bhttp::verb::post, "/api/v1/echo", "{nope", "en-US");
  EXPECT_EQ(res.result_int(), 400);
  auto v = boost::json::parse(res.body());
  EXPECT_EQ(v.at("error").at("code").as_string(), "malformed_json");
  EXPECT_EQ(v.at("error").at("message").as_string(), "The request body is not valid JSON");
  res = c.request(bhttp::verb::get, "/api/v1/unknown");
  EXPECT_EQ(res.result_int(), 404);
  EXPECT_EQ(boost::json::parse(res.body()).at("error").at("message").as_string(), "接口不存在");
  res = c.request(bhttp::verb::delete_, "/api/v1/echo");
  EXPECT_EQ(res.result_int(), 405);
  EXPECT_EQ(res[bhttp::field::allow], "POST");
}

TEST_F(ServerTest, HugeContentLengthRefusedWithoutReading) {
  Client c(server->port());
  auto t0 = std::chrono::steady_clock::now();
  c.send_raw(
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 3000000000\r\n\r\n{");
  auto res = c.read();
  EXPECT_EQ(res.result_int(), 413);
  EXPECT_EQ(boost::json::parse(res.body()).at("error").at("code").as_string(), "body_too_large");
  EXPECT_FALSE(res.keep_alive());
  EXPECT_TRUE(c.closed_by_peer());
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));
}

TEST_F(ServerTest, ChunkedBodyOverLimitRefused) {
  Client c(server->port());
  std::string chunk(700 * 1024, 'a');  // two of these pass the 1 MiB limit
  char hex[32];
  snprintf(hex, sizeof hex, "%zx", chunk.size());
  c.send_raw("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
  c.send_raw(std::string(hex) + "\r\n" + chunk + "\r\n");
  beast::error_code ec;
  asio::write(c.sock, asio::buffer(std::string(hex) + "\r\n" + chunk + "\r\n"), ec);
  auto res = c.read();
  EXPECT_EQ(res.result_int(), 413);
}

TEST_F(ServerTest, OversizedHeaderIs431) {
  Client c(server->port());
  c.send_raw("GET /api/v1/hello/x HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(10000, 'b') +
             "\r\n\r\n");
  auto res = c.read();
  EXPECT_EQ(res.result_int(), 431);
  EXPECT_TRUE(c.closed_by_peer());
}

TEST_F(ServerTest, OversizedHeaderAnswersInTheCallersLanguageWhenItCameFirst) {
  Client c(server->port());
  c.send_raw("GET /api/v1/hello/x HTTP/1.1\r\nHost: x\r\nACCEPT-LANGUAGE: en-US\r\nX-Big: " + std::string(10000, 'b') +
             "\r\n\r\n");
  auto res = c.read();
  EXPECT_EQ(res.result_int(), 431);
  EXPECT_NE(res.body().find("Request header too large"), std::string::npos) << res.body();
  Client z(server->port());
  z.send_raw("GET /api/v1/hello/x HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(10000, 'b') + "\r\n\r\n");
  auto zres = z.read();
  EXPECT_NE(zres.body().find("请求头过大"), std::string::npos) << zres.body();
}

TEST_F(ServerTest, MalformedRequestClosesConnection) {
  Client c(server->port());
  c.send_raw("THIS IS NOT HTTP\r\n\r\n");
  EXPECT_TRUE(c.closed_by_peer());
}

TEST_F(ServerTest, StaticFilesAndSpaFallback) {
  Client c(server->port());
  auto res = c.request(bhttp::verb::get, "/");
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.body(), "<html>app</html>");
  EXPECT_EQ(res[bhttp::field::content_type], "text/html; charset=utf-8");
  EXPECT_EQ(res[bhttp::field::cache_control], "no-cache");

  res = c.request(bhttp::verb::get, "/assets/app-1a2b.js");
  EXPECT_EQ(res.body(), "console.log(1)");
  EXPECT_EQ(res[bhttp::field::content_type], "text/javascript; charset=utf-8");
  EXPECT_EQ(res[bhttp::field::cache_control], "public, max-age=31536000, immutable");

  res = c.request(bhttp::verb::get, "/logo.svg");
  EXPECT_EQ(res[bhttp::field::content_type], "image/svg+xml");

  res = c.request(bhttp::verb::get, "/do/progress?month=2026-11");  // client-side route
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.body(), "<html>app</html>");

  res = c.request(bhttp::verb::get, "/assets/missing.js");  // no HTML for a missing script
  EXPECT_EQ(res.result_int(), 404);

  res = c.request(bhttp::verb::head, "/assets/app-1a2b.js");
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res[bhttp::field::content_length], "14");  // strlen("console.log(1)")
  EXPECT_EQ(res.body(), "");
}

TEST_F(ServerTest, TraversalRefused) {
  for (std::string t : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
                        "/assets/%2E%2E%2F%2E%2E%2Fsecret.txt"}) {
    Client c(server->port());
    auto res = c.request(bhttp::verb::get, t);
    EXPECT_NE(res.body(), "top secret") << t;
    EXPECT_EQ(res.body().find("secret"), std::string::npos) << t;
  }
}

TEST_F(ServerTest, StopDrainsInFlightRequest) {
  Client busy(server->port());
  Client idle(server->port());
  // The idle keep-alive connection has served one request and now waits.
  EXPECT_EQ(idle.request(bhttp::verb::get, "/api/v1/hello/a").result_int(), 200);
  bhttp::request<bhttp::string_body> req{bhttp::verb::get, "/api/v1/slow", 11};
  req.set(bhttp::field::host, "x");
  bhttp::write(busy.sock, req);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the handler is running
  auto t0 = std::chrono::steady_clock::now();
  server->stop();
  auto res = busy.read();  // the in-flight request still gets its answer
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.body(), "\"done\"");
  EXPECT_FALSE(res.keep_alive());
  EXPECT_TRUE(idle.closed_by_peer());
  thread.join();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(3));
  // The listening socket is gone.
  asio::io_context ioc;
  tcp::socket s(ioc);
  beast::error_code ec;
  s.connect({asio::ip::make_address("127.0.0.1"), server->port()}, ec);
  EXPECT_TRUE(ec);
}

}  // namespace
}  // namespace sl::http

namespace sl::http {
namespace {

TEST(ServerTimeout, SlowClientIsDisconnected) {
  Router router;
  ServerConfig cfg;
  cfg.port = 0;
  cfg.read_timeout = std::chrono::seconds(1);
  cfg.handle_signals = false;
  Server server(cfg, router);
  std::thread t([&] { server.run(); });
  {
    Client c(server.port());
    auto t0 = std::chrono::steady_clock::now();
    c.send_raw("GET /api/v1/x HTTP/1.1\r\nHost: x\r\n");  // never finishes the header
    EXPECT_TRUE(c.closed_by_peer());
    auto waited = std::chrono::steady_clock::now() - t0;
    EXPECT_GE(waited, std::chrono::milliseconds(900));
    EXPECT_LT(waited, std::chrono::seconds(3));
  }
  server.stop();
  t.join();
}

TEST(ServerStop, StopBeforeRunReturns) {
  Router router;
  ServerConfig cfg;
  cfg.port = 0;
  cfg.handle_signals = false;
  Server server(cfg, router);
  EXPECT_NE(server.port(), 0);
  server.stop();
  server.run();  // returns at once
}

}  // namespace
}  // namespace sl::http
