// End to end: a real Server on an ephemeral port, spoken to over TCP by a small
// blocking client, so limits and framing are tested as a browser would meet them.
#include "http/server.h"
#include "http/compression.h"
#include "http/testing_gunzip.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
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
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <sstream>

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
  bhttp::response<bhttp::string_body> request(bhttp::verb v, const std::string& target, const std::string& body = "",
                                              const std::string& lang = "",
                                              const std::vector<std::pair<std::string, std::string>>& extra = {}) {
    bhttp::request<bhttp::string_body> req{v, target, 11};
    req.set(bhttp::field::host, "localhost");
    if (!lang.empty()) req.set(bhttp::field::accept_language, lang);
    for (const auto& [k, val] : extra) req.insert(k, val);
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
    router.add("POST", "/api/v1/echo", [](Request& r) { return json_response(200, parse_json_body(r)); });
    router.add("GET", "/api/v1/cookies", [](Request&) {
      Response r{204, "text/plain", "", {{"Set-Cookie", "a=1"}, {"Set-Cookie", "b=2"}}};
      return r;
    });
    router.add("GET", "/api/v1/slow", [](Request&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      return json_response(200, boost::json::value("done"));
    });
    router.add("GET", "/api/v1/big", [](Request&) {
      boost::json::array rows;
      for (int i = 0; i < 300; ++i) rows.push_back(boost::json::object{{"rep", "李娜"}, {"amount", i * 1000}});
      Response r = json_response(200, rows);
      r.headers.emplace_back("ETag", "\"00000000000000aa\"");
      return r;
    });
    router.add("GET", "/api/v1/whoami", [](Request& r) {
      return json_response(200, boost::json::object{{"client", r.client}, {"https", r.https}});
    });
    // An upload (when upload_paths names it): where its body went.
    router.add("POST", "/api/v1/upload", [](Request& r) {
      std::error_code ec;
      const auto size = r.body_file.empty() ? 0 : std::filesystem::file_size(r.body_file, ec);
      return json_response(200, boost::json::object{{"file", !r.body_file.empty()},
                                                    {"size", static_cast<int64_t>(size)},
                                                    {"body", static_cast<int64_t>(r.body.size())}});
    });
    // A write that waits until released: a write stuck behind a database lock.
    router.add("POST", "/api/v1/stuck", [this](Request&) {
      std::unique_lock lk(stuck_mu);
      ++stuck_waiting;
      stuck_cv.notify_all();
      stuck_cv.wait(lk, [this] { return released; });
      return json_response(200, boost::json::value("released"));
    });
    cfg.port = 0;
    cfg.static_dir = (dir / "web").string();
    cfg.body_limit = 1024 * 1024;
    cfg.header_limit = 8 * 1024;
    cfg.read_timeout = std::chrono::seconds(5);
    cfg.handle_signals = false;
    start();
  }
  void start() {
    server = std::make_unique<Server>(cfg, router);
    thread = std::thread([this] { server->run(); });
  }
  void restart(const std::function<void(ServerConfig&)>& change) {
    server->stop();
    thread.join();
    change(cfg);
    start();
  }
  void release() {
    std::lock_guard lk(stuck_mu);
    released = true;
    stuck_cv.notify_all();
  }
  void TearDown() override {
    release();
    server->stop();
    if (thread.joinable()) thread.join();
    fs::remove_all(dir);
  }
  static void write(const fs::path& p, const std::string& s) { std::ofstream(p) << s; }

  fs::path dir;
  ServerConfig cfg;
  std::mutex stuck_mu;
  std::condition_variable stuck_cv;
  int stuck_waiting = 0;
  bool released = false;
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
  EXPECT_EQ(
      std::distance(res.equal_range(bhttp::field::set_cookie).first, res.equal_range(bhttp::field::set_cookie).second),
      2);
  EXPECT_EQ(res.count(bhttp::field::content_length), 0u);  // RFC 9110 §8.6: none on a 204
  // ... and the connection still frames the next answer right.
  res = c.request(bhttp::verb::get, "/api/v1/hello/y");
  EXPECT_EQ(boost::json::parse(res.body()).at("name").as_string(), "y");
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

TEST_F(ServerTest, UploadBodyStreamsToAFileUpToItsOwnLimit) {
  const fs::path up = dir / "uploads";
  restart([&](ServerConfig& c) {
    c.upload_paths = {"/api/v1/upload"};
    c.upload_limit = 2 * 1024 * 1024;
    c.upload_dir = up.string();
  });
  Client c(server->port());
  const std::string body(1536 * 1024, 'x');  // over body_limit (1 MiB), under the upload limit
  auto res = c.request(bhttp::verb::post, "/api/v1/upload?name=a.csv", body);
  ASSERT_EQ(res.result_int(), 200) << res.body();
  auto v = boost::json::parse(res.body());
  EXPECT_EQ(v.at("file").as_bool(), true);
  EXPECT_EQ(v.at("size").as_int64(), static_cast<int64_t>(body.size()));
  EXPECT_EQ(v.at("body").as_int64(), 0);
  EXPECT_TRUE(fs::is_empty(up)) << "the server removes an upload the handler did not take";
  // Other routes keep the ordinary limit: refused from the header (the server answers and
  // closes before the body is sent, so sending the whole body could meet a broken pipe).
  Client d(server->port());
  d.send_raw("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\nxyz");
  res = d.read();
  EXPECT_EQ(res.result_int(), 413);
}

TEST_F(ServerTest, UploadOverItsLimitRefusedFromTheHeader) {
  restart([&](ServerConfig& c) {
    c.upload_paths = {"/api/v1/upload"};
    c.upload_limit = 2 * 1024 * 1024;
    c.upload_dir = (dir / "uploads").string();
  });
  Client c(server->port());
  c.send_raw("POST /api/v1/upload HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\nContent-Length: 3145728\r\n\r\nabc");
  auto res = c.read();
  EXPECT_EQ(res.result_int(), 413);
  auto v = boost::json::parse(res.body());
  EXPECT_EQ(v.at("error").at("code").as_string(), "upload_too_large");
  EXPECT_NE(std::string(v.at("error").at("message").as_string()).find("limit 2 MB"), std::string::npos);
  EXPECT_TRUE(c.closed_by_peer());
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
  c.send_raw("GET /api/v1/hello/x HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(10000, 'b') + "\r\n\r\n");
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

TEST_F(ServerTest, MalformedRequestIsAnswered400AndClosed) {
  Client c(server->port());
  c.send_raw("THIS IS NOT HTTP\r\n\r\n");
  auto res = c.read();
  EXPECT_EQ(res.result_int(), 400);
  EXPECT_EQ(boost::json::parse(res.body()).at("error").at("code"), "malformed_request");
  EXPECT_TRUE(c.closed_by_peer());
}

// Framing that two readers could split differently (request smuggling): 400, then closed.
TEST_F(ServerTest, AmbiguousFramingIsAnswered400AndClosed) {
  const char* cases[] = {
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n{}",
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 7\r\n\r\n{}",
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: "
      "chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n{}",
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n{}",
  };
  for (const char* raw : cases) {
    Client c(server->port());
    c.send_raw(raw);
    bhttp::response<bhttp::string_body> res;
    beast::error_code ec;
    bhttp::read(c.sock, c.buf, res, ec);
    ASSERT_FALSE(ec) << raw << ": " << ec.message();
    EXPECT_EQ(res.result_int(), 400) << raw;
    EXPECT_TRUE(c.closed_by_peer()) << raw;
  }
  // Plain chunked still works.
  Client ok(server->port());
  ok.send_raw("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
  EXPECT_EQ(ok.read().result_int(), 200);
}

TEST_F(ServerTest, SecurityHeaders) {
  Client c(server->port());
  auto api = c.request(bhttp::verb::get, "/api/v1/hello/x");
  EXPECT_EQ(api[bhttp::field::cache_control], "no-store");
  EXPECT_NE(api["Content-Security-Policy"].find("default-src 'self'"), std::string::npos);
  EXPECT_NE(api["Content-Security-Policy"].find("frame-ancestors 'none'"), std::string::npos);
  auto page = c.request(bhttp::verb::get, "/");
  EXPECT_EQ(page[bhttp::field::cache_control], "no-cache");  // static files keep their own rule
  EXPECT_NE(page["Content-Security-Policy"].find("script-src 'self'"), std::string::npos);
}

TEST_F(ServerTest, WritesStuckOnEveryWriteWorkerDoNotStopReads) {
  ASSERT_EQ(cfg.write_workers, 2);
  std::vector<std::unique_ptr<Client>> writers;
  std::vector<std::thread> waits;
  for (int i = 0; i < 3; ++i) {  // one more than there are write workers
    writers.push_back(std::make_unique<Client>(server->port()));
    bhttp::request<bhttp::string_body> req{bhttp::verb::post, "/api/v1/stuck", 11};
    req.set(bhttp::field::host, "x");
    req.prepare_payload();
    bhttp::write(writers.back()->sock, req);
  }
  {
    std::unique_lock lk(stuck_mu);
    ASSERT_TRUE(stuck_cv.wait_for(lk, std::chrono::seconds(5), [this] { return stuck_waiting >= 2; }));
  }
  // Both write workers are held; reads on both I/O threads still answer at once.
  for (int i = 0; i < 4; ++i) {
    Client r(server->port());
    auto t0 = std::chrono::steady_clock::now();
    EXPECT_EQ(r.request(bhttp::verb::get, "/api/v1/hello/x").result_int(), 200);
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(500));
  }
  release();
  for (auto& w : writers) EXPECT_EQ(w->read().result_int(), 200);
}

TEST_F(ServerTest, ConnectionsPerClientAreCapped) {
  restart([](ServerConfig& c) { c.max_connections_per_client = 3; });
  std::vector<std::unique_ptr<Client>> held;
  for (int i = 0; i < 3; ++i) {
    held.push_back(std::make_unique<Client>(server->port()));
    EXPECT_EQ(held.back()->request(bhttp::verb::get, "/api/v1/hello/x").result_int(), 200);
  }
  Client extra(server->port());
  auto res = extra.read();  // answered without asking
  EXPECT_EQ(res.result_int(), 503);
  EXPECT_EQ(boost::json::parse(res.body()).at("error").at("code"), "too_many_connections");
  EXPECT_TRUE(extra.closed_by_peer());
  held.pop_back();  // one closes: a new one is let in
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  Client again(server->port());
  EXPECT_EQ(again.request(bhttp::verb::get, "/api/v1/hello/x").result_int(), 200);
}

TEST_F(ServerTest, ForwardedHeadersCountOnlyFromTrustedProxies) {
  auto ask = [this](const std::string& xff, const std::string& proto) {
    Client c(server->port());
    bhttp::request<bhttp::string_body> req{bhttp::verb::get, "/api/v1/whoami", 11};
    req.set(bhttp::field::host, "x");
    req.set("X-Forwarded-For", xff);
    req.set("X-Forwarded-Proto", proto);
    bhttp::write(c.sock, req);
    return boost::json::parse(c.read().body()).as_object();
  };
  auto o = ask("203.0.113.9", "https");
  EXPECT_EQ(o.at("client"), "127.0.0.1");  // not trusted: the peer, plain http
  EXPECT_EQ(o.at("https"), false);
  restart([](ServerConfig& c) { c.trusted_proxies = {"127.0.0.1"}; });
  o = ask("198.51.100.1, 203.0.113.9", "https");
  EXPECT_EQ(o.at("client"), "203.0.113.9");  // the address the proxy added
  EXPECT_EQ(o.at("https"), true);
  o = ask("not-an-address", "http");
  EXPECT_EQ(o.at("client"), "127.0.0.1");
  EXPECT_EQ(o.at("https"), false);
}

TEST_F(ServerTest, TheAccessLogCannotBeForged) {
  std::ostringstream out;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
  auto before = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("test", sink));
  for (const char* target : {"/api/v1/hello/a%0d%0a[info]%20GET%20/forged%20200%1b%5b31m",
                             "/page%0d%0a[info]%20GET%20/forged%20200%1b%5b31m", "/raw\x1b[31m"}) {
    Client c(server->port());
    c.request(bhttp::verb::get, target);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  spdlog::set_default_logger(before);
  const std::string log = out.str();
  EXPECT_EQ(log.find('\x1b'), std::string::npos) << log;
  std::istringstream lines(log);
  int requests = 0;
  for (std::string line; std::getline(lines, line);) {
    EXPECT_EQ(line.find("[info] GET /forged"), std::string::npos) << line;  // no line starts forged
    if (line.find(" 400 ") != std::string::npos) ++requests;
  }
  EXPECT_EQ(requests, 3) << log;
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

TEST_F(ServerTest, JsonIsGzippedForClientsThatAcceptIt) {
  Client c(server->port());
  auto plain = c.request(bhttp::verb::get, "/api/v1/big");
  EXPECT_EQ(plain[bhttp::field::content_encoding], "");
  EXPECT_EQ(plain[bhttp::field::vary], "Accept-Encoding");
  EXPECT_EQ(plain[bhttp::field::etag], "\"00000000000000aa\"");
  ASSERT_GT(plain.body().size(), kCompressMin);

  auto gz = c.request(bhttp::verb::get, "/api/v1/big", "", "", {{"Accept-Encoding", "gzip, deflate, br"}});
  EXPECT_EQ(gz.result_int(), 200);
  EXPECT_EQ(gz[bhttp::field::content_encoding], "gzip");
  EXPECT_EQ(gz[bhttp::field::vary], "Accept-Encoding");
  EXPECT_EQ(gz[bhttp::field::content_type], "application/json; charset=utf-8");
  EXPECT_EQ(gz[bhttp::field::content_length], std::to_string(gz.body().size()));  // the compressed size
  EXPECT_LT(gz.body().size(), plain.body().size() / 3);
  EXPECT_EQ(testing::gunzip(gz.body()), plain.body());
  const std::string tag(gz[bhttp::field::etag]);
  EXPECT_EQ(tag, etag_for_coding("\"00000000000000aa\"", "gzip"));

  // The same connection goes on: a conditional GET of the gzip representation is a 304.
  auto again =
      c.request(bhttp::verb::get, "/api/v1/big", "", "", {{"Accept-Encoding", "gzip"}, {"If-None-Match", tag}});
  EXPECT_EQ(again.result_int(), 304);
  EXPECT_EQ(again.body(), "");
  EXPECT_EQ(again[bhttp::field::etag], tag);
  EXPECT_EQ(again[bhttp::field::vary], "Accept-Encoding");
  EXPECT_EQ(again[bhttp::field::cache_control], "no-store");
  EXPECT_EQ(again.count(bhttp::field::content_type), 0u);
  EXPECT_EQ(again.count(bhttp::field::content_length), 0u);

  // A garbled header is no error: the answer is just not compressed.
  auto bad = c.request(bhttp::verb::get, "/api/v1/big", "", "", {{"Accept-Encoding", "gzip;q=1.5;;, x br, ;q="}});
  EXPECT_EQ(bad.result_int(), 200);
  EXPECT_EQ(bad[bhttp::field::content_encoding], "");
  EXPECT_EQ(bad.body(), plain.body());
  // Small answers are not compressed.
  auto small = c.request(bhttp::verb::get, "/api/v1/hello/x", "", "", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(small[bhttp::field::content_encoding], "");
  EXPECT_EQ(boost::json::parse(small.body()).at("name").as_string(), "x");
}

TEST_F(ServerTest, PrecompressedStaticFile) {
  write(dir / "web" / "assets" / "app-1a2b.js.gz", "GZ-BYTES");
  Client c(server->port());
  auto res = c.request(bhttp::verb::get, "/assets/app-1a2b.js", "", "", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(res.body(), "GZ-BYTES");
  EXPECT_EQ(res[bhttp::field::content_encoding], "gzip");
  EXPECT_EQ(res[bhttp::field::content_type], "text/javascript; charset=utf-8");
  EXPECT_EQ(res[bhttp::field::content_length], "8");
  res = c.request(bhttp::verb::head, "/assets/app-1a2b.js", "", "", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(res[bhttp::field::content_length], "8");
  EXPECT_EQ(res[bhttp::field::content_encoding], "gzip");
  res = c.request(bhttp::verb::get, "/assets/app-1a2b.js");
  EXPECT_EQ(res.body(), "console.log(1)");
  EXPECT_EQ(res[bhttp::field::vary], "Accept-Encoding");
}

TEST_F(ServerTest, TraversalRefused) {
  for (std::string t :
       {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/assets/%2E%2E%2F%2E%2E%2Fsecret.txt"}) {
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
