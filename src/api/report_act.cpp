// A1 会议执行统计 as a pushed report (issue 14): the figures of GET /api/v1/act/stats
// (act::stats_of, the handler's own reading of as_of, series and months) over the meetings the
// recipient may see — closure and on-time rates, overdue resolutions and action items, the
// monthly closure rate and the series table.
#include "api/act_common.h"
#include "api/report_pieces.h"

namespace sl::api {

namespace {

using present::Unit;
using present::Value;
using Series = analytics::SeriesFigures;

// The page lists the series with their figures; this is that table's column specs (the page
// has no download, so no other table to share).
present::Table series_table(const std::vector<Series>& rows) {
  auto pct = [](std::optional<double> analytics::LoopFigures::*f) {
    return [f](const Series& s) { return present::opt_value(s.figures.*f); };
  };
  auto count = [](int analytics::LoopFigures::*f) {
    return [f](const Series& s) { return Value{int64_t{s.figures.*f}}; };
  };
  static const present::TableSpec<Series> spec{
      "a1_series",
      {{{"name", "a1.series"}, [](const Series& s) { return Value{s.name}; }},
       {{"resolutions", "a1.resolutions", Unit::count}, count(&analytics::LoopFigures::resolutions)},
       {{"closable", "a1.closable", Unit::count}, count(&analytics::LoopFigures::closable)},
       {{"done", "a1.done", Unit::count}, count(&analytics::LoopFigures::done)},
       {{"closure_rate", "a1.closure_rate", Unit::percent}, pct(&analytics::LoopFigures::closure_rate)},
       {{"on_time_rate", "a1.on_time_rate", Unit::percent}, pct(&analytics::LoopFigures::on_time_rate)},
       {{"mean_days_to_close", "a1.mean_days", Unit::number}, pct(&analytics::LoopFigures::mean_days_to_close)},
       {{"overdue_resolutions", "a1.overdue_resolutions", Unit::count},
        count(&analytics::LoopFigures::overdue_resolutions)},
       {{"overdue_actions", "a1.overdue_actions", Unit::count}, count(&analytics::LoopFigures::overdue_actions)}}};
  return spec.build(rows);
}

jobs::ReportOutput act_report(const jobs::ReportInput& in) {
  const bool zh = in.lang == Lang::zh;
  const std::shared_ptr<const engine::Snapshot> snap(std::shared_ptr<const engine::Snapshot>(), &in.snap);
  const Caller c{in.user, "", snap, in.scope};
  act::View v(report_context(in), c);
  http::Request req;
  for (const char* k : {"as_of", "series", "months"}) req.query[k] = param_text(in.params, k);
  if (req.query["as_of"].empty()) req.query["as_of"] = format_date(in.today);
  const auto [p, f] = act::stats_of(v, req);
  const auto& o = f.overall;
  jobs::ReportOutput out;
  out.doc = report_frame(in, "会议执行统计", "Meeting figures", "act/stats", scope_label(in, zh), "");
  auto& k = out.doc.kpis;
  k.push_back(kpi(in, "决议", "Resolutions", o.resolutions, Unit::count,
                  (zh ? "已完成 " : "Done ") + present::figure_text(o.done, Unit::count, in.lang)));
  k.push_back(kpi(in, "关闭率", "Closure rate", o.closure_rate, Unit::percent));
  k.push_back(kpi(in, "按期率", "On-time rate", o.on_time_rate, Unit::percent));
  k.push_back(kpi(in, "逾期决议", "Overdue resolutions", o.overdue_resolutions, Unit::count));
  k.push_back(kpi(in, "逾期行动项", "Overdue action items", o.overdue_actions, Unit::count));
  if (o.closure_rate) out.metrics["closure_rate"] = *o.closure_rate;
  if (o.on_time_rate) out.metrics["on_time_rate"] = *o.on_time_rate;
  out.metrics["overdue_resolutions"] = o.overdue_resolutions;
  out.metrics["overdue_actions"] = o.overdue_actions;
  std::vector<std::string> months;
  jobs::render::RawSeries rate{zh ? "关闭率" : "Closure rate", {}};
  for (const auto& m : f.trend) {
    months.push_back(format_month(m.month));
    rate.values.push_back(m.figures.closure_rate);
  }
  out.doc.charts.push_back(jobs::render::scaled_chart(zh ? "按到期月份的关闭率" : "Closure rate by due month", "line",
                                                      Unit::percent, in.lang, months, {std::move(rate)}));
  add_tables(out.doc, {series_table(f.by_series)});
  return out;
}

}  // namespace

void add_act_reports() {
  jobs::register_report("act", act_report, {"closure_rate", "on_time_rate", "overdue_resolutions", "overdue_actions"});
}

}  // namespace sl::api
