// The HTTP/1.1 server: Beast + Asio coroutines on a small thread pool. /api/* goes to
// the Router; everything else to the built web app in static_dir (SPA fallback).
// Limits are enforced while reading, so an oversized request is refused from its
// header alone (413/431) and never read into memory.
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "http/router.h"

namespace sl::http {

struct ServerConfig {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;    // 0 = any free port; see Server::port()
  std::string static_dir;  // built web app; empty = no static files
  size_t body_limit = 8 * 1024 * 1024;
  // Uploads (POST to one of upload_paths, e.g. an import file): the body streams into a new
  // file in upload_dir instead of memory (Request::body_file), up to upload_limit bytes; a
  // larger one is answered 413 from its Content-Length before any of it is read.
  std::vector<std::string> upload_paths;
  size_t upload_limit = 200 * 1024 * 1024;
  std::string upload_dir;
  size_t header_limit = 16 * 1024;
  std::chrono::seconds read_timeout{30};  // per request, and for idle keep-alive
  int threads = 2;                        // I/O threads: they parse and write, and never wait for a handler
  // Handlers run on worker pools so a slow one (a write waiting for a database lock, a
  // rebuild) never stalls the I/O threads; reads and writes have pools of their own, so
  // writes stuck behind a lock cannot take every worker from the readers.
  int read_workers = 4;
  int write_workers = 2;
  // Open connections one client address may hold; more are answered 503 and closed. An
  // office behind one NAT address is many browsers of ~6 connections each, hence not small;
  // trusted proxies are not capped (they carry everyone).
  int max_connections_per_client = 256;
  // Peers whose X-Forwarded-For / X-Forwarded-Proto are believed (a reverse proxy such as
  // nginx); empty = none. From a trusted peer, the client address is the last address of
  // X-Forwarded-For and X-Forwarded-Proto: https marks the request https.
  std::vector<std::string> trusted_proxies;
  bool assume_https = false;               // every request is https (TLS ends in front of us, always)
  std::chrono::seconds drain_timeout{10};  // after stop(), how long in-flight requests get
  bool handle_signals = true;              // SIGINT/SIGTERM call stop(); tests turn this off
};

class Server {
 public:
  // Binds and listens immediately (throws std::system_error if the port is taken),
  // so port() is valid before run().
  Server(ServerConfig cfg, Router& router);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  uint16_t port() const;
  // Serves until stop() or a signal, then lets in-flight requests finish (up to
  // drain_timeout), closes idle keep-alive connections and returns.
  void run();
  // Thread-safe, idempotent, does not block.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sl::http
