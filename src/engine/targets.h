// Monthly targets as a dense cube: metric × owner slot × month. Owner slots are
// 0 = company, 1..R = regions by index, R+1.. = reps by index. Cells hold kNoTarget
// where no target was set, which D3 reports differently from a target of 0.
#pragma once
#include <cstdint>
#include <limits>
#include <vector>

#include "engine/dims.h"
#include "model/entities.h"

namespace sl::engine {

constexpr int64_t kNoTarget = std::numeric_limits<int64_t>::min();

class TargetCube {
 public:
  TargetCube() = default;
  TargetCube(const Dims& dims, const std::vector<model::Target>& targets);

  // Σ of the set targets over months [from, to]; nullopt when none of them is set.
  std::optional<int64_t> sum(model::TargetMetric m, int32_t slot, Month from, Month to) const;
  int64_t get(model::TargetMetric m, int32_t slot, Month month) const;  // kNoTarget if unset

  int32_t company_slot() const { return 0; }
  int32_t region_slot(int32_t region) const { return 1 + region; }
  int32_t rep_slot(int32_t rep) const { return 1 + regions_ + rep; }

 private:
  size_t cell(int metric, int32_t slot, int32_t month_offset) const;
  int32_t regions_ = 0, slots_ = 0;
  Month first_{0};
  int32_t months_ = 0;
  std::vector<int64_t> values_;
};

}  // namespace sl::engine
