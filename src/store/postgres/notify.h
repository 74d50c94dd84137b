// The data watch of a server on a shared PostgreSQL (issue 15): a thread LISTENing on
// kDataChannel on a connection of its own, waiting on its socket (poll), that hands every
// data version another server committed to `changed`. When the connection is lost (a
// PostgreSQL restart) it reconnects by itself, every half second, and then reports the
// current data version: what it may have missed while away. Notifications from the
// server's own writer connection (own_pid) are skipped: that server published its write.
#pragma once
#include <atomic>
#include <functional>
#include <string>
#include <thread>

#include "store/store.h"

namespace sl::store::pg {

class DataWatch final : public Store::Watch {
 public:
  DataWatch(std::string url, std::function<int()> own_pid, std::function<void(int64_t)> changed);
  ~DataWatch() override;  // stops and joins

 private:
  void loop();
  // One connection's life: LISTEN, report the current version, then the notifications, until
  // the connection fails (returns) or stop (returns).
  void listen_once();
  bool wait_stop(int ms);  // true when asked to stop

  std::string url_;
  std::function<int()> own_pid_;
  std::function<void(int64_t)> changed_;
  int wake_[2] = {-1, -1};  // a pipe: the destructor writes to it to end poll()
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace sl::store::pg
