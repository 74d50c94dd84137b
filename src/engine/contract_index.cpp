#include "engine/contract_index.h"

#include <algorithm>

namespace sl::engine {

namespace {

// The index holds a share of the settled-day column it was built from, so that buffer lives as
// long as the index: no later column can be given its address, and `settled_from` == the
// Snapshot's settled-day data means the very same column (appended to at most), never a
// recomputed one that happens to reuse freed memory.
struct HeldIndex : ContractIndex {
  Column<int32_t> held;
};

}  // namespace

std::shared_ptr<const ContractIndex> build_contract_index(const ContractTable& t) {
  auto x = std::make_shared<HeldIndex>();
  x->held = t.settled_day;
  const size_t n = t.size();
  x->contracts = n;
  x->settled_from = t.settled_day.data();
  for (size_t c = 0; c < n; ++c) {
    const int32_t day = c < t.settled_day.size() ? t.settled_day[c] : ContractTable::kNever;
    if (day == ContractTable::kNever)
      x->open.push_back(static_cast<uint32_t>(c));
    else
      x->last_settled = std::max(x->last_settled, day);
  }
  return x;
}

ContractRows unsettled_contracts(const ContractTable& t, const ContractIndex* x, int32_t as_of) {
  const bool applies = x && t.settled_day.data() == x->settled_from && t.settled_day.size() >= x->contracts &&
                       t.size() >= x->contracts && as_of >= x->last_settled;
  if (!applies) return {nullptr, 0, 0, t.size()};  // every contract
  return {x->open.data(), x->open.size(), x->contracts, t.size()};
}

}  // namespace sl::engine
