#include "jobs/alerts/catalogue.h"

#include "analytics/check/aging.h"
#include "analytics/check/customer_flow.h"
#include "core/error.h"
#include "jobs/push/reports.h"

namespace sl::jobs::alerts {

namespace json = boost::json;

namespace {

std::string text(const json::object& o, const char* k) {
  const auto* v = o.if_contains(k);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::string where_name(const MeasureInput& in, bool zh) {
  const auto& d = *in.snap.dims;
  if (in.where.region)
    if (int32_t r = d.find_region(in.where.region); r != engine::kNone) return d.region_name[static_cast<size_t>(r)];
  if (in.where.rep)
    if (int32_t p = d.find_rep(in.where.rep); p != engine::kNone) return d.rep_name[static_cast<size_t>(p)];
  return zh ? "全公司" : "Company";
}

// D3 through the page's report builder: its metrics are the page's head row.
Measure progress_measure(const MetricDef& m, const MeasureInput& in) {
  const Period period = rule_period(in.filters, in.today);
  const std::string metric = text(in.filters, "metric").empty() ? "sales" : text(in.filters, "metric");
  if (metric != "sales" && metric != "collection")
    throw invalid_field("filters.metric", "指标应为 sales 或 collection", "metric must be sales or collection");
  json::object params{{"period", period.label()}, {"metric", metric}};
  std::string query = "period=" + period.label();
  if (in.where.region) {
    params["level"] = "rep";
    params["region"] = in.where.region;
    query += "&level=rep&region=" + std::to_string(in.where.region);
  } else if (in.where.rep) {
    params["level"] = "rep";
    query += "&level=rep";
  } else {
    params["level"] = "company";
    query += "&level=region";
  }
  if (metric != "sales") query += "&metric=" + metric;
  const ReportBuilder* build = find_report("do/progress");
  if (!build) throw std::runtime_error("the do/progress report is not registered");
  const ReportInput ri{in.snap, in.scope, in.owner, Lang::zh, params, in.today, "", in.ctx};
  const ReportOutput out = (*build)(ri);
  Measure r;
  const char* name = m.code == "d3_completion_gap" ? "completion_minus_time_progress" : "completion";
  if (auto it = out.metrics.find(name); it != out.metrics.end()) r.value = it->second;
  r.key = in.where.code + "/" + period.label() + (metric == "sales" ? "" : "/" + metric);
  r.link = "/do/progress?" + query;
  r.where_zh = where_name(in, true) + " · " + period.label();
  r.where_en = where_name(in, false) + " · " + period.label();
  return r;
}

// The page's link with the scope's filter (C pages take region= or rep=).
std::string scoped_link(const std::string& path, const MeasureInput& in) {
  if (in.where.region) return path + "&region=" + std::to_string(in.where.region);
  if (in.where.rep) return path + "&rep=" + std::to_string(in.where.rep);
  return path;
}

void no_filters(const MeasureInput& in) {
  if (!in.filters.empty())
    throw invalid_field("filters", "该指标没有筛选条件", "This metric takes no filters");
}

// C1: receivables overdue as of today, and the share of it more than 90 days past due.
Measure overdue_measure(const MetricDef& m, const MeasureInput& in) {
  no_filters(in);
  const auto aging = analytics::receivables_aging(in.snap, in.scope, {in.today, {}, false});
  Measure r;
  if (m.code == "c1_overdue") r.value = static_cast<double>(aging.overdue);
  else if (aging.overdue > 0)
    r.value = static_cast<double>(aging.buckets[3].amount + aging.buckets[4].amount) / static_cast<double>(aging.overdue);
  r.key = in.where.code + "/" + m.code;  // as of each day: one breach until it clears, across months
  const std::string month = format_month(Month::of(in.today));
  r.link = scoped_link("/check/review?period=" + month, in);
  r.where_zh = where_name(in, true) + " · " + format_date(in.today);
  r.where_en = where_name(in, false) + " · " + format_date(in.today);
  return r;
}

// C3: customers active last quarter and not in this one (so far).
Measure churn_measure(const MetricDef&, const MeasureInput& in) {
  no_filters(in);
  analytics::FlowParams fp;
  fp.as_of = in.today;
  fp.quarters = 1;
  const auto rows = analytics::customer_flow(in.snap, in.scope, fp);
  Measure r;
  if (!rows.empty()) r.value = static_cast<double>(rows.back().churned);
  const Month m = Month::of(in.today);
  const std::string quarter = std::to_string(m.year()) + "-Q" + std::to_string((m.month() - 1) / 3 + 1);
  r.key = in.where.code + "/" + quarter;
  r.link = scoped_link("/check/churn?period=" + format_month(m), in);
  r.where_zh = where_name(in, true) + " · " + quarter;
  r.where_en = where_name(in, false) + " · " + quarter;
  return r;
}

}  // namespace

const std::vector<MetricDef>& metric_catalogue() {
  static const std::vector<MetricDef> kAll = {
      {"d3_completion_gap", "do/progress", "签单完成率 − 时间进度", "Completion − time progress", "points"},
      {"d3_completion", "do/progress", "签单完成率", "Completion", "ratio"},
      {"c1_overdue", "check/review", "逾期应收", "Overdue receivables", "money"},
      {"c1_overdue_90_share", "check/review", "逾期超 90 天占比", "Share overdue > 90 days", "ratio"},
      {"c3_churned", "check/churn", "本季流失客户数", "Customers churned this quarter", "count"},
  };
  return kAll;
}

const MetricDef* find_metric(const std::string& code) {
  for (const auto& m : metric_catalogue())
    if (m.code == code) return &m;
  return nullptr;
}

Period rule_period(const json::object& filters, Date today) {
  const std::string p = text(filters, "period");
  const Month m = Month::of(today);
  if (p.empty() || p == "month") return month_period(m);
  if (p == "quarter") return quarter_period(m.year(), (m.month() - 1) / 3 + 1);
  if (p == "year") return year_period(m.year());
  throw invalid_field("filters.period", "期间应为 month、quarter 或 year", "period must be month, quarter or year");
}

Measure measure(const MetricDef& m, const MeasureInput& in) {
  if (m.page == "do/progress") return progress_measure(m, in);
  if (m.page == "check/review") return overdue_measure(m, in);
  if (m.page == "check/churn") return churn_measure(m, in);
  throw std::runtime_error("no measure for " + m.code);
}

}  // namespace sl::jobs::alerts
