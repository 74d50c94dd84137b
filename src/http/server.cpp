#include "http/server.h"

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>
#include <unistd.h>
#include <vector>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include "http/compression.h"
#include "http/framing.h"
#include "http/static_files.h"

namespace sl::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Strand = asio::strand<asio::io_context::executor_type>;

namespace {

// One open connection, known to the server so stop() can close it while idle.
// Touched only on the connection's strand, except the registry map itself.
struct Conn {
  Strand strand;
  beast::tcp_stream* stream = nullptr;
  bool busy = false;  // between having read a request and having written its response
};

bool is_api(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

// Content-Security-Policy of every answer: scripts, styles, fonts and data only from us
// (inline styles: Element Plus and ECharts set style attributes), no framing, no plugins.
constexpr const char* kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'";

}  // namespace

struct Server::Impl {
  ServerConfig cfg;
  Router& router;
  asio::io_context ioc;
  Strand accept_strand;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  std::atomic<bool> stopping{false};
  uint16_t bound_port = 0;  // cached: the acceptor is closed on stop and owned by its strand

  asio::thread_pool read_pool;
  asio::thread_pool write_pool;

  std::mutex mu;  // guards conns, per_client, finished
  std::condition_variable cv;
  std::map<uint64_t, Conn*> conns;
  std::map<std::string, int> per_client;  // open connections by peer address
  uint64_t next_conn = 1;
  bool finished = false;
  std::atomic<uint64_t> upload_seq{1};

  Impl(ServerConfig c, Router& r)
      : cfg(std::move(c)),
        router(r),
        ioc(std::max(1, cfg.threads)),
        read_pool(static_cast<size_t>(std::max(1, cfg.read_workers))),
        write_pool(static_cast<size_t>(std::max(1, cfg.write_workers))),
        accept_strand(asio::make_strand(ioc)),
        acceptor(accept_strand),
        signals(accept_strand) {
    tcp::endpoint ep(asio::ip::make_address(cfg.host), cfg.port);
    acceptor.open(ep.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(ep);
    acceptor.listen(asio::socket_base::max_listen_connections);
    bound_port = acceptor.local_endpoint().port();
    if (!cfg.upload_paths.empty()) {
      if (cfg.upload_dir.empty())
        cfg.upload_dir = (std::filesystem::temp_directory_path() / ("salesloop-uploads-" + std::to_string(::getpid()))).string();
      std::filesystem::create_directories(cfg.upload_dir);
    }
  }

  asio::awaitable<void> accept_loop() {
    while (!stopping) {
      beast::error_code ec;
      Strand strand = asio::make_strand(ioc);
      tcp::socket sock(strand);
      co_await acceptor.async_accept(sock, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) break;
        // EMFILE and friends: keep serving the connections we have.
        spdlog::warn("accept failed: {}", ec.message());
        continue;
      }
      asio::co_spawn(strand, session(beast::tcp_stream(std::move(sock)), strand), asio::detached);
    }
  }

  void write_log(const Request& r, int status, size_t bytes, std::chrono::steady_clock::time_point t0) {
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count();
    spdlog::info("{} {} {} {}B {}us {}", log_safe(r.method), log_safe(r.path.empty() ? r.target : r.path), status,
                 bytes, us, log_safe(r.client == client_of(r.remote) ? r.remote : r.remote + " for " + r.client));
  }

  bool trusted(const std::string& peer) const {
    for (const auto& p : cfg.trusted_proxies)
      if (p == peer) return true;
    return false;
  }
  static std::string client_of(const std::string& remote) {
    if (remote.empty()) return remote;
    if (remote.front() == '[') return remote.substr(1, remote.find(']') - 1);
    return remote.substr(0, remote.rfind(':'));
  }
  // The client's address: from a trusted proxy, the last X-Forwarded-For entry (the one the
  // proxy itself added); otherwise the peer's.
  std::string client_of(const Request& r, const std::string& peer) const {
    if (!trusted(peer)) return peer;
    std::string xff = r.header("x-forwarded-for");
    auto comma = xff.rfind(',');
    std::string last = trim_lower(comma == std::string::npos ? xff : xff.substr(comma + 1));
    boost::system::error_code ec;
    auto addr = asio::ip::make_address(last, ec);
    return ec ? peer : addr.to_string();
  }

  // Runs on a worker: the answer, compressed there too so the I/O threads never deflate.
  Response handle(Request& r) {
    try {
      Response res = answer(r);
      encode_response(r, res);
      return res;
    } catch (const std::exception& e) {
      spdlog::error("request {} {} failed: {}", log_safe(r.method), log_safe(r.target), log_safe(e.what()));
    }
    return error_response(
        AppError(500, "internal", "", "服务器内部错误，请稍后再试", "Internal server error, please try again later"),
        r.lang());
  }

  Response answer(Request& r) {
    if (!parse_target(r.target, r.path, r.query)) {
      return error_response(AppError(400, "bad_target", "", "请求地址无效", "Invalid request target"), r.lang());
    }
    bool get_like = r.method == "GET" || r.method == "HEAD";
    if (!is_api(r.path) && !cfg.static_dir.empty() && get_like && !router.has_path(r.path)) {
      return serve_static(cfg.static_dir, r.path, r.method == "HEAD", r.header_list("accept-encoding"));
    }
    return router.dispatch(r);
  }

  // `api`: an answer of the API, personal data unless the handler says otherwise, so no
  // cache may keep it (Cache-Control: no-store unless the handler set a Cache-Control).
  static bhttp::response<bhttp::string_body> to_beast(Response& res, unsigned version, bool keep_alive,
                                                      bool api = true) {
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), version};
    out.set(bhttp::field::server, "salesloop");
    if (!res.content_type.empty()) out.set(bhttp::field::content_type, res.content_type);  // not on a 304
    out.set("X-Content-Type-Options", "nosniff");
    out.set("X-Frame-Options", "DENY");
    out.set("Referrer-Policy", "same-origin");
    out.set("Content-Security-Policy", kCsp);
    if (api) {
      bool has = false;
      for (auto& [k, v] : res.headers) has |= beast::iequals(k, "Cache-Control");
      if (!has) out.set(bhttp::field::cache_control, "no-store");
    }
    out.keep_alive(keep_alive);
    out.body() = std::move(res.body);
    out.prepare_payload();
    // Beast 1.81 writes "Content-Length: 0" on these. A 204 must not have one (RFC 9110 §8.6),
    // nor may a 304 give one other than its 200's (a cache would take the 0 for the resource).
    if (res.status == 204 || res.status == 304 || res.status < 200) out.erase(bhttp::field::content_length);
    // Extra headers last: a HEAD answer sets Content-Length to the size of the body it omits.
    // insert, not set: a handler may send several Set-Cookie lines.
    for (auto& [k, v] : res.headers) {
      if (beast::iequals(k, "Content-Length"))
        out.set(bhttp::field::content_length, v);
      else
        out.insert(k, v);
    }
    return out;
  }

  // Answers a request whose header broke a limit, then the connection is closed.
  asio::awaitable<void> refuse(beast::tcp_stream& stream, int status, const char* code, const std::string& zh,
                               const std::string& en, Request& log_req, std::chrono::steady_clock::time_point t0) {
    Response res = error_response(AppError(status, code, "", zh, en), log_req.lang());
    auto out = to_beast(res, 11, false);
    beast::error_code ec;
    stream.expires_after(cfg.read_timeout);
    co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
    write_log(log_req, status, out.body().size(), t0);
  }

  // POST to one of the upload paths (the target's path, query left out).
  bool is_upload(const bhttp::request_parser<bhttp::string_body>::value_type& head) const {
    if (cfg.upload_paths.empty() || head.method() != bhttp::verb::post) return false;
    std::string path;
    std::map<std::string, std::string> query;
    if (!parse_target(head.target(), path, query)) return false;
    for (const auto& p : cfg.upload_paths)
      if (p == path) return true;
    return false;
  }

  std::string next_upload_file() {
    const uint64_t n = upload_seq.fetch_add(1);
    return (std::filesystem::path(cfg.upload_dir) / ("upload-" + std::to_string(n) + ".part")).string();
  }

  asio::awaitable<void> refuse_upload(beast::tcp_stream& stream, Request& req, std::chrono::steady_clock::time_point t0) {
    const std::string mb = std::to_string(cfg.upload_limit / (1024 * 1024));
    co_await refuse(stream, 413, "upload_too_large", "上传的文件过大（上限 " + mb + " MB）：请拆分后分批导入",
                    "The uploaded file is too large (limit " + mb + " MB): split it and import the parts", req, t0);
  }

  asio::awaitable<void> session(beast::tcp_stream stream, Strand strand) {
    Conn conn{strand, &stream, false};
    uint64_t id;
    {
      std::lock_guard lk(mu);
      id = next_conn++;
      conns[id] = &conn;
    }
    std::string remote, peer;
    {
      beast::error_code ec;
      auto ep = stream.socket().remote_endpoint(ec);
      if (!ec) {
        peer = ep.address().to_string();
        remote = ep.address().is_v6() ? "[" + peer + "]:" + std::to_string(ep.port())
                                      : peer + ":" + std::to_string(ep.port());
      }
    }
    bool over_cap;
    {
      std::lock_guard lk(mu);
      // A trusted proxy carries many clients on its connections: it is not capped here.
      over_cap = ++per_client[peer] > cfg.max_connections_per_client && !trusted(peer);
    }
    beast::flat_buffer buffer;
    if (over_cap) {
      Request req;
      req.remote = remote;
      req.client = peer;
      req.method = "-";
      req.target = "(too many connections)";
      co_await refuse(stream, 503, "too_many_connections", "来自该地址的连接过多，请稍后再试",
                      "Too many connections from this address; try again later", req, std::chrono::steady_clock::now());
    }
    for (; !over_cap;) {
      conn.busy = false;
      if (stopping) break;
      bhttp::request_parser<bhttp::string_body> parser;
      // Raised to the upload limit for the header: which limit applies is known once the target is.
      parser.body_limit(cfg.upload_paths.empty() ? cfg.body_limit : std::max(cfg.body_limit, cfg.upload_limit));
      parser.header_limit(static_cast<std::uint32_t>(cfg.header_limit));
      stream.expires_after(cfg.read_timeout);
      beast::error_code ec;
      co_await bhttp::async_read_header(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
      auto t0 = std::chrono::steady_clock::now();
      conn.busy = true;
      Request req;
      req.remote = remote;
      req.client = peer;
      if (ec == bhttp::error::body_limit) {
        // The header is complete (Content-Length gave the size away): answer in the
        // caller's language and log what was asked for.
        const auto& head = parser.get();
        req.method = std::string(head.method_string());
        req.target = std::string(head.target());
        req.headers.emplace_back("accept-language", std::string(head[bhttp::field::accept_language]));
        if (is_upload(head))
          co_await refuse_upload(stream, req, t0);
        else
          co_await refuse(stream, 413, "body_too_large", "请求体过大（上限 8 MB）", "Request body too large (limit 8 MB)",
                          req, t0);
        break;
      }
      if (ec == bhttp::error::header_limit) {
        // The fields before the oversized part are parsed already (the parser takes a
        // header line by line): the caller's language is known when it came first.
        req.method = "?";
        req.target = "(header too large)";
        req.headers.emplace_back("accept-language", std::string(parser.get()[bhttp::field::accept_language]));
        co_await refuse(stream, 431, "header_too_large", "请求头过大", "Request header too large", req, t0);
        break;
      }
      if (ec && ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category() &&
          ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message && ec != bhttp::error::short_read) {
        // Not HTTP we can frame (a bad request line, header or Content-Length): say so and close.
        req.method = "?";
        req.target = "(malformed request: " + ec.message() + ")";
        co_await refuse(stream, 400, "malformed_request", "请求格式错误", "Malformed request", req, t0);
        break;
      }
      if (ec) break;  // closed, timed out or cancelled by stop(): just close
      if (const char* why = bad_framing(parser.get())) {
        req.method = std::string(parser.get().method_string());
        req.target = std::string(parser.get().target()) + " (" + why + ")";
        req.headers.emplace_back("accept-language", std::string(parser.get()[bhttp::field::accept_language]));
        co_await refuse(stream, 400, "malformed_request", "请求格式错误：消息长度的声明有歧义",
                        "Malformed request: ambiguous message length", req, t0);
        break;
      }
      const bool upload = is_upload(parser.get());
      if (auto len = parser.content_length(); len && *len > (upload ? cfg.upload_limit : cfg.body_limit)) {
        req.method = std::string(parser.get().method_string());
        req.target = std::string(parser.get().target());
        req.headers.emplace_back("accept-language", std::string(parser.get()[bhttp::field::accept_language]));
        if (upload)
          co_await refuse_upload(stream, req, t0);
        else
          co_await refuse(stream, 413, "body_too_large", "请求体过大（上限 8 MB）", "Request body too large (limit 8 MB)",
                          req, t0);
        break;
      }
      if (parser.get()[bhttp::field::expect] == "100-continue") {
        bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, 11};
        co_await bhttp::async_write(stream, cont, asio::redirect_error(asio::use_awaitable, ec));
        if (ec) break;
      }
      unsigned version = 11;
      bool wants_keep = false;
      if (upload) {
        // The body into a file of its own, never into memory.
        bhttp::request_parser<bhttp::file_body> fp{std::move(parser)};
        fp.body_limit(cfg.upload_limit);
        const std::string file = next_upload_file();
        fp.get().body().open(file.c_str(), beast::file_mode::write, ec);
        if (ec) {
          spdlog::error("upload: cannot create {}: {}", log_safe(file), ec.message());
          break;
        }
        stream.expires_after(cfg.read_timeout * 20);  // a large file over a slow line
        co_await bhttp::async_read(stream, buffer, fp, asio::redirect_error(asio::use_awaitable, ec));
        fp.get().body().close();
        if (ec) {
          std::error_code ignore;
          std::filesystem::remove(file, ignore);
          if (ec == bhttp::error::body_limit) {  // chunked: found out while reading
            req.method = "POST";
            req.target = std::string(fp.get().target());
            req.headers.emplace_back("accept-language", std::string(fp.get()[bhttp::field::accept_language]));
            co_await refuse_upload(stream, req, t0);
          }
          break;
        }
        version = fp.get().version();
        wants_keep = fp.get().keep_alive();
        Request read = request_of(static_cast<const bhttp::request_header<>&>(fp.get()));
        read.remote = std::move(req.remote);
        read.body_file = file;
        req = std::move(read);
      } else {
        parser.body_limit(cfg.body_limit);
        co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
        if (ec == bhttp::error::body_limit) {  // chunked bodies only find out while reading
          req.method = "?";
          req.target = "(body too large)";
          req.headers.emplace_back("accept-language", std::string(parser.get()[bhttp::field::accept_language]));
          co_await refuse(stream, 413, "body_too_large", "请求体过大", "Request body too large", req, t0);
          break;
        }
        if (ec) break;
        auto msg = parser.release();
        version = msg.version();
        wants_keep = msg.keep_alive();
        Request read = request_of(std::move(msg));
        read.remote = std::move(req.remote);
        req = std::move(read);
      }
      req.client = client_of(req, peer);
      req.https = cfg.assume_https || (trusted(peer) && trim_lower(req.header("x-forwarded-proto")) == "https");
      // On a worker: the coroutine resumes on this connection's strand when the handler is done.
      const bool reads = req.method == "GET" || req.method == "HEAD";
      Response res = co_await asio::co_spawn(
          reads ? read_pool.get_executor() : write_pool.get_executor(),
          [this, &req]() -> asio::awaitable<Response> { co_return handle(req); }, asio::use_awaitable);
      if (!req.body_file.empty()) {  // an upload the handler did not keep
        std::error_code ignore;
        std::filesystem::remove(req.body_file, ignore);
      }
      int status = res.status;
      bool keep = wants_keep && !stopping;
      auto out = to_beast(res, version, keep, is_api(req.path));
      size_t bytes = out.body().size();
      stream.expires_after(cfg.read_timeout);
      co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
      write_log(req, status, bytes, t0);
      if (ec || !keep) break;
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    {
      std::lock_guard lk(mu);
      conns.erase(id);
      if (--per_client[peer] <= 0) per_client.erase(peer);
    }
    cv.notify_all();
  }

  void begin_stop() {
    if (stopping.exchange(true)) return;
    asio::post(accept_strand, [this] {
      beast::error_code ec;
      acceptor.close(ec);
      signals.cancel(ec);
    });
    std::lock_guard lk(mu);
    for (auto& [id, c] : conns) {
      uint64_t cid = id;
      // On the connection's strand, so the session cannot be mid-step; busy ones finish
      // their response and then see `stopping`.
      asio::post(c->strand, [this, cid] {
        Conn* c2 = nullptr;
        {
          std::lock_guard lk2(mu);
          auto it = conns.find(cid);
          if (it != conns.end()) c2 = it->second;
        }
        if (c2 && !c2->busy) {
          beast::error_code ec;
          c2->stream->socket().cancel(ec);
        }
      });
    }
    cv.notify_all();
  }
};

Server::Server(ServerConfig cfg, Router& router) : impl_(std::make_unique<Impl>(std::move(cfg), router)) {}

Server::~Server() = default;

uint16_t Server::port() const { return impl_->bound_port; }

void Server::stop() { impl_->begin_stop(); }

void Server::run() {
  Impl& s = *impl_;
  if (s.cfg.handle_signals) {
    s.signals.add(SIGINT);
    s.signals.add(SIGTERM);
    s.signals.async_wait([&s](const beast::error_code& ec, int sig) {
      if (ec) return;
      spdlog::info("signal {} received, shutting down", sig);
      s.begin_stop();
    });
  }
  if (!s.stopping) asio::co_spawn(s.accept_strand, s.accept_loop(), asio::detached);
  spdlog::info("listening on http://{}:{}", s.cfg.host, port());

  // Bounds the drain: after stop(), connections get drain_timeout to finish.
  std::thread watchdog([&s] {
    std::unique_lock lk(s.mu);
    s.cv.wait(lk, [&] { return s.stopping.load() || s.finished; });
    if (s.finished) return;
    bool drained = s.cv.wait_for(lk, s.cfg.drain_timeout, [&] { return s.conns.empty() || s.finished; });
    if (!drained) {
      spdlog::warn("{} connection(s) still busy after drain timeout; closing", s.conns.size());
      s.ioc.stop();
    }
  });
  std::vector<std::thread> pool;
  for (int i = 1; i < s.cfg.threads; ++i) pool.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();
  for (auto& t : pool) t.join();
  {
    std::lock_guard lk(s.mu);
    s.finished = true;
  }
  s.cv.notify_all();
  watchdog.join();
  spdlog::info("server stopped");
}

}  // namespace sl::http
