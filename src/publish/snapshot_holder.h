// Every write to the analysed data goes through here: the store's transaction, then the next
// Snapshot published (appended to, or rebuilt, chosen in one place). Publishes the current
// engine Snapshot. Readers take a shared_ptr and keep a consistent
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
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "engine/snapshot.h"
#include "store/store.h"

namespace sl::publish {

class SnapshotHolder {
 public:
  explicit SnapshotHolder(store::Store& store) : store_(store) {}

  std::shared_ptr<const engine::Snapshot> current() const { return current_.load(); }
  // Full rebuild from the store (start-up, bulk imports); returns when a Snapshot that
  // includes every write committed before the call is published (joining one in flight when
  // it started late enough, else starting the next).
  void reload();
  // Write, then publish. Target changes (store::Store::save_targets, one transaction), then
  // a Snapshot with the new targets and the facts shared.
  void save_targets(const std::vector<store::TargetChange>& changes, Id user, int64_t at);
  // New contracts (store::Store::add_contracts: ids assigned, one transaction), then a
  // Snapshot with them appended (engine::with_contracts, which also inserts back-dated ones),
  // or rebuilt when they cannot be. `cs` gets the assigned ids.
  struct Published {
    int64_t version = 0;
    bool incremental = false;
    double ms = 0;
  };
  Published add_contracts(std::vector<model::Contract>& cs, Id user, int64_t at);
  // After committed new contracts (with their store ids), for writers that wrote them
  // themselves: append or rebuild, as add_contracts does.
  Published publish_contracts(const std::vector<model::Contract>& added);

  // A forecast submission (store::Store::add_forecast, one transaction with its audit row),
  // then a Snapshot with its row put in (engine::with_forecast), or rebuilt when it cannot be.
  // Returns the submission's id.
  Id add_forecast(model::Forecast f, Id user, int64_t at);
  // A new payment (store::Store::add_payment: id assigned, checked, one transaction), then a
  // Snapshot with it appended (engine::with_payments), or rebuilt when it cannot be. `p`
  // gets the assigned id.
  Published add_payment(model::Payment& p, Id user, int64_t at);

  // 商机维护: a new opportunity (store::Store::add_opportunity, one transaction with its first
  // stage event and audit row; `o` gets the id, and its history that event), or a stage move
  // (store::Store::move_opportunity), then a Snapshot with it appended (engine/
  // append_opportunity.h), or rebuilt when it cannot be.
  Published add_opportunity(model::Opportunity& o, Id user, int64_t at);
  Published move_opportunity(Id id, model::Stage to, Date on, const std::string& lost_reason, Date today, Id user,
                             int64_t at);

  int64_t rebuilds() const { return rebuilds_.load(); }  // how many ran (tests, logs)

  // Called with the version of every Snapshot published, on the publishing thread, after the
  // swap (the alert check waits on it instead of polling; issue 15). Keep them quick: a wake-up.
  // Register before the writers start.
  void on_publish(std::function<void(int64_t version)> listener);
  // Another server committed `version` (store::Store::watch_data): rebuilds unless the last
  // rebuild read at or after it, as a cold start does, published atomically (the notification names a
  // version, not the rows, so there is nothing to append from); coalesced with other rebuilds.
  void catch_up(int64_t version);

 private:
  // One full build and publish; the caller holds the rebuild turn. Returns the data version
  // the data set was read at.
  int64_t rebuild();
  // Publish what `append` makes of the current Snapshot at the given data version (the
  // Snapshot itself when it already holds the write; null when the engine cannot append),
  // or rebuild when there is no Snapshot or append gives null. `what` names it in the log.
  using Append = std::function<std::shared_ptr<const engine::Snapshot>(
      const std::shared_ptr<const engine::Snapshot>& prev, int64_t version)>;
  Published publish_appended(const char* what, const Append& append);

  void publish(std::shared_ptr<const engine::Snapshot> next);  // swap in, then tell the listeners

  store::Store& store_;
  std::mutex listeners_mu_;
  std::vector<std::function<void(int64_t)>> listeners_;
  std::mutex writer_;           // one publisher at a time, so versions are published in order
  std::mutex contract_writes_;  // add_contracts, add_payment, opportunities: store write and publish in one order
  std::atomic<std::shared_ptr<const engine::Snapshot>> current_;

  std::mutex turn_mu_;  // guards the two below
  std::condition_variable turn_cv_;
  bool rebuilding_ = false;
  // The data version the latest rebuild read at. Not the published Snapshot's version: an
  // append publishes the store's version without holding writes that needed a rebuild.
  int64_t rebuilt_at_ = -1;
  std::atomic<int64_t> rebuilds_{0};
};

}  // namespace sl::publish
