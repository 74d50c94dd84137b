#include "api/result_cache.h"

namespace sl::api {

std::string ResultCache::key(const engine::Scope& scope, const std::string& kind, const std::string& params) {
  // A Scope is fully determined by these three (scope_all / scope_region / scope_rep / scope_none).
  return kind + "|" +
         (scope.everything ? "all" : "r" + std::to_string(scope.root_region) + "p" + std::to_string(scope.own_rep)) +
         "|" + params;
}

void ResultCache::drop_older(int64_t version) {
  if (version <= version_) return;
  entries_.clear();
  order_.clear();
  version_ = version;
}

std::shared_ptr<const void> ResultCache::find(int64_t version, const std::string& key) {
  std::lock_guard lock(mu_);
  drop_older(version);
  auto it = version == version_ ? entries_.find(key) : entries_.end();
  if (it == entries_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  order_.splice(order_.begin(), order_, it->second.order);
  return it->second.value;
}

void ResultCache::put(int64_t version, std::string key, std::shared_ptr<const void> value) {
  std::lock_guard lock(mu_);
  drop_older(version);
  if (version != version_ || capacity_ == 0) return;  // a request still reading an older Snapshot
  if (auto it = entries_.find(key); it != entries_.end()) {
    it->second.value = std::move(value);
    order_.splice(order_.begin(), order_, it->second.order);
    return;
  }
  order_.push_front(key);
  entries_.emplace(std::move(key), Entry{std::move(value), order_.begin()});
  while (entries_.size() > capacity_) {
    entries_.erase(order_.back());
    order_.pop_back();
  }
}

size_t ResultCache::capacity() const {
  std::lock_guard lock(mu_);
  return capacity_;
}

void ResultCache::set_capacity(size_t capacity) {
  std::lock_guard lock(mu_);
  capacity_ = capacity;
  while (entries_.size() > capacity_) {
    entries_.erase(order_.back());
    order_.pop_back();
  }
}

size_t ResultCache::size() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}
uint64_t ResultCache::hits() const {
  std::lock_guard lock(mu_);
  return hits_;
}
uint64_t ResultCache::misses() const {
  std::lock_guard lock(mu_);
  return misses_;
}

}  // namespace sl::api
