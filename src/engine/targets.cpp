#include "engine/targets.h"

#include <algorithm>

namespace sl::engine {

namespace {
constexpr int kMetrics = 4;
}

TargetCube::TargetCube(const Dims& dims, const std::vector<model::Target>& targets)
    : regions_(dims.region_count()), slots_(1 + dims.region_count() + dims.rep_count()) {
  if (targets.empty()) return;
  auto [lo, hi] =
      std::minmax_element(targets.begin(), targets.end(), [](auto& a, auto& b) { return a.month < b.month; });
  first_ = lo->month;
  months_ = hi->month.index - lo->month.index + 1;
  values_.assign(static_cast<size_t>(kMetrics) * slots_ * months_, kNoTarget);
  for (const auto& t : targets) {
    int32_t slot = -1;
    switch (t.owner_kind) {
      case model::OwnerKind::company: slot = company_slot(); break;
      case model::OwnerKind::region: {
        int32_t r = dims.find_region(t.owner_id);
        if (r != kNone) slot = region_slot(r);
        break;
      }
      case model::OwnerKind::rep: {
        int32_t p = dims.find_rep(t.owner_id);
        if (p != kNone) slot = rep_slot(p);
        break;
      }
    }
    if (slot < 0) continue;  // owner unknown to this snapshot: ignore, as the FK forbids it
    values_[cell(static_cast<int>(t.metric), slot, t.month.index - first_.index)] = t.value;
  }
}

size_t TargetCube::cell(int metric, int32_t slot, int32_t off) const {
  return (static_cast<size_t>(metric) * slots_ + slot) * months_ + off;
}

int64_t TargetCube::get(model::TargetMetric m, int32_t slot, Month month) const {
  int32_t off = month.index - first_.index;
  if (off < 0 || off >= months_ || slot < 0 || slot >= slots_) return kNoTarget;
  return values_[cell(static_cast<int>(m), slot, off)];
}

std::optional<int64_t> TargetCube::sum(model::TargetMetric m, int32_t slot, Month from, Month to) const {
  bool any = false;
  int64_t total = 0;
  for (Month x = from; x <= to; x.index++) {
    int64_t v = get(m, slot, x);
    if (v == kNoTarget) continue;
    any = true;
    total += v;
  }
  if (!any) return std::nullopt;
  return total;
}

}  // namespace sl::engine
