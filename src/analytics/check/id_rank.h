// Ranks of n items in the order of their ids, for sort keys that break ties by id without
// holding the 8-byte id: empty when the ids already ascend with the position (customers and
// reps as a Snapshot loads them), so the position itself is the rank.
#pragma once
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

namespace sl::analytics {

template <class IdOf>
std::vector<uint32_t> id_ranks(size_t n, IdOf id) {
  bool ascending = true;
  for (size_t i = 1; i < n && ascending; ++i) ascending = id(i - 1) < id(i);
  if (ascending) return {};
  std::vector<uint32_t> by_id(n), rank(n);
  std::iota(by_id.begin(), by_id.end(), 0u);
  std::sort(by_id.begin(), by_id.end(), [&](uint32_t a, uint32_t b) { return id(a) < id(b); });
  for (size_t k = 0; k < n; ++k) rank[by_id[k]] = static_cast<uint32_t>(k);
  return rank;
}

}  // namespace sl::analytics
