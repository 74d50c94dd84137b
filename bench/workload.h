// The dashboard workload of issue 3 on salesloop's engine: D3 target progress (sales by
// rep this month), D2 (bids won, contract lines signed, collections by month × 大区, this
// year and last), C1 aging, C2 RFM segments, C3 customer flow and Pareto — each query's
// answer flattened to integer rows so it can be compared with the SQL systems' rows.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "engine/snapshot.h"

namespace sl::bench {

using Rows = std::vector<std::vector<int64_t>>;

struct Query {
  Query(std::string n, std::function<Rows()> r, std::function<Rows()> rs = {})
      : name(std::move(n)), run(std::move(r)), rows(std::move(rs)) {}
  std::string name;  // e.g. "c2_rfm@mgr"
  std::function<Rows()> run;
  // When set, the rows printed: computed once after the timed runs from what the last run
  // kept (a C request's digest of every figure costs more than some requests themselves).
  std::function<Rows()> rows;
};

// Company scope ("@all") and the manager of region `manager_region` ("@mgr"), as of as_of.
std::vector<Query> engine_workload(const engine::Snapshot& s, Date as_of, Id manager_region);

// The floor: for each query, the plainest single-threaded loop over the same columns it
// reads (no scope object, no result shaping). Returns a checksum so nothing is optimised out.
std::vector<Query> floor_workload(const engine::Snapshot& s, Date as_of, Id manager_region);

}  // namespace sl::bench
