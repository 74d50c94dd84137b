// The D4 page (leaderboard) as a report document, from its result and its own tables (the
// page's column specs, api::board_table, built by the caller: jobs/ does not include api/).
// In push's page registry this is the D4 entry, as doc_progress.h is D3's.
#pragma once
#include <vector>

#include "analytics/do/leaderboard.h"
#include "jobs/render/doc_progress.h"

namespace sl::jobs::render {

ReportDoc leaderboard_doc(const analytics::BoardResult& b, std::vector<present::Table> tables,
                          analytics::BoardMetric metric, present::Unit unit, const Period& period, Date as_of,
                          const DocContext& ctx);

}  // namespace sl::jobs::render
