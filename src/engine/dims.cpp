#include "engine/dims.h"

#include <algorithm>
#include <stdexcept>

namespace sl::engine {

int32_t Dims::find_region(Id id) const {
  auto it = region_index.find(id);
  return it == region_index.end() ? kNone : it->second;
}

int32_t Dims::find_rep(Id id) const {
  auto it = rep_index.find(id);
  return it == rep_index.end() ? kNone : it->second;
}

bool Dims::in_subtree(int32_t r, int32_t root) const {
  // Regions form a shallow tree (company → 大区 → 省), so walking up is cheap.
  for (int guard = 0; r != kNone && guard < 64; ++guard, r = region_parent[r])
    if (r == root) return true;
  return false;
}

std::vector<int32_t> Dims::regions_at_level(int level) const {
  std::vector<int32_t> out;
  for (int32_t r = 0; r < region_count(); ++r)
    if (region_level[r] == level) out.push_back(r);
  return out;
}

bool Dims::rep_active(int32_t rep, Date first, Date last) const {
  if (rep_hire[rep] > last) return false;
  return !rep_leave[rep] || *rep_leave[rep] >= first;
}

Dims build_dims(const std::vector<model::Region>& regions_in, const std::vector<model::Rep>& reps_in) {
  Dims d;
  auto regions = regions_in;
  std::sort(regions.begin(), regions.end(), [](auto& a, auto& b) { return a.id < b.id; });
  for (const auto& r : regions) {
    d.region_index[r.id] = d.region_count();
    d.region_id.push_back(r.id);
    d.region_name.push_back(r.name);
    d.region_level.push_back(static_cast<int8_t>(r.level));
  }
  for (const auto& r : regions) {
    int32_t parent = r.parent == 0 ? kNone : d.find_region(r.parent);
    if (r.parent != 0 && parent == kNone) throw std::runtime_error("region parent missing");
    d.region_parent.push_back(parent);
    if (r.level == 0 && d.company == kNone) d.company = d.region_index[r.id];
  }
  d.region_top.assign(regions.size(), kNone);
  for (int32_t i = 0; i < d.region_count(); ++i) {
    int32_t r = i;
    while (r != kNone && d.region_level[r] > 1) r = d.region_parent[r];
    d.region_top[i] = (r != kNone && d.region_level[r] == 1) ? r : kNone;
  }

  auto reps = reps_in;
  std::sort(reps.begin(), reps.end(), [](auto& a, auto& b) { return a.id < b.id; });
  for (const auto& p : reps) {
    d.rep_index[p.id] = d.rep_count();
    d.rep_id.push_back(p.id);
    d.rep_name.push_back(p.name);
    d.rep_employee_no.push_back(p.employee_no);
    d.rep_region.push_back(d.find_region(p.region));
    d.rep_hire.push_back(p.hire_date);
    d.rep_leave.push_back(p.leave_date);
  }
  return d;
}

}  // namespace sl::engine
