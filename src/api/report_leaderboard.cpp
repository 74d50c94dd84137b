// D4 排行榜 as a pushed report (issue 14): the page's leaderboard for the recipient's Scope
// (narrowed to params.region as the page's board_scope does), drawn by
// jobs::render::leaderboard_doc with the page's own tables (board_table).
#include "analytics/do/do_filter.h"
#include "analytics/do/leaderboard.h"
#include "api/do_tables.h"
#include "api/json_fields.h"
#include "api/report_pieces.h"
#include "jobs/render/doc_leaderboard.h"

namespace sl::api {

namespace {

jobs::ReportOutput leaderboard_report(const jobs::ReportInput& in) {
  const bool zh = in.lang == Lang::zh;
  const std::string period_text = param_text(in.params, "period");
  const Period period =
      period_text.empty() ? month_period(Month::of(in.today)) : query_period(period_text, "params.period");
  const std::string metric_text = param_text(in.params, "metric");
  const auto metric = analytics::parse_board_metric(metric_text.empty() ? "sales" : metric_text);
  if (!metric) throw invalid_field("params.metric", "未知排名指标：" + metric_text, "Unknown ranking metric: " + metric_text);
  analytics::DoFilter f;
  f.region = param_id(in.params, "region");
  const engine::Scope scope = analytics::narrow_scope(in.snap, in.scope, f);
  const analytics::BoardResult b = analytics::leaderboard(in.snap, scope, {period, in.today, *metric});
  const std::string link = in.base_url + "/do/leaderboard?period=" + period.label() + "&metric=" +
                           analytics::board_metric_code(*metric);
  jobs::ReportOutput out;
  out.doc = jobs::render::leaderboard_doc(b, {board_table(b, "reps", *metric), board_table(b, "regions", *metric)},
                                          *metric, metric_unit(*metric), period, in.today,
                                          {in.lang, scope_label(in, zh), link});
  return out;
}

}  // namespace

void add_leaderboard_report() { jobs::register_report("do/leaderboard", leaderboard_report); }

}  // namespace sl::api
