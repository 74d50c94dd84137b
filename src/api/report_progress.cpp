// D3 目标达成进度 as a pushed report (issue 14): the page's analysis (analytics::target_progress)
// for the recipient's Scope, at the level their role opens on, unless the subscription names one.
#include "analytics/do/progress.h"
#include "api/json_fields.h"
#include "api/report_pieces.h"
#include "present/table.h"

namespace sl::api {

namespace {

namespace json = boost::json;

const present::TableSpec<analytics::ProgressRow> kRows{
    "d3_progress",
    {{{"name", "col.name"}, [](const analytics::ProgressRow& r) -> present::Value { return r.name; }},
     {{"target", "col.target", present::Unit::money}, [](const auto& r) { return present::opt_value(r.target); }},
     {{"actual", "col.amount", present::Unit::money}, [](const auto& r) { return present::Value{r.actual}; }},
     {{"completion", "col.completion", present::Unit::percent},
      [](const auto& r) { return present::opt_value(r.completion); }},
     {{"time_progress", "col.time_progress", present::Unit::percent},
      [](const auto& r) { return present::Value{r.time_progress}; }}}};

jobs::ReportOutput progress_report(const jobs::ReportInput& in) {
  const bool zh = in.lang == Lang::zh;
  analytics::ProgressParams p;
  p.as_of = in.today;
  const std::string period = param_text(in.params, "period");
  p.period = period.empty() ? month_period(Month::of(in.today)) : query_period(period, "params.period");
  std::string level = param_text(in.params, "level");
  if (level.empty())
    level = in.user.role == model::Role::rep ? "rep" : in.user.role == model::Role::manager ? "region" : "company";
  p.level = level == "rep" ? analytics::ProgressLevel::rep
            : level == "region" ? analytics::ProgressLevel::region
                                : analytics::ProgressLevel::company;
  p.metric = param_text(in.params, "metric") == "collection" ? model::TargetMetric::collection : model::TargetMetric::sales;
  const auto result = analytics::target_progress(in.snap, in.scope, p);

  jobs::ReportOutput out;
  auto& doc = out.doc;
  doc.lang = in.lang;
  doc.title = zh ? "目标达成进度" : "Target progress";
  doc.subtitle = scope_label(in, zh) + " · " + result.period.label() + " · " + (zh ? "截至 " : "as of ") +
                 format_date(in.today);
  doc.link = in.base_url + "/do/progress?period=" + result.period.label();
  const analytics::ProgressRow* head =
      result.parent ? &*result.parent : result.rows.size() == 1 ? &result.rows.front() : nullptr;
  if (head) {
    doc.kpis.push_back({zh ? "实际" : "Actual", money_text(head->actual, in.lang), ""});
    doc.kpis.push_back({zh ? "目标" : "Target", head->target ? money_text(*head->target, in.lang) : "—", ""});
    doc.kpis.push_back({zh ? "完成率" : "Completion", head->completion ? percent_text(*head->completion) : "—",
                        (zh ? "时间进度 " : "Time progress ") + percent_text(head->time_progress)});
    if (head->completion) out.metrics["completion_minus_time_progress"] = *head->completion - head->time_progress;
    if (head->completion) out.metrics["completion"] = *head->completion;
  }
  doc.tables.push_back(kRows.build(result.rows));
  return out;
}

}  // namespace

void add_progress_report() { jobs::register_report("do/progress", progress_report); }

}  // namespace sl::api
