// Dimension tables of a Snapshot: regions and reps, addressed by dense indexes so that
// group-by is an array lookup. Ids from the store map to indexes once, at build time.
#pragma once
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/entities.h"

namespace sl::engine {

constexpr int32_t kNone = -1;

struct Dims {
  // Regions in id order. parent/top are indexes (kNone at the root).
  std::vector<Id> region_id;
  std::vector<std::string> region_name;
  std::vector<int32_t> region_parent;
  std::vector<int8_t> region_level;
  std::vector<int32_t> region_top;  // the level-1 ancestor (大区), or self / kNone above it
  int32_t company = kNone;          // the root region (level 0)

  // Reps in id order.
  std::vector<Id> rep_id;
  std::vector<std::string> rep_name;
  std::vector<std::string> rep_employee_no;  // 工号: tells same-named reps apart
  std::vector<int32_t> rep_region;  // index into regions
  std::vector<Date> rep_hire;
  std::vector<std::optional<Date>> rep_leave;

  std::unordered_map<Id, int32_t> region_index, rep_index;

  int32_t region_count() const { return static_cast<int32_t>(region_id.size()); }
  int32_t rep_count() const { return static_cast<int32_t>(rep_id.size()); }
  int32_t find_region(Id id) const;  // kNone when unknown
  int32_t find_rep(Id id) const;
  // True when region r lies in the subtree rooted at region root (r == root included).
  bool in_subtree(int32_t r, int32_t root) const;
  // Regions of a given level, in id order.
  std::vector<int32_t> regions_at_level(int level) const;
  // True when the rep was employed on some day of [first, last].
  bool rep_active(int32_t rep, Date first, Date last) const;
};

Dims build_dims(const std::vector<model::Region>& regions, const std::vector<model::Rep>& reps);

}  // namespace sl::engine
