// Id → position, for joining rows by id while a Snapshot is built. Ids from the store are
// row ids, nearly dense, so the index is normally a plain array (base + offset): at 10M
// contract lines, hashing was 10% of the cold start. Sparse ids fall back to a hash map.
#pragma once
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "core/ids.h"

namespace sl::engine {

class IdIndex {
 public:
  IdIndex() = default;
  // ids[i] → i; for a repeated id the first position wins.
  IdIndex(const Id* ids, size_t n);
  explicit IdIndex(const std::vector<Id>& ids) : IdIndex(ids.data(), ids.size()) {}
  // The position of id, or -1 (engine::kNone) when absent.
  int32_t find(Id id) const {
    if (!dense_) {
      auto it = sparse_.find(id);
      return it == sparse_.end() ? -1 : it->second;
    }
    if (id < base_ || id - base_ >= static_cast<Id>(slots_.size())) return -1;
    return slots_[static_cast<size_t>(id - base_)];
  }

 private:
  bool dense_ = true;
  Id base_ = 0;
  std::vector<int32_t> slots_;
  std::unordered_map<Id, int32_t> sparse_;
};

}  // namespace sl::engine
