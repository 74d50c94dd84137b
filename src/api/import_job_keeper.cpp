#include "api/import_job_keeper.h"

#include <spdlog/spdlog.h>

#include <chrono>

namespace sl::api {

namespace {
constexpr auto kRetry = std::chrono::milliseconds(100);  // after a write refused (the database busy)
}

ImportJobKeeper::ImportJobKeeper(store::Store& store) : store_(store), thread_([this] { loop(); }) {}

ImportJobKeeper::~ImportJobKeeper() {
  {
    std::lock_guard lk(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void ImportJobKeeper::keep(Record r) {
  {
    std::lock_guard lk(mu_);
    const Id id = r.id;
    pending_[id] = Entry{++seq_, std::move(r)};
  }
  wake_.notify_all();
}

std::vector<ImportJobKeeper::Record> ImportJobKeeper::pending() const {
  std::lock_guard lk(mu_);
  std::vector<Record> out;
  for (const auto& [id, e] : pending_) out.push_back(e.record);
  return out;
}

void ImportJobKeeper::flush() {
  std::unique_lock lk(mu_);
  idle_.wait(lk, [&] { return pending_.empty(); });
}

void ImportJobKeeper::loop() {
  std::unique_lock lk(mu_);
  std::chrono::steady_clock::time_point deadline{};
  bool warned = false;
  for (;;) {
    wake_.wait(lk, [&] { return stop_ || !pending_.empty(); });
    if (pending_.empty()) break;  // stopping, nothing left
    if (stop_ && deadline == std::chrono::steady_clock::time_point{})
      deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kFlushSeconds);
    const auto [id, entry] = *pending_.begin();
    lk.unlock();
    bool written = false;
    try {
      store_.save_import_job(entry.record);
      written = true;
    } catch (const std::exception& e) {  // the list is a convenience: an import never fails for it
      if (!warned) spdlog::warn("import {}: its state could not be kept yet (will retry): {}", id, e.what());
      warned = true;
    }
    lk.lock();
    if (written) {
      warned = false;
      if (auto it = pending_.find(id); it != pending_.end() && it->second.seq == entry.seq) pending_.erase(it);
      if (pending_.empty()) idle_.notify_all();
      continue;
    }
    if (stop_ && std::chrono::steady_clock::now() >= deadline) {
      spdlog::warn("{} import job state(s) not kept: the database stayed busy", pending_.size());
      pending_.clear();
      idle_.notify_all();
      break;
    }
    wake_.wait_for(lk, kRetry, [&] { return false; });
  }
}

}  // namespace sl::api
