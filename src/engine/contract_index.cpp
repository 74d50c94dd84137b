#include "engine/contract_index.h"

#include <algorithm>

namespace sl::engine {

std::shared_ptr<const ContractIndex> build_contract_index(const ContractTable& t) {
  auto x = std::make_shared<ContractIndex>();
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
