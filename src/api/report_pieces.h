// What the per-page report declarations (src/api/report_*.cpp) share: reading a subscription's
// page parameters, running the page for the recipient (run_page: the page's own parameters,
// scope, result and tables), reading figures of its answer, and the frame, KPI cards and charts
// of a report (figures formatted by present/cell_text.h, the one formatter). Each area file
// registers its builders with jobs::register_report in its add_…_reports function.
#pragma once
#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/context.h"
#include "api/page.h"
#include "core/money.h"
#include "jobs/push/reports.h"
#include "jobs/render/doc_chart.h"
#include "present/catalog.h"
#include "present/cell_text.h"

namespace sl::api {

std::string param_text(const boost::json::object& params, const char* name);  // "" when absent
// A positive id parameter; 0 when absent; 422 on "params.<name>" otherwise.
int64_t param_id(const boost::json::object& params, const char* name);
// The recipient's scope in words: "全公司" / a region's name / a rep's name.
std::string scope_label(const jobs::ReportInput& in, bool zh);

// The page at `path` ("/api/v1/check/review") run as the recipient would open it: their user,
// Snapshot and Scope, the subscription's parameters as the query, as_of the run's day unless
// the parameters name one; with the named tables. Errors are the page's (403, 404, 422).
PageRun run_for(const jobs::ReportInput& in, const std::string& path, const std::vector<std::string>& tables);

// A figure of a page's answer by a dotted path ("totals.sales", "cards.0.sales.actual");
// nullopt when absent or null.
std::optional<double> figure(const json::value& answer, std::string_view path);
std::string text_at(const json::value& answer, std::string_view path);  // "" when absent
// One field of every element of an array of the answer.
std::vector<std::optional<double>> column(const json::value& answer, std::string_view array, std::string_view field);
std::vector<std::string> labels(const json::value& answer, std::string_view array, std::string_view field);

// A report's frame: the page's title in the recipient's language, the subtitle "scope · period
// · 截至 as_of", and the link to the web page (web_path, "check/review") with the subscription's
// parameters.
jobs::ReportDoc report_frame(const jobs::ReportInput& in, const char* zh, const char* en, const std::string& web_path,
                             const std::string& scope, const std::string& period);
// A KPI card in the recipient's language (present::figure_text; "—" for a missing figure).
jobs::ReportKpi kpi(const jobs::ReportInput& in, const char* zh, const char* en, std::optional<double> v,
                    present::Unit u, std::string note = "");
// "同比 +12.3%" / "YoY +12.3%" ("" when v is missing).
std::string change_note(const jobs::ReportInput& in, const char* zh, const char* en, std::optional<double> v);
// Puts the tables with rows into the document (a scope without rows has no empty table).
void add_tables(jobs::ReportDoc& doc, std::vector<present::Table> tables);

// Registers every page's report builder (once; later calls do nothing). A builder runs the
// pages with the Context its input carries (ReportInput::ctx; 500 when it has none).
void add_reports();
Context& report_context(const jobs::ReportInput& in);
void add_progress_report();
void add_leaderboard_report();
void add_do_reports();     // D1 cockpit, D2 process (report_do.cpp)
void add_check_reports();  // C1–C4 (report_check.cpp)
void add_plan_reports();   // P1–P6 (report_plan.cpp)
void add_act_reports();    // A1 figures (report_act.cpp)

}  // namespace sl::api
