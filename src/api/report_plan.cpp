// The P pages as pushed reports (issue 14): P1 市场规模及占有率, P2 竞品, P3 商机趋势, P4 营业收入
// (executives and admins, as the page), P5 月度销售目标预测 and P6 目标建议 — each page run for the
// recipient (run_for), its cards, one chart where the page has one, and its headline tables.
#include "api/report_pieces.h"

namespace sl::api {

namespace {

using present::Unit;
namespace render = jobs::render;

template <class T>
std::vector<T> last_n(std::vector<T> v, size_t n) {
  if (v.size() > n) v.erase(v.begin(), v.end() - static_cast<std::ptrdiff_t>(n));
  return v;
}

std::string index_of(const json::value& a, std::string_view array, std::string_view field, const std::string& value) {
  const auto all = labels(a, array, field);
  for (size_t i = 0; i < all.size(); ++i)
    if (all[i] == value) return std::string(array) + "." + std::to_string(i) + ".";
  return "none.";
}

jobs::ReportOutput market_report(const jobs::ReportInput& in) {
  const bool zh = in.lang == Lang::zh;
  const PageRun run = run_for(in, "/api/v1/plan/market", {"industries", "regions"});
  const json::value& a = run.answer;
  jobs::ReportOutput out;
  out.doc = report_frame(in, "市场规模及占有率分析", "Market size & share", "plan/market", scope_label(in, zh),
                         text_at(a, "period.label"));
  auto& k = out.doc.kpis;
  k.push_back(kpi(in, "市场规模", "Market size", figure(a, "totals.market"), Unit::money,
                  change_note(in, "同比", "YoY", figure(a, "totals.market_growth"))));
  k.push_back(kpi(in, "我司销售额", "Our sales", figure(a, "totals.own"), Unit::money,
                  change_note(in, "同比", "YoY", figure(a, "totals.own_growth"))));
  // The change of a share is in points, not a percent of itself.
  const auto points = figure(a, "totals.share_change");
  k.push_back(kpi(in, "占有率", "Share", figure(a, "totals.share"), Unit::percent,
                  points ? (zh ? "同比 " : "YoY ") + std::string(*points > 0 ? "+" : "") +
                               present::grouped(*points * 100, 1) + (zh ? " 个百分点" : " pts")
                         : ""));
  for (const char* m : {"share", "share_change", "market_growth"})
    if (auto v = figure(a, std::string("totals.") + m)) out.metrics[m] = *v;
  out.doc.charts.push_back(render::scaled_chart(zh ? "月度占有率" : "Share by month", "line", Unit::percent, in.lang,
                                                labels(a, "trend", "month"),
                                                {{zh ? "占有率" : "Share", column(a, "trend", "share")}}));
  add_tables(out.doc, run.tables);
  return out;
}

jobs::ReportOutput competitors_report(const jobs::ReportInput& in) {
  const bool zh = in.lang == Lang::zh;
  const PageRun run = run_for(in, "/api/v1/plan/competitors", {"categories"});
  const json::value& a = run.answer;
  jobs::ReportOutput out;
  out.doc = report_frame(in, "同行业同类型竞品分析", "Competitor analysis", "plan/competitors", scope_label(in, zh),
                         text_at(a, "period.label"));
  const auto names = labels(a, "categories", "name");
  out.doc.kpis.push_back(kpi(in, "品类", "Categories", static_cast<double>(names.size()), Unit::count));
  out.doc.kpis.push_back(kpi(in, "关注品类市场", "Focus category market", figure(a, "focus.market"), Unit::money,
                             text_at(a, "focus.name")));
  out.doc.kpis.push_back(
      kpi(in, "关注品类相对份额", "Focus relative share", figure(a, "focus.relative_share"), Unit::number));
  if (auto v = figure(a, "focus.relative_share")) out.metrics["focus_relative_share"] = *v;
  out.doc.charts.push_back(render::scaled_chart(zh ? "各品类我司占有率" : "Our share by category", "bar", Unit::percent,
                                                in.lang, names,
                                                {{zh ? "占有率" : "Share", column(a, "categories", "own_share")}}));
  add_tables(out.doc, run.tables);
  return out;
}

jobs::ReportOutput funnel_report(const jobs::ReportInput& in) {
  const bool zh = in.lang == Lang::zh;
  const PageRun run = run_for(in, "/api/v1/plan/funnel", {"stages", "pipeline"});
  const json::value& a = run.answer;
  jobs::ReportOutput out;
  out.doc = report_frame(in, "商机数量变化趋势分析", "Opportunity trend & funnel", "plan/funnel", scope_label(in, zh),
                         text_at(a, "period.label"));
  auto& k = out.doc.kpis;
  k.push_back(kpi(in, "新建商机", "Opportunities created", figure(a, "cohort.created"), Unit::count));
  k.push_back(kpi(in, "赢单率", "Win rate", figure(a, "win_rate"), Unit::percent));
  k.push_back(kpi(in, "在手商机金额", "Open pipeline", figure(a, "open_pipeline.amount"), Unit::money,
                  (zh ? "商机 " : "Count ") +
                      present::figure_text(figure(a, "open_pipeline.count").value_or(0), Unit::count, in.lang)));
  k.push_back(kpi(in, "加权商机", "Weighted pipeline", figure(a, "weighted_pipeline"), Unit::money));
  for (const char* m : {"win_rate", "weighted_pipeline"})
    if (auto v = figure(a, m)) out.metrics[m] = *v;
  std::vector<std::string> stages;
  for (const auto& s : labels(a, "stages", "stage")) stages.push_back(present::text("stage." + s, in.lang));
  out.doc.charts.push_back(render::scaled_chart(zh ? "各阶段到达商机数" : "Opportunities reaching each stage", "bar",
                                                Unit::count, in.lang, stages,
                                                {{zh ? "商机" : "Opportunities", column(a, "stages", "reached")}}));
  add_tables(out.doc, run.tables);
  return out;
}

jobs::ReportOutput finance_report(const jobs::ReportInput& in) {
  const bool zh = in.lang == Lang::zh;
  const PageRun run = run_for(in, "/api/v1/plan/finance", {"ytd", "forecast"});
  const json::value& a = run.answer;
  jobs::ReportOutput out;
  out.doc = report_frame(in, "营业收入各项指标分析", "Financial indicators", "plan/finance", scope_label(in, zh),
                         text_at(a, "ytd.first") + ".." + text_at(a, "ytd.last"));
  const std::string rev = index_of(a, "ytd.lines", "code", "revenue");
  auto& k = out.doc.kpis;
  k.push_back(kpi(in, "本年累计营业收入", "Revenue year to date", figure(a, rev + "ytd"), Unit::money,
                  change_note(in, "同比", "YoY", figure(a, rev + "growth"))));
  k.push_back(kpi(in, "毛利率", "Gross margin", figure(a, "ytd.gross_margin"), Unit::percent));
  k.push_back(kpi(in, "营业利润率", "Operating margin", figure(a, "ytd.operating_margin"), Unit::percent));
  if (auto v = figure(a, rev + "growth")) out.metrics["revenue_growth"] = *v;
  if (auto v = figure(a, "ytd.gross_margin")) out.metrics["gross_margin"] = *v;
  out.doc.charts.push_back(render::scaled_chart(
      zh ? "近 12 个月营业收入与营业利润" : "Revenue and operating profit, last 12 months", "bar", Unit::money, in.lang,
      last_n(labels(a, "months", "month"), 12),
      {{zh ? "营业收入" : "Revenue", last_n(column(a, "months", "revenue"), 12)},
       {zh ? "营业利润" : "Operating profit", last_n(column(a, "months", "operating_profit"), 12)}}));
  add_tables(out.doc, run.tables);
  return out;
}

jobs::ReportOutput forecasts_report(const jobs::ReportInput& in) {
  const bool zh = in.lang == Lang::zh;
  const PageRun run = run_for(in, "/api/v1/plan/forecasts", {"submissions", "not_submitted"});
  const json::value& a = run.answer;
  jobs::ReportOutput out;
  out.doc = report_frame(in, "月度销售目标预测", "Monthly sales forecast", "plan/forecast", scope_label(in, zh),
                         text_at(a, "month"));
  const double employed = figure(a, "employed").value_or(0), submitted = figure(a, "submitted").value_or(0);
  auto& k = out.doc.kpis;
  k.push_back(kpi(in, "应提交", "Reps expected", employed, Unit::count,
                  (zh ? "锁定于 " : "Locks on ") + text_at(a, "lock_date")));
  k.push_back(kpi(in, "已提交", "Submitted", submitted, Unit::count));
  k.push_back(kpi(in, "预测合计", "Forecast total", figure(a, "counted_total"), Unit::money));
  out.metrics["not_submitted"] = employed - submitted;
  out.metrics["submitted_share"] = employed > 0 ? submitted / employed : 0;
  add_tables(out.doc, run.tables);
  return out;
}

jobs::ReportOutput suggestion_report(const jobs::ReportInput& in) {
  const bool zh = in.lang == Lang::zh;
  const PageRun run = run_for(in, "/api/v1/plan/suggestion", {"evidence", "months"});
  const json::value& a = run.answer;
  jobs::ReportOutput out;
  out.doc = report_frame(in, "目标建议", "Target suggestion", "plan/suggestion", text_at(a, "owner.name"),
                         text_at(a, "period.label"));
  const auto low = figure(a, "low"), high = figure(a, "high");
  out.doc.kpis.push_back(
      kpi(in, "建议目标", "Suggested target", figure(a, "suggested"), Unit::money,
          low && high ? present::money_text(*low, in.lang) + " – " + present::money_text(*high, in.lang) : ""));
  out.doc.kpis.push_back(kpi(in, "预计误差", "Expected error", figure(a, "error"), Unit::percent));
  if (auto v = figure(a, "suggested")) out.metrics["suggested"] = *v;
  out.doc.charts.push_back(render::scaled_chart(zh ? "建议目标按月分解" : "Suggested target by month", "bar",
                                                Unit::money, in.lang, labels(a, "split", "month"),
                                                {{zh ? "建议目标" : "Suggested", column(a, "split", "value")}}));
  add_tables(out.doc, run.tables);
  return out;
}

}  // namespace

void add_plan_reports() {
  jobs::register_report("plan/market", market_report, {"share", "share_change", "market_growth"});
  jobs::register_report("plan/competitors", competitors_report, {"focus_relative_share"});
  jobs::register_report("plan/funnel", funnel_report, {"win_rate", "weighted_pipeline"});
  jobs::register_report("plan/finance", finance_report, {"revenue_growth", "gross_margin"});
  jobs::register_report("plan/forecasts", forecasts_report, {"not_submitted", "submitted_share"});
  jobs::register_report("plan/suggestion", suggestion_report, {"suggested"});
}

}  // namespace sl::api
