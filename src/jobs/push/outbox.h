// The outbox worker (issue 14): claims due deliveries by a row update (claimed_by = this
// process's id + a random part, so several processes on one database never send one row
// twice), sends each on its channel, marks it sent, or queued again with exponential backoff,
// or failed after the last attempt — then the admins get an in-app notice and an e-mail.
// A row left in `sending` by a killed process is claimed again once its claim is stale.
#pragma once
#include <cstdint>
#include <string>

#include "store/store.h"

namespace sl::jobs {

struct RetryPolicy {
  int max_attempts = 5;
  int64_t base_seconds = 60;     // the wait after attempt k is base · 2^(k-1)
  int64_t stale_seconds = 300;   // a `sending` claim older than this is retried
  int keep_days = 30;            // rendered files kept this long (the delivery log re-opens them)
};

inline constexpr const char* kRetryKey = "retry";
RetryPolicy retry_policy(store::PushStore& s);  // the stored setting, or the defaults

class Outbox {
 public:
  explicit Outbox(store::Store& store);
  // One pass: claims and sends every due row; returns how many were sent.
  int run_once(int64_t now);
  const std::string& worker_id() const { return id_; }

 private:
  void send_one(const store::PushStore::Delivery& d);
  void notify_admins(const store::PushStore::Delivery& d, const std::string& error, int64_t now);
  store::Store& store_;
  std::string id_;
};

}  // namespace sl::jobs
