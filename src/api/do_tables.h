// The D-area tables that other outputs than the page need (the pushed report, issue 14): the
// page's own column specs, so a report's table is the download's table.
#pragma once
#include <string>

#include "analytics/do/leaderboard.h"
#include "present/table.h"

namespace sl::api {

// The unit of a D4 ranking metric's value: money, a plain number, or a ratio.
present::Unit metric_unit(analytics::BoardMetric m);
// D4's "reps" or "regions" table (do_leaderboard_api.cpp).
present::Table board_table(const analytics::BoardResult& b, const std::string& table, analytics::BoardMetric m);

}  // namespace sl::api
