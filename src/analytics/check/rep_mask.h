// The Scope's visible reps as one byte per rep index, resolved once per call so the C kernels'
// hot loops read a flat array (the Scope's vector<bool> costs a bounds check and a bit shift).
#pragma once
#include <cstdint>
#include <vector>

#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

inline std::vector<uint8_t> visible_reps(const engine::Snapshot& s, const engine::Scope& scope) {
  std::vector<uint8_t> v(static_cast<size_t>(s.dims->rep_count()), 0);
  for (int32_t r = 0; r < s.dims->rep_count(); ++r) v[static_cast<size_t>(r)] = scope.sees_rep(r);
  return v;
}

}  // namespace sl::analytics
