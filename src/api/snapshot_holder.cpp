#include "api/snapshot_holder.h"

#include <spdlog/spdlog.h>

#include <chrono>

namespace sl::api {

void SnapshotHolder::reload() {
  std::lock_guard lock(writer_);
  auto t0 = std::chrono::steady_clock::now();
  int64_t version = store_.data_version();
  auto next = engine::build_snapshot(store_.load_dataset(), version);
  current_.store(next);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  spdlog::info("snapshot v{} built: {} contracts, {} payments in {} ms", version, next->facts->sales.size(),
               next->facts->collections.size(), ms);
}

void SnapshotHolder::publish_targets() {
  std::lock_guard lock(writer_);
  auto prev = current_.load();
  if (!prev) return;
  int64_t version = store_.data_version();
  current_.store(engine::with_targets(*prev, store_.load_targets(), version));
}

}  // namespace sl::api
