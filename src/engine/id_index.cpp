#include "engine/id_index.h"

#include <algorithm>

namespace sl::engine {

IdIndex::IdIndex(const std::vector<Id>& ids) {
  if (ids.empty()) return;
  auto [lo, hi] = std::minmax_element(ids.begin(), ids.end());
  // An array is used for non-negative ids while it costs at most ~4 slots per id.
  const Id span = *lo >= 0 ? *hi - *lo + 1 : 0;
  dense_ = span > 0 && span <= static_cast<Id>(4 * ids.size() + 1024);
  if (dense_) {
    base_ = *lo;
    slots_.assign(static_cast<size_t>(span), -1);
    for (size_t i = ids.size(); i-- > 0;) slots_[static_cast<size_t>(ids[i] - base_)] = static_cast<int32_t>(i);
    return;
  }
  sparse_.reserve(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) sparse_.try_emplace(ids[i], static_cast<int32_t>(i));
}

}  // namespace sl::engine
