// Answers derived from a Snapshot's facts, computed on first use and kept for the next
// request: what is the same for every request of a morning (D1's class A customers as of a
// day: one pass over the company's sales, the same for every rep's cockpit).
//
// One Memo per Facts lineage: the Facts of later Snapshots are copies that share it (like
// the columns). So an entry must check that it still applies to the Facts it is asked for:
// it holds shares of the columns it was built from (their buffers cannot be freed and
// reused while it lives) and compares their addresses and its row count with the table's.
// An entry that does not apply is built again and replaces the old one.
//
// Thread-safe; building runs under the lock, so concurrent requests for the same entry
// build it once (the others wait for it).
#pragma once
#include <algorithm>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sl::engine {

class Memo {
 public:
  static constexpr size_t kMaxEntries = 8;

  // The entry under key when valid(entry) holds, else build() stored under key (the least
  // recently used entry dropped past kMaxEntries). T: the entry's type, the same for a key.
  template <class T, class Valid, class Build>
  std::shared_ptr<const T> get(const std::string& key, Valid valid, Build build) const {
    std::lock_guard lock(mutex_);
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].key != key) continue;
      auto hit = std::static_pointer_cast<const T>(entries_[i].value);
      if (valid(*hit)) {
        std::rotate(entries_.begin(), entries_.begin() + static_cast<std::ptrdiff_t>(i),
                    entries_.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        return hit;
      }
      entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
    std::shared_ptr<const T> made = build();
    entries_.insert(entries_.begin(), Entry{key, made});
    if (entries_.size() > kMaxEntries) entries_.pop_back();
    return made;
  }

  size_t size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
  }

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const void> value;
  };
  mutable std::mutex mutex_;
  mutable std::vector<Entry> entries_;  // most recently used first
};

}  // namespace sl::engine
