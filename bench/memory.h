// Resident bytes of a Snapshot's columns, by part (vector capacities; strings counted by
// their heap buffers when they do not fit the small-string buffer).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "engine/snapshot.h"

namespace sl::bench {

std::vector<std::pair<std::string, size_t>> snapshot_bytes(const engine::Snapshot& s);

}  // namespace sl::bench
