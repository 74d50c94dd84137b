// GET /api/v1/do/progress: D3 target progress.
#include "analytics/do/progress.h"
#include "api/do_json.h"
#include "api/json_fields.h"
#include "api/list_order.h"
#include "api/page.h"
#include "api/rep_json.h"
#include "api/routes.h"

namespace sl::api {

namespace {

json::object row_json(const analytics::ProgressRow& r) {
  return json::object{{"id", r.id},
                      {"name", r.name},
                      {"target", opt(r.target)},
                      {"actual", r.actual},
                      {"completion", opt(r.completion)},
                      {"time_progress", r.time_progress},
                      {"gap", opt(r.gap)},
                      {"status", do_api::status_json(r.status)},
                      {"required_daily", opt(r.required_daily)},
                      {"required_daily_basis", analytics::basis_code(r.required_basis)},
                      {"projected", opt(r.projected)},
                      {"projection_basis", analytics::basis_code(r.projection_basis)}};
}

// The columns the table sorts by (the page's sortable columns).
const std::vector<std::string> kSortKeys{"name",          "target", "actual",         "completion",
                                         "time_progress", "gap",    "required_daily", "projected"};

SortValue sort_value(const analytics::ProgressRow& r, const std::string& key) {
  auto num = [](const auto& v) -> SortValue {
    if (!v) return std::monostate{};
    return static_cast<double>(*v);
  };
  if (key == "name") return r.name;
  if (key == "target") return num(r.target);
  if (key == "actual") return static_cast<double>(r.actual);
  if (key == "completion") return num(r.completion);
  if (key == "time_progress") return r.time_progress;
  if (key == "gap") return num(r.gap);
  if (key == "required_daily") return num(r.required_daily);
  return num(r.projected);
}

analytics::ProgressLevel level_of(const std::string& s) {
  return s == "rep"      ? analytics::ProgressLevel::rep
         : s == "region" ? analytics::ProgressLevel::region
                         : analytics::ProgressLevel::company;
}

// The level a role opens on: a rep their own row, a manager their 大区, others the company.
ParamSpec level_param() {
  ParamSpec s = choice_param("level", "", {"company", "region", "rep"}, "层级应为 company、region 或 rep：",
                             "level must be company, region or rep: ");
  s.fallback = [](const PageCall& q) {
    return std::string(q.c.user.role == model::Role::rep       ? "rep"
                       : q.c.user.role == model::Role::manager ? "region"
                                                               : "company");
  };
  return s;
}

}  // namespace

void add_progress_routes(http::Router& r, Context& ctx) {
  add_page<analytics::ProgressResult>(
      r, ctx,
      {
          .path = "/api/v1/do/progress",
          .kind = "d3",
          .params = {as_of_param(), period_param(false), level_param(),
                     choice_param("metric", "sales", {"sales", "collection"}, "指标应为 sales 或 collection：",
                                  "metric must be sales or collection: "),
                     id_param("region")},
          .scope = {},
          .compute =
              [](const PageCall& q) {
                analytics::ProgressParams p;
                p.as_of = q.p.date("as_of");
                p.period = q.p.period("period");
                p.level = level_of(q.p.text("level"));
                p.metric =
                    q.p.text("metric") == "collection" ? model::TargetMetric::collection : model::TargetMetric::sales;
                p.region = q.p.number("region");
                if (p.region) {
                  // Every id in a request is checked against the caller's scope, whatever the level.
                  const int32_t ri = q.c.snap->dims->find_region(p.region);
                  if (ri == engine::kNone) throw not_found();
                  if (!q.scope.sees_region(ri)) throw forbidden();
                }
                return analytics::target_progress(*q.c.snap, q.scope, p);
              },
          .encode = [](const PageCall& q, const analytics::ProgressResult& result) -> json::value {
            const Paging paging = read_paging(q.req);
            const SortOrder order = read_sort(q.req, kSortKeys);
            json::array rows;
            for (size_t i : page_order(result.rows.size(), order, paging,
                                       [&](size_t k, const std::string& key) { return sort_value(result.rows[k], key); })) {
              json::object o = row_json(result.rows[i]);
              if (q.p.text("level") == "rep") add_employee_no(o, *q.c.snap->dims, result.rows[i].id);
              rows.push_back(std::move(o));
            }
            json::object period{{"label", result.period.label()},
                                {"first", format_date(result.period.first)},
                                {"last", format_date(result.period.last)},
                                {"days", result.period.days()},
                                {"elapsed", result.elapsed_days},
                                {"early_days", analytics::early_days(result.period)}};
            json::object answer{
                {"period", std::move(period)},
                {"as_of", format_date(q.p.date("as_of"))},
                {"metric", q.p.text("metric") == "collection" ? "collection" : "sales"},
                {"level", q.p.text("level")},
                {"parent", result.parent ? json::value(row_json(*result.parent)) : json::value(nullptr)},
                {"rows", std::move(rows)}};
            add_order(answer, result.rows.size(), paging, order);
            return answer;
          },
          .tables = {},
          .table_zh = "",
          .table_en = "",
          .file = {},
      });
}

}  // namespace sl::api
