// GET /api/v1/do/progress: D3 target progress.
#include "analytics/do/progress.h"
#include "api/do_json.h"
#include "api/json_fields.h"
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
                      {"projected", opt(r.projected)}};
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
            json::array rows;
            for (const auto& row : result.rows) {
              json::object o = row_json(row);
              if (q.p.text("level") == "rep") add_employee_no(o, *q.c.snap->dims, row.id);
              rows.push_back(std::move(o));
            }
            json::object period{{"label", result.period.label()},
                                {"first", format_date(result.period.first)},
                                {"last", format_date(result.period.last)},
                                {"days", result.period.days()},
                                {"elapsed", result.elapsed_days}};
            return json::object{
                {"period", std::move(period)},
                {"as_of", format_date(q.p.date("as_of"))},
                {"metric", q.p.text("metric") == "collection" ? "collection" : "sales"},
                {"level", q.p.text("level")},
                {"parent", result.parent ? json::value(row_json(*result.parent)) : json::value(nullptr)},
                {"rows", std::move(rows)}};
          },
          .tables = {},
          .table_zh = "",
          .table_en = "",
          .file = {},
      });
}

}  // namespace sl::api
