#include "store/postgres/notify.h"

#include <libpq-fe.h>
#include <poll.h>
#include <unistd.h>

#include <charconv>
#include <iostream>
#include <memory>

#include "store/postgres/conn.h"

namespace sl::store::pg {

DataWatch::DataWatch(std::string url, std::function<int()> own_pid, std::function<void(int64_t)> changed)
    : url_(std::move(url)), own_pid_(std::move(own_pid)), changed_(std::move(changed)) {
  if (::pipe(wake_) != 0) throw std::runtime_error("postgres: data watch: pipe failed");
  thread_ = std::thread([this] { loop(); });
}

DataWatch::~DataWatch() {
  stop_ = true;
  const char x = 1;
  [[maybe_unused]] auto n = ::write(wake_[1], &x, 1);
  thread_.join();
  ::close(wake_[0]);
  ::close(wake_[1]);
}

bool DataWatch::wait_stop(int ms) {
  pollfd p{wake_[0], POLLIN, 0};
  ::poll(&p, 1, ms);
  return stop_;
}

void DataWatch::loop() {
  while (!stop_) {
    try {
      listen_once();
    } catch (const std::exception& e) {
      std::cerr << "data watch: " << e.what() << "\n";
    }
    if (wait_stop(500)) return;  // lost (or never made): try again shortly
  }
}

namespace {
struct ConnGuard {
  PGconn* c;
  ~ConnGuard() { PQfinish(c); }
};
}  // namespace

void DataWatch::listen_once() {
  ConnGuard g{connect(url_)};
  PGconn* c = g.c;
  if (PQstatus(c) != CONNECTION_OK) return;
  PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
  {
    Result r(PQexec(c, (std::string("LISTEN ") + kDataChannel).c_str()));
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) return;
  }
  {
    // Listening from here on: a write committed after this read is notified, one before it
    // is in the version read.
    Result r(PQexec(c, "SELECT version FROM data_version WHERE id = 1"));
    if (PQresultStatus(r.get()) != PGRES_TUPLES_OK || r.empty()) return;
    changed_(Row(r.get(), 0).i64(0));
  }
  while (!stop_) {
    pollfd p[2] = {{PQsocket(c), POLLIN, 0}, {wake_[0], POLLIN, 0}};
    // A quiet minute: a round trip shows the connection is still there (a peer that vanished
    // without closing the socket would otherwise never be noticed).
    const int n = ::poll(p, 2, 60000);
    if (stop_) return;
    if (n == 0) {
      Result r(PQexec(c, "SELECT 1"));
      if (PQresultStatus(r.get()) != PGRES_TUPLES_OK) return;
    } else if (n < 0) {
      continue;  // EINTR
    }
    if (PQconsumeInput(c) == 0 || PQstatus(c) != CONNECTION_OK) return;  // lost: the caller reconnects
    int64_t newest = -1;
    while (PGnotify* note = PQnotifies(c)) {
      std::unique_ptr<PGnotify, decltype(&PQfreemem)> own(note, &PQfreemem);
      if (note->be_pid == own_pid_()) continue;
      int64_t v = 0;
      const char* s = note->extra;
      const char* end = s + std::char_traits<char>::length(s);
      if (std::from_chars(s, end, v).ec == std::errc() && v > newest) newest = v;
    }
    if (newest >= 0) changed_(newest);
  }
}

}  // namespace sl::store::pg
