// Publishes the current engine Snapshot. Readers take a shared_ptr and keep a consistent
// view for their whole request; a writer builds the next Snapshot off to the side and
// swaps it in atomically, so readers never block writers and never see half a write.
#pragma once
#include <atomic>
#include <memory>
#include <mutex>

#include "engine/snapshot.h"
#include "store/store.h"

namespace sl::api {

class SnapshotHolder {
 public:
  explicit SnapshotHolder(store::Store& store) : store_(store) {}

  std::shared_ptr<const engine::Snapshot> current() const { return current_.load(); }
  // Full rebuild from the store (start-up, bulk imports).
  void reload();
  // After a committed target write: reuse facts and dimensions, rebuild only the targets.
  void publish_targets();
  // After committed new contracts (with their store ids): append them to the next
  // Snapshot (engine::with_contracts), or rebuild when they cannot be appended.
  struct Published {
    int64_t version = 0;
    bool incremental = false;
    double ms = 0;
  };
  Published publish_contracts(const std::vector<model::Contract>& added);

 private:
  store::Store& store_;
  std::mutex writer_;  // one rebuild at a time, so versions are published in order
  std::atomic<std::shared_ptr<const engine::Snapshot>> current_;
};

}  // namespace sl::api
