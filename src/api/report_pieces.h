// What the per-page report declarations (src/api/report_*.cpp) share: reading a
// subscription's page parameters and naming the recipient's scope (figures are formatted by
// jobs/render/number_text.h). Each page file
// registers its builder with jobs::register_report in its add_…_report function.
#pragma once
#include <boost/json.hpp>
#include <string>

#include "core/money.h"
#include "jobs/push/reports.h"

namespace sl::api {

std::string param_text(const boost::json::object& params, const char* name);  // "" when absent
// A positive id parameter; 0 when absent; 422 on "params.<name>" otherwise.
int64_t param_id(const boost::json::object& params, const char* name);
// The recipient's scope in words: "全公司" / a region's name / a rep's name.
std::string scope_label(const jobs::ReportInput& in, bool zh);

// Registers every page's report (called once with the routes).
void add_reports();
void add_progress_report();
void add_leaderboard_report();

}  // namespace sl::api
