// D3 目标达成进度 as a pushed report (issue 14): the page's analysis (analytics::target_progress)
// for the recipient's Scope, at the level their role opens on, unless the subscription names one.
#include "analytics/do/progress.h"
#include "api/json_fields.h"
#include "api/report_pieces.h"
#include "jobs/render/doc_progress.h"

namespace sl::api {

namespace {

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
  p.region = param_id(in.params, "region");
  if (p.region) {
    // Checked against the recipient's scope as the page checks the caller's (progress_api.cpp).
    const int32_t ri = in.snap.dims->find_region(p.region);
    if (ri == engine::kNone) throw not_found();
    if (!in.scope.sees_region(ri)) throw forbidden();
  }
  const auto result = analytics::target_progress(in.snap, in.scope, p);

  const std::string link = in.base_url + "/do/progress?period=" + result.period.label();
  jobs::ReportOutput out;
  out.doc = jobs::render::progress_doc(result, p, {in.lang, scope_label(in, zh), link});
  const analytics::ProgressRow* head =
      result.parent ? &*result.parent : result.rows.size() == 1 ? &result.rows.front() : nullptr;
  if (head && head->completion) {
    out.metrics["completion_minus_time_progress"] = *head->completion - head->time_progress;
    out.metrics["completion"] = *head->completion;
  }
  return out;
}

}  // namespace

void add_progress_report() { jobs::register_report("do/progress", progress_report, {"completion", "completion_minus_time_progress"}); }

}  // namespace sl::api
