// The metric-goal check of A1: once a resolution's due date has passed, measure its goal
// with the dashboards' analytics (analytics/act/metric_goal) and record met / not met.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "engine/snapshot.h"
#include "store/store.h"

namespace sl::jobs {

struct GoalCheckRun {
  int checked = 0;                  // goals measured and recorded in this run
  std::vector<std::string> errors;  // goals that could not be measured (e.g. unknown region)
};

// Checks every goal of a resolution that is not cancelled, whose due date lies before
// `today` and that has no check for its current due date yet. A goal is measured once, as
// of its due date, over the whole company's data (the goal's own scope limits it), so the
// answer does not depend on who runs the job. Goals that cannot be measured are recorded
// as not met with no value, and reported in errors.
GoalCheckRun check_due_goals(store::Store& store, const engine::Snapshot& snap, Date today, int64_t now);

}  // namespace sl::jobs
