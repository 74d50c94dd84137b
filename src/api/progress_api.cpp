// GET /api/v1/do/progress: D3 target progress.
#include "analytics/do/progress.h"
#include "api/do_json.h"
#include "api/json_fields.h"
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
                      {"status", analytics::status_code(r.status)},
                      {"required_daily", opt(r.required_daily)},
                      {"projected", opt(r.projected)}};
}

analytics::ProgressLevel parse_level(const std::string& s) {
  if (s == "company") return analytics::ProgressLevel::company;
  if (s == "region") return analytics::ProgressLevel::region;
  if (s == "rep") return analytics::ProgressLevel::rep;
  throw invalid_field("level", "层级应为 company、region 或 rep：" + s, "level must be company, region or rep: " + s);
}

model::TargetMetric parse_progress_metric(const std::string& s) {
  if (s == "sales") return model::TargetMetric::sales;
  if (s == "collection") return model::TargetMetric::collection;
  throw invalid_field("metric", "指标应为 sales 或 collection：" + s, "metric must be sales or collection: " + s);
}

}  // namespace

void add_progress_routes(http::Router& r, Context& ctx) {
  r.add("GET", "/api/v1/do/progress", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    analytics::ProgressParams p;
    p.as_of = do_api::as_of_param(req, ctx);
    p.period = query_period(req.query_value("period", format_month(Month::of(p.as_of))), "period");
    std::string default_level = c.user.role == model::Role::rep       ? "rep"
                                : c.user.role == model::Role::manager ? "region"
                                                                      : "company";
    p.level = parse_level(req.query_value("level", default_level));
    p.metric = parse_progress_metric(req.query_value("metric", "sales"));
    std::string region = req.query_value("region");
    if (!region.empty()) {
      // Every id in a request is checked against the caller's scope, whatever the level.
      p.region = query_id(region, "region");
      const int32_t ri = c.snap->dims->find_region(p.region);
      if (ri == engine::kNone) throw not_found();
      if (!c.scope.sees_region(ri)) throw forbidden();
    }

    auto result = analytics::target_progress(*c.snap, c.scope, p);
    json::array rows;
    for (const auto& row : result.rows) rows.push_back(row_json(row));
    json::object period{{"label", result.period.label()},
                        {"first", format_date(result.period.first)},
                        {"last", format_date(result.period.last)},
                        {"days", result.period.days()},
                        {"elapsed", result.elapsed_days}};
    return http::json_response(
        200, json::object{{"period", std::move(period)},
                          {"as_of", format_date(p.as_of)},
                          {"metric", model::metric_code(p.metric)},
                          {"level", req.query_value("level", default_level)},
                          {"parent", result.parent ? json::value(row_json(*result.parent)) : json::value(nullptr)},
                          {"rows", std::move(rows)}});
  });
}

}  // namespace sl::api
