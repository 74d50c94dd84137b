#include "engine/id_index.h"

#include <algorithm>

namespace sl::engine {

IdIndex::IdIndex(const Id* ids, size_t n) {
  if (n == 0) return;
  auto [lo, hi] = std::minmax_element(ids, ids + n);
  // An array is used for non-negative ids while it costs at most ~4 slots per id.
  const Id span = *lo >= 0 ? *hi - *lo + 1 : 0;
  dense_ = span > 0 && span <= static_cast<Id>(4 * n + 1024);
  if (dense_) {
    base_ = *lo;
    slots_.assign(static_cast<size_t>(span), -1);
    for (size_t i = n; i-- > 0;) slots_[static_cast<size_t>(ids[i] - base_)] = static_cast<int32_t>(i);
    return;
  }
  sparse_.reserve(n);
  for (size_t i = 0; i < n; ++i) sparse_.try_emplace(ids[i], static_cast<int32_t>(i));
}

}  // namespace sl::engine
