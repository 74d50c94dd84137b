// What the per-page report declarations (src/api/report_*.cpp) share: reading a
// subscription's page parameters and formatting figures for a ReportDoc. Each page file
// registers its builder with jobs::register_report in its add_…_report function.
#pragma once
#include <boost/json.hpp>
#include <string>

#include "core/money.h"
#include "jobs/push/reports.h"

namespace sl::api {

std::string param_text(const boost::json::object& params, const char* name);  // "" when absent
std::string money_text(int64_t fen, Lang lang);  // "1,234.5 万元" / "¥12,345,678"
std::string percent_text(double ratio);          // "82.4%"
// The recipient's scope in words: "全公司" / a region's name / a rep's name.
std::string scope_label(const jobs::ReportInput& in, bool zh);

// Registers every page's report (called once with the routes).
void add_reports();
void add_progress_report();

}  // namespace sl::api
