// The target-entry grid (目标填报): which rows a caller may see and edit for a year,
// shared by the GET, PUT and audit handlers so they agree on permissions.
#pragma once
#include <string>
#include <vector>

#include "api/context.h"

namespace sl::api {

struct GridSpec {
  int year = 0;
  model::TargetMetric metric = model::TargetMetric::sales;
  model::OwnerKind owner = model::OwnerKind::rep;  // region: 大区 rows; rep: rep rows
  int32_t parent = engine::kNone;                  // region index of the reference row
  std::vector<int32_t> rows;                       // region or rep indexes
  Month locked_before;                             // months before this are read-only
};

// Validates year/metric/owner/region against the caller's role and scope: reps get 403,
// managers only rep rows of their own subtree, executives and admins everything.
GridSpec grid_spec(const Caller& c, Date today, const std::string& year, const std::string& metric,
                   const std::string& owner, const std::string& region);

}  // namespace sl::api
