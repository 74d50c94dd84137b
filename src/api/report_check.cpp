// C1 销售结果复盘, C2 客户价值 (RFM), C3 客户分级流失 and C4 产品市场预警 as pushed reports
// (issue 14): each page run for the recipient (run_for), its cards, one chart and its headline
// tables (the page's own column specs).
#include "api/report_pieces.h"

namespace sl::api {

namespace {

using present::Unit;
namespace render = jobs::render;

jobs::ReportOutput review_report(const jobs::ReportInput& in) {
  const bool zh = in.lang == Lang::zh;
  const PageRun run = run_for(in, "/api/v1/check/review", {"aging", "regions"});
  const json::value& a = run.answer;
  jobs::ReportOutput out;
  out.doc = report_frame(in, "销售结果复盘分析", "Sales review", "check/review", scope_label(in, zh),
                         text_at(a, "period.label"));
  auto& k = out.doc.kpis;
  k.push_back(kpi(in, "签单", "Sales", figure(a, "totals.sales"), Unit::money,
                  change_note(in, "同比", "YoY", figure(a, "totals.sales_yoy"))));
  k.push_back(kpi(in, "回款", "Collections", figure(a, "totals.collections"), Unit::money,
                  change_note(in, "同比", "YoY", figure(a, "totals.collections_yoy"))));
  k.push_back(kpi(in, "应收余额", "Receivables", figure(a, "receivables"), Unit::money));
  k.push_back(
      kpi(in, "逾期应收", "Overdue", figure(a, "overdue"), Unit::money,
          figure(a, "overdue_rate")
              ? (zh ? "占应收 " : "Share ") + present::figure_text(*figure(a, "overdue_rate"), Unit::percent, in.lang)
              : ""));
  k.push_back(kpi(in, "DSO（天）", "DSO (days)", figure(a, "dso"), Unit::count));
  for (const char* m : {"overdue_rate", "dso"})
    if (auto v = figure(a, m)) out.metrics[m] = *v;
  if (auto v = figure(a, "overdue_rate")) out.metrics["overdue_share"] = *v;
  if (auto v = figure(a, "totals.sales_yoy")) out.metrics["sales_yoy"] = *v;
  if (auto v = figure(a, "totals.collections_yoy")) out.metrics["collections_yoy"] = *v;
  out.doc.charts.push_back(render::scaled_chart(zh ? "月度签单与回款" : "Sales and collections by month", "bar",
                                                Unit::money, in.lang, labels(a, "trend", "month"),
                                                {{zh ? "签单" : "Sales", column(a, "trend", "sales")},
                                                 {zh ? "回款" : "Collections", column(a, "trend", "collections")}}));
  add_tables(out.doc, run.tables);
  return out;
}

jobs::ReportOutput rfm_report(const jobs::ReportInput& in) {
  const bool zh = in.lang == Lang::zh;
  const PageRun run = run_for(in, "/api/v1/check/rfm", {"segments"});
  const json::value& a = run.answer;
  jobs::ReportOutput out;
  out.doc = report_frame(in, "客户价值分析", "Customer value (RFM)", "check/rfm", scope_label(in, zh), "");
  out.doc.kpis.push_back(kpi(in, "参与评分客户", "Customers scored", figure(a, "scored"), Unit::count));
  out.doc.kpis.push_back(kpi(in, "近一年签单", "Sales in the window", figure(a, "amount"), Unit::money));
  // The first segment is 重要价值客户 (the page's order).
  const auto share = figure(a, "segments.0.amount_share");
  out.doc.kpis.push_back(
      kpi(in, "重要价值客户", "Important-value customers", figure(a, "segments.0.customers"), Unit::count,
          share ? (zh ? "贡献 " : "Share of sales ") + present::figure_text(*share, Unit::percent, in.lang) : ""));
  if (share) out.metrics["important_value_share"] = *share;
  std::vector<std::string> names;
  for (const auto& code : labels(a, "segments", "code")) names.push_back(present::text("rfm_segment." + code, in.lang));
  out.doc.charts.push_back(render::scaled_chart(zh ? "各分群客户数" : "Customers by segment", "bar", Unit::count,
                                                in.lang, names,
                                                {{zh ? "客户" : "Customers", column(a, "segments", "customers")}}));
  add_tables(out.doc, run.tables);
  return out;
}

jobs::ReportOutput churn_report(const jobs::ReportInput& in) {
  const bool zh = in.lang == Lang::zh;
  const PageRun run = run_for(in, "/api/v1/check/churn", {"flow", "reasons"});
  const json::value& a = run.answer;
  jobs::ReportOutput out;
  const size_t n = labels(a, "flow", "period").size();
  const std::string last = n ? "flow." + std::to_string(n - 1) + "." : "none.";
  out.doc = report_frame(in, "客户分级流失分析", "Customer classes & churn", "check/churn", scope_label(in, zh),
                         text_at(a, last + "period"));
  auto& k = out.doc.kpis;
  k.push_back(kpi(in, "活跃客户", "Active customers", figure(a, last + "active"), Unit::count));
  k.push_back(kpi(in, "流失客户", "Churned", figure(a, last + "churned"), Unit::count));
  k.push_back(kpi(in, "流失率", "Churn rate", figure(a, last + "churn_rate"), Unit::percent));
  k.push_back(kpi(in, "A 类客户", "Class A customers", figure(a, "key_accounts.class_a"), Unit::count,
                  (zh ? "有流失风险 " : "At risk ") +
                      present::figure_text(figure(a, "key_accounts.at_risk").value_or(0), Unit::count, in.lang)));
  if (auto v = figure(a, last + "churn_rate")) out.metrics["churn_rate"] = *v;
  out.metrics["key_accounts_at_risk"] = figure(a, "key_accounts.at_risk").value_or(0);
  out.doc.charts.push_back(render::scaled_chart(zh ? "流失率" : "Churn rate", "line", Unit::percent, in.lang,
                                                labels(a, "flow", "period"),
                                                {{zh ? "流失率" : "Churn rate", column(a, "flow", "churn_rate")}}));
  add_tables(out.doc, run.tables);
  return out;
}

jobs::ReportOutput products_report(const jobs::ReportInput& in) {
  const bool zh = in.lang == Lang::zh;
  const PageRun run = run_for(in, "/api/v1/check/products", {"categories", "warnings"});
  const json::value& a = run.answer;
  jobs::ReportOutput out;
  out.doc = report_frame(in, "产品市场预警管理", "Product warnings", "check/products", scope_label(in, zh),
                         text_at(a, "period.label"));
  auto& k = out.doc.kpis;
  k.push_back(kpi(in, "销售额", "Sales", figure(a, "totals.sales"), Unit::money,
                  change_note(in, "同比", "YoY", figure(a, "totals.yoy"))));
  k.push_back(kpi(in, "毛利率", "Margin", figure(a, "totals.margin"), Unit::percent));
  k.push_back(kpi(in, "市场占有率", "Market share", figure(a, "totals.share"), Unit::percent));
  k.push_back(kpi(in, "预警", "Warnings", figure(a, "warnings_total"), Unit::count));
  out.metrics["warnings"] = figure(a, "warnings_total").value_or(0);
  // Severe ones from the whole table (the answer lists the first few).
  double severe = 0;
  if (run.tables.size() == 2)
    for (size_t c = 0; c < run.tables[1].columns.size(); ++c)
      if (run.tables[1].columns[c].key == "severity")
        for (const auto& row : run.tables[1].rows)
          if (const auto* l = std::get_if<present::Label>(&row[c])) severe += l->key == "c4.severe";
  out.metrics["warnings_severe"] = severe;
  if (auto v = figure(a, "totals.yoy")) out.metrics["sales_yoy"] = *v;
  out.doc.charts.push_back(render::scaled_chart(
      zh ? "各品类销售额" : "Sales by category", "bar", Unit::money, in.lang, labels(a, "categories", "name"),
      {{zh ? "销售额" : "Sales", column(a, "categories", "sales")},
       {zh ? "去年同期" : "Last year", column(a, "categories", "sales_ly")}}));
  add_tables(out.doc, run.tables);
  out.doc.shown_columns["c4_categories"] = {"category", "products", "sales",         "yoy",     "margin",
                                            "share",    "market",   "market_growth", "quadrant"};
  return out;
}

}  // namespace

void add_check_reports() {
  jobs::register_report("check/review", review_report,
                        {"overdue_share", "overdue_rate", "dso", "sales_yoy", "collections_yoy"});
  jobs::register_report("check/rfm", rfm_report, {"important_value_share"});
  jobs::register_report("check/churn", churn_report, {"churn_rate", "key_accounts_at_risk"});
  jobs::register_report("check/products", products_report, {"warnings", "warnings_severe", "sales_yoy"});
}

}  // namespace sl::api
