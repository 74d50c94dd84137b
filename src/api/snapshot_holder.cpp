#include "api/snapshot_holder.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <memory>
#include <thread>

namespace sl::api {

void SnapshotHolder::reload() {
  std::lock_guard lock(writer_);
  auto t0 = std::chrono::steady_clock::now();
  int64_t version = store_.data_version();
  auto data = std::make_unique<model::Dataset>(store_.load_dataset());
  auto next = engine::build_snapshot(*data, version);
  current_.store(next);
  // The data set is millions of small objects that the Snapshot no longer needs; freeing
  // them takes about a second at 10M lines, so a background thread does it while requests
  // are already answered.
  std::thread([d = std::move(data)]() mutable { d.reset(); }).detach();
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

SnapshotHolder::Published SnapshotHolder::publish_contracts(const std::vector<model::Contract>& added) {
  auto t0 = std::chrono::steady_clock::now();
  Published out;
  {
    std::lock_guard lock(writer_);
    auto prev = current_.load();
    out.version = store_.data_version();
    if (prev) {
      if (auto next = engine::with_contracts(*prev, added, out.version)) {
        current_.store(next);
        out.incremental = true;
      }
    }
  }
  if (!out.incremental) {
    spdlog::info("contracts could not be appended to the snapshot: rebuilding");
    reload();
  }
  out.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

}  // namespace sl::api
