// The analytics call behind each dashboard request (D3 progress, D2 process for a month, a
// quarter and a year, D1 cockpit, D4 leaderboard and per-capita; the C pages C1–C4 and the
// customer profile), at company scope and at one manager's scope: what a request costs
// without HTTP, to find where request time goes.
#pragma once
#include <vector>

#include "bench/workload.h"

namespace sl::bench {

// Each query returns one row: a checksum of its result, so nothing is optimised away.
std::vector<Query> request_workload(const engine::Snapshot& s, Date as_of, Id manager_region);

}  // namespace sl::bench
