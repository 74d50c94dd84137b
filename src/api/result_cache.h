// Dashboard results by (Snapshot version, caller scope, parameters). An analytics result
// is a pure function of those three and a Snapshot never changes, so a result computed
// once can answer every later request with the same key until a write publishes the next
// Snapshot: the whole team opening the same 大区 dashboard in the morning costs one
// computation. Only the analytics result is kept; what a handler adds from the store
// (anomaly acknowledgements, to-dos) is read fresh on every request.
//
// Bounded: least recently used entries go first; entries of older Snapshots are dropped as
// soon as a newer version is seen. Thread-safe; two identical requests racing may both
// compute (no lock is held while computing). Errors thrown by compute are not cached.
#pragma once
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "engine/scope.h"

namespace sl::api {

class ResultCache {
 public:
  explicit ResultCache(size_t capacity = 512) : capacity_(capacity) {}

  // kind names the result type (one kind, one T); params must name every input of compute.
  template <class T, class F>
  std::shared_ptr<const T> get(int64_t version, const engine::Scope& scope, const std::string& kind,
                               const std::string& params, F&& compute) {
    std::string k = key(scope, kind, params);
    if (auto hit = find(version, k)) return std::static_pointer_cast<const T>(hit);
    auto made = std::make_shared<const T>(compute());
    put(version, std::move(k), made);
    return made;
  }

  // 0 turns the cache off (every request computes), for measuring the uncached path.
  void set_capacity(size_t capacity);
  size_t capacity() const;
  size_t size() const;
  uint64_t hits() const;
  uint64_t misses() const;

 private:
  static std::string key(const engine::Scope& scope, const std::string& kind, const std::string& params);
  std::shared_ptr<const void> find(int64_t version, const std::string& key);
  void put(int64_t version, std::string key, std::shared_ptr<const void> value);
  void drop_older(int64_t version);  // with mu_ held

  struct Entry {
    std::shared_ptr<const void> value;
    std::list<std::string>::iterator order;
  };
  size_t capacity_;
  mutable std::mutex mu_;
  int64_t version_ = INT64_MIN;  // entries all belong to this Snapshot version
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> order_;  // most recently used first
  uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace sl::api
