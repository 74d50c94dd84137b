// D1 销售综合管理看板 and D2 业绩完成过程看板 as pushed reports (issue 14): each page run for the
// recipient (run_for: the page's own parameters, scope and tables), its cards, one chart and
// its headline tables.
#include "api/report_pieces.h"

namespace sl::api {

namespace {

using present::Unit;

// D1: a rep's own cockpit; a manager's or an executive's is the page's default rep (the first
// active rep they see), or params.rep.
jobs::ReportOutput cockpit_report(const jobs::ReportInput& in) {
  const bool zh = in.lang == Lang::zh;
  const PageRun run = run_for(in, "/api/v1/do/cockpit", {});
  const json::value& a = run.answer;
  jobs::ReportOutput out;
  out.doc =
      report_frame(in, "销售综合管理看板", "Rep cockpit", "do/cockpit",
                   text_at(a, "rep.name") + " · " + text_at(a, "rep.region_name"), text_at(a, "cards.0.period.label"));
  auto& k = out.doc.kpis;
  const auto completion = figure(a, "cards.0.sales.completion"), time = figure(a, "cards.0.sales.time_progress");
  k.push_back(kpi(
      in, "本月签单", "Sales this month", figure(a, "cards.0.sales.actual"), Unit::money,
      completion ? (zh ? "完成率 " : "Completion ") + present::figure_text(*completion, Unit::percent, in.lang) : ""));
  k.push_back(kpi(in, "本月回款", "Collections this month", figure(a, "cards.0.collection.actual"), Unit::money));
  k.push_back(kpi(in, "逾期应收", "Overdue receivables", figure(a, "overdue_total"), Unit::money,
                  (zh ? "合同 " : "Contracts ") +
                      present::figure_text(figure(a, "overdue_count").value_or(0), Unit::count, in.lang)));
  k.push_back(kpi(in, "KPI 得分", "KPI score", figure(a, "cards.0.figures.kpi_score"), Unit::number));
  k.push_back(kpi(in, "在手客户", "Customers", figure(a, "owned_customers"), Unit::count));
  out.doc.charts.push_back(jobs::render::scaled_chart(zh ? "月度签单与目标" : "Monthly sales and target", "bar",
                                                      Unit::money, in.lang, labels(a, "monthly", "month"),
                                                      {{zh ? "签单" : "Sales", column(a, "monthly", "actual")},
                                                       {zh ? "目标" : "Target", column(a, "monthly", "target")}}));
  if (completion && time) {
    out.metrics["completion"] = *completion;
    out.metrics["completion_minus_time_progress"] = *completion - *time;
  }
  out.metrics["overdue_total"] = figure(a, "overdue_total").value_or(0);
  return out;
}

// D2: the three metrics' totals (中标, 签单, 回款) with year-on-year change, this year's and
// last year's months of 签单, the 大区 and the anomalies.
jobs::ReportOutput process_report(const jobs::ReportInput& in) {
  const bool zh = in.lang == Lang::zh;
  const PageRun run = run_for(in, "/api/v1/do/process", {"regions", "anomalies"});
  const json::value& a = run.answer;
  jobs::ReportOutput out;
  out.doc = report_frame(in, "业绩完成过程看板", "Performance process", "do/process", scope_label(in, zh),
                         text_at(a, "period.label"));
  const char* names_zh[] = {"中标", "签单", "回款"};
  const char* names_en[] = {"Bids won", "Sales", "Collections"};
  const std::vector<std::string> codes = labels(a, "totals", "metric");
  for (size_t i = 0; i < codes.size(); ++i) {
    const size_t m = codes[i] == "bids_won" ? 0 : codes[i] == "sales" ? 1 : 2;
    const std::string at = "totals." + std::to_string(i) + ".";
    const auto yoy = figure(a, at + "yoy");
    out.doc.kpis.push_back(
        kpi(in, names_zh[m], names_en[m], figure(a, at + "amount"), Unit::money, change_note(in, "同比", "YoY", yoy)));
    if (yoy) out.metrics[codes[i] + "_yoy"] = *yoy;
    if (auto c = figure(a, at + "completion")) {
      out.metrics[codes[i] + "_completion"] = *c;
      out.metrics[codes[i] + "_completion_minus_time_progress"] = *c - figure(a, "time_progress").value_or(0);
    }
  }
  out.doc.kpis.push_back(kpi(in, "时间进度", "Time progress", figure(a, "time_progress"), Unit::percent));
  out.doc.kpis.push_back(
      kpi(in, "异常", "Anomalies", figure(a, "anomalies_total"), Unit::count,
          (zh ? "高 " : "High ") +
              present::figure_text(figure(a, "anomaly_summary.high").value_or(0), Unit::count, in.lang)));
  out.metrics["anomalies"] = figure(a, "anomalies_total").value_or(0);
  out.metrics["anomalies_high"] = figure(a, "anomaly_summary.high").value_or(0);
  // The trend holds the three metrics in the totals' order; the chart shows 签单.
  size_t sales = 1;
  for (size_t i = 0; i < codes.size(); ++i)
    if (codes[i] == "sales") sales = i;
  const std::string k = std::to_string(sales);
  out.doc.charts.push_back(
      jobs::render::scaled_chart(zh ? "签单月度趋势：今年与去年" : "Sales by month: this year and last", "bar",
                                 Unit::money, in.lang, labels(a, "trend", "month"),
                                 {{zh ? "今年" : "This year", column(a, "trend", "this_year." + k)},
                                  {zh ? "去年" : "Last year", column(a, "trend", "last_year." + k)}}));
  add_tables(out.doc, run.tables);
  // The files keep every column; the PDF and the e-mail the headline ones.
  out.doc.shown_columns["d2_regions"] = {"name",          "sales_amount",      "sales_completion",
                                         "sales_yoy",     "collection_amount", "collection_completion",
                                         "collection_yoy"};
  out.doc.shown_columns["d2_anomalies"] = {"unit",  "name",       "metric",        "month",   "severity",
                                           "value", "completion", "time_progress", "at_stake"};
  return out;
}

}  // namespace

void add_do_reports() {
  jobs::register_report("do/cockpit", cockpit_report,
                        {"completion", "completion_minus_time_progress", "overdue_total"});
  jobs::register_report(
      "do/process", process_report,
      {"bids_won_yoy", "bids_won_completion", "bids_won_completion_minus_time_progress", "sales_yoy",
       "sales_completion", "sales_completion_minus_time_progress", "collection_yoy", "collection_completion",
       "collection_completion_minus_time_progress", "anomalies", "anomalies_high"});
}

}  // namespace sl::api
