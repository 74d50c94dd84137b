#include "publish/snapshot_holder.h"

#include "engine/append_forecast.h"
#include "engine/append_opportunity.h"

#include <malloc.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <thread>

namespace sl::publish {

void SnapshotHolder::on_publish(std::function<void(int64_t)> listener) {
  std::lock_guard lock(listeners_mu_);
  listeners_.push_back(std::move(listener));
}

void SnapshotHolder::publish(std::shared_ptr<const engine::Snapshot> next) {
  const int64_t version = next->version;
  current_.store(std::move(next));
  std::lock_guard lock(listeners_mu_);
  for (const auto& l : listeners_) l(version);
}

void SnapshotHolder::catch_up(int64_t version) {
  {
    // Not the published version: an append of this server's own write publishes the store's
    // version, which may already count another server's write that it does not hold. Only a
    // rebuild that read at or after `version` holds every write up to it.
    std::lock_guard lk(turn_mu_);
    if (rebuilds_ > 0 && rebuilt_at_ >= version) return;
  }
  reload();
}

int64_t SnapshotHolder::rebuild() {
  std::lock_guard lock(writer_);
  auto t0 = std::chrono::steady_clock::now();
  auto data = std::make_unique<model::Dataset>(store_.load_dataset());
  // The version the data set was read at, in the same read transaction: a Snapshot never
  // claims a version whose writes it does not hold.
  const int64_t version = data->data_version ? data->data_version : store_.data_version();
  auto next = engine::build_snapshot(*data, version);
  // Published versions only grow: this one was read after every earlier publish (writer_).
  publish(next);
  ++rebuilds_;
  // The data set is millions of small objects that the Snapshot no longer needs; freeing
  // them takes about a second at 10M lines, so a background thread does it while requests
  // are already answered.
  std::thread([d = std::move(data)]() mutable {
    d.reset();
    // glibc keeps the freed heap of the data set (and of earlier Snapshots) in its arenas:
    // hand it back, or a server that rebuilds holds several times the memory it uses.
    malloc_trim(0);
  }).detach();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  spdlog::info("snapshot v{} built: {} contracts, {} payments in {} ms", version, next->facts->sales.size(),
               next->facts->collections.size(), ms);
  return version;
}

void SnapshotHolder::reload() {
  const int64_t want = store_.data_version();  // every write committed before this call
  std::unique_lock lk(turn_mu_);
  // Wait out a rebuild in flight: when it read at or after `want` it covers us; otherwise the
  // next one does — ours, or another waiter's that began after we asked.
  turn_cv_.wait(lk, [&] { return !rebuilding_; });
  if (rebuilt_at_ >= want && rebuilds_ > 0) return;
  rebuilding_ = true;
  lk.unlock();
  int64_t read_at = -1;
  try {
    read_at = rebuild();
  } catch (...) {
    lk.lock();
    rebuilding_ = false;
    turn_cv_.notify_all();
    throw;
  }
  lk.lock();
  rebuilt_at_ = std::max(rebuilt_at_, read_at);
  rebuilding_ = false;
  turn_cv_.notify_all();
}

void SnapshotHolder::save_targets(const std::vector<store::TargetChange>& changes, Id user, int64_t at) {
  store_.save_targets(changes, user, at);
  std::lock_guard lock(writer_);
  auto prev = current_.load();
  if (!prev) return;
  int64_t version = store_.data_version();
  publish(engine::with_targets(*prev, store_.load_targets(), version));
}

Id SnapshotHolder::add_forecast(model::Forecast f, Id user, int64_t at) {
  std::shared_ptr<const engine::Snapshot> next;
  {
    std::lock_guard order(contract_writes_);  // ids in commit order, published in that order
    f.id = store_.add_forecast(f, user, at);
    const int64_t committed = store_.data_version();  // at or after this write's version
    std::lock_guard lock(writer_);
    auto prev = current_.load();
    // No Snapshot yet, or a rebuild that read after the commit already holds the row.
    if (!prev || prev->version >= committed) return f.id;
    next = engine::with_forecast(*prev, f, committed);
    if (next) publish(next);
  }
  if (!next) reload();
  return f.id;
}

SnapshotHolder::Published SnapshotHolder::add_contracts(std::vector<model::Contract>& cs, Id user, int64_t at) {
  // The store assigns ids in commit order; publishing in the same order keeps every append an
  // append (a later id published first would leave the earlier one to a rebuild). Contract
  // writes are one at a time in the store anyway.
  std::lock_guard order(contract_writes_);
  const auto ids = store_.add_contracts(cs, user, at);
  for (size_t i = 0; i < cs.size(); ++i) cs[i].id = ids.at(i);
  return publish_contracts(cs);
}

SnapshotHolder::Published SnapshotHolder::publish_contracts(const std::vector<model::Contract>& added) {
  return publish_appended("contracts",
                          [&added](const std::shared_ptr<const engine::Snapshot>& prev,
                                   int64_t version) -> std::shared_ptr<const engine::Snapshot> {
                            // A rebuild that ran after the commit already holds these contracts: nothing to add
                            // (appending them again would count them twice).
                            const auto& ids = prev->facts->contracts.id;
                            std::vector<model::Contract> missing;
                            for (const auto& c : added)
                              if (!std::binary_search(ids.begin(), ids.end(), c.id)) missing.push_back(c);
                            if (missing.empty()) return prev;
                            return engine::with_contracts(*prev, std::move(missing), version);
                          });
}

SnapshotHolder::Published SnapshotHolder::add_payment(model::Payment& p, Id user, int64_t at) {
  // Payment ids are assigned in commit order and appended in that order (with_payments skips
  // what a rebuild already read): one writer at a time, store write and publish together.
  std::lock_guard order(contract_writes_);
  p.id = store_.add_payment(p, user, at);
  return publish_appended("a payment", [&p](const std::shared_ptr<const engine::Snapshot>& prev, int64_t version) {
    return engine::with_payments(*prev, {p}, version);
  });
}

SnapshotHolder::Published SnapshotHolder::add_opportunity(model::Opportunity& o, Id user, int64_t at) {
  // Ids in commit order, appended in that order (with_opportunity takes only a higher id).
  std::lock_guard order(contract_writes_);
  o.id = store_.add_opportunity(o, user, at);
  o.history = {{o.stage, o.created}};  // the first stage event the store wrote
  return publish_appended("an opportunity", [&o](const std::shared_ptr<const engine::Snapshot>& prev, int64_t version) {
    return engine::with_opportunity(prev, o, version);
  });
}

SnapshotHolder::Published SnapshotHolder::move_opportunity(Id id, model::Stage to, Date on,
                                                           const std::string& lost_reason, Date today, Id user,
                                                           int64_t at) {
  std::lock_guard order(contract_writes_);
  store_.move_opportunity(id, to, on, lost_reason, today, user, at);
  return publish_appended("a stage move", [&](const std::shared_ptr<const engine::Snapshot>& prev, int64_t version) {
    return engine::with_stage_move(prev, id, to, on, version);
  });
}

SnapshotHolder::Published SnapshotHolder::publish_appended(const char* what, const Append& append) {
  auto t0 = std::chrono::steady_clock::now();
  Published out;
  {
    std::lock_guard lock(writer_);
    auto prev = current_.load();
    out.version = store_.data_version();
    if (prev) {
      if (auto next = append(prev, std::max(out.version, prev->version))) {
        // The row lists (engine/row_index.h) and the (rep, month) sums (engine/rep_month_sums.h)
        // cover the rows they were built with; rebuilt here when an append moved a column they
        // read or their tail grew long.
        if (next != prev)
          next = engine::with_fresh_rep_month_sums(engine::with_fresh_row_index(next)), publish(next);
        out.version = next->version;
        out.incremental = true;
      }
    }
  }
  if (!out.incremental) {
    spdlog::info("{} could not be appended to the snapshot: rebuilding", what);
    reload();
    out.version = current_.load()->version;
  }
  out.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

}  // namespace sl::publish
