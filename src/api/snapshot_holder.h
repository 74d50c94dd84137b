// Publishes the current engine Snapshot. Readers take a shared_ptr and keep a consistent
// view for their whole request; a writer builds the next Snapshot off to the side and
// swaps it in atomically, so readers never block writers and never see half a write.
//
// Rebuilds coalesce: at most one is in flight, and every writer that needs one while it runs
// waits for the next, which covers all of them — so writers cannot make the server rebuild
// faster than one rebuild at a time, whatever they post. Handlers run on worker threads
// (http::Server), so neither a rebuild nor a wait for one holds an I/O thread.
#pragma once
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

#include "engine/snapshot.h"
#include "store/store.h"

namespace sl::api {

class SnapshotHolder {
 public:
  explicit SnapshotHolder(store::Store& store) : store_(store) {}

  std::shared_ptr<const engine::Snapshot> current() const { return current_.load(); }
  // Full rebuild from the store (start-up, bulk imports); returns when a Snapshot that
  // includes every write committed before the call is published (joining one in flight when
  // it started late enough, else starting the next).
  void reload();
  // After a committed target write: reuse facts and dimensions, rebuild only the targets.
  void publish_targets();
  // After committed new contracts (with their store ids): append them to the next
  // Snapshot (engine::with_contracts, which also inserts back-dated ones), or rebuild when
  // they cannot be appended.
  struct Published {
    int64_t version = 0;
    bool incremental = false;
    double ms = 0;
  };
  Published publish_contracts(const std::vector<model::Contract>& added);

  int64_t rebuilds() const { return rebuilds_.load(); }  // how many ran (tests, logs)

 private:
  // One full build and publish; the caller holds the rebuild turn. Returns the data version
  // the data set was read at.
  int64_t rebuild();

  store::Store& store_;
  std::mutex writer_;  // one publisher at a time, so versions are published in order
  std::atomic<std::shared_ptr<const engine::Snapshot>> current_;

  std::mutex turn_mu_;  // guards the two below
  std::condition_variable turn_cv_;
  bool rebuilding_ = false;
  // The data version the latest rebuild read at. Not the published Snapshot's version: an
  // append publishes the store's version without holding writes that needed a rebuild.
  int64_t rebuilt_at_ = -1;
  std::atomic<int64_t> rebuilds_{0};
};

}  // namespace sl::api
