// GET /api/v1/do/leaderboard (D4 ranking; for managers and executives also the per-capita
// trend, so the page loads with one call) and GET /api/v1/do/per-capita. Both take
// format=xlsx|csv to download a table.
#include "analytics/do/leaderboard.h"
#include "analytics/do/per_capita.h"
#include "api/cached_response.h"
#include "api/do_json.h"
#include "api/export.h"
#include "api/json_fields.h"
#include "api/routes.h"

namespace sl::api {

using namespace do_api;

namespace {

json::value opt_int(const std::optional<int>& v) { return v ? json::value(*v) : json::value(nullptr); }

json::object row_json(const analytics::BoardRow& r) {
  return json::object{{"id", r.id},
                      {"name", r.name},
                      {"region", r.region ? json::value(r.region) : json::value(nullptr)},
                      {"region_name", r.region_name},
                      {"own", r.own},
                      {"visible", r.visible},
                      {"value", opt(r.value)},
                      {"rank", opt_int(r.rank)},
                      {"previous_rank", opt_int(r.previous_rank)},
                      {"change", opt_int(r.change)},
                      {"figures", r.figures ? json::value(figures_json(*r.figures)) : json::value(nullptr)}};
}

json::object per_capita_json(const analytics::PerCapitaResult& r) {
  auto series = [](const analytics::PerCapitaSeries& s) {
    json::array sales, hc, pc;
    for (size_t i = 0; i < s.sales.size(); ++i) {
      sales.push_back(s.sales[i]);
      hc.push_back(s.headcount[i]);
      pc.push_back(opt(s.per_capita[i]));
    }
    return json::object{{"id", s.id ? json::value(s.id) : json::value(nullptr)}, {"name", s.name},
                        {"sales", std::move(sales)}, {"headcount", std::move(hc)}, {"per_capita", std::move(pc)}};
  };
  json::array months, regions;
  for (Month m : r.months) months.push_back(json::string(format_month(m)));
  for (const auto& s : r.regions) regions.push_back(series(s));
  return json::object{{"months", std::move(months)}, {"last_partial", r.last_partial}, {"total", series(r.total)},
                      {"regions", std::move(regions)}};
}

ExportTable per_capita_table(const analytics::PerCapitaResult& r, Lang lang) {
  const bool zh = lang == Lang::zh;
  ExportTable t;
  t.sheet = zh ? "人均销售额" : "Per-capita sales";
  t.headers = {zh ? "月份" : "Month"};
  std::vector<const analytics::PerCapitaSeries*> all{&r.total};
  for (const auto& s : r.regions) all.push_back(&s);
  for (const auto* s : all) t.headers.push_back(s->name + (zh ? " 人均(元)" : " per head (yuan)"));
  for (size_t i = 0; i < r.months.size(); ++i) {
    std::vector<Cell> row{format_month(r.months[i])};
    for (const auto* s : all) row.push_back(s->per_capita[i] ? Cell{*s->per_capita[i] / 100.0} : Cell{});
    t.rows.push_back(std::move(row));
  }
  return t;
}

ExportTable board_table(const analytics::BoardResult& b, const std::string& table, analytics::BoardMetric m, Lang lang) {
  const bool zh = lang == Lang::zh;
  ExportTable t;
  const bool regions = table == "regions";
  if (!regions && table != "reps")
    throw invalid_field("table", "table 应为 reps 或 regions", "table must be reps or regions");
  t.sheet = regions ? (zh ? "大区排名" : "Region ranking") : (zh ? "销售代表排名" : "Rep ranking");
  t.headers = {zh ? "名次" : "Rank", zh ? "名称" : "Name", zh ? "大区" : "Region", analytics::board_metric_code(m),
               zh ? "上期名次" : "Previous rank", zh ? "名次变化" : "Change"};
  const bool money = m == analytics::BoardMetric::sales || m == analytics::BoardMetric::collections;
  const bool plain = m == analytics::BoardMetric::new_customers || m == analytics::BoardMetric::kpi_score;
  for (const auto& r : regions ? b.regions : b.reps) {
    Cell value;
    if (r.value) value = money ? Cell{*r.value / 100.0} : plain ? Cell{*r.value} : Cell{Percent{*r.value}};
    auto num = [](const std::optional<int>& v) { return v ? Cell{static_cast<int64_t>(*v)} : Cell{}; };
    t.rows.push_back({num(r.rank), r.name, r.region_name, value, num(r.previous_rank), num(r.change)});
  }
  return t;
}

std::shared_ptr<const analytics::PerCapitaResult> cached_per_capita(Context& ctx, const Caller& c, const engine::Scope& scope,
                                                                    Date as_of, int months) {
  return ctx.results.get<analytics::PerCapitaResult>(
      c.snap->version, scope, "d4pc", std::to_string(as_of.days) + "|" + std::to_string(months),
      [&] { return analytics::per_capita(*c.snap, scope, as_of, months); });
}

// ?region=ID narrows the ranking (and per-capita) to that region's subtree: 403 outside the
// caller's scope, 404 unknown, as on D2. A rep's peer group is their 大区 whatever is asked.
engine::Scope board_scope(const Caller& c, const http::Request& req) {
  analytics::DoFilter f;
  if (auto v = req.query_value("region"); !v.empty()) f.region = query_id(v, "region");
  return analytics::narrow_scope(*c.snap, c.scope, f);
}

}  // namespace

void add_do_leaderboard_routes(http::Router& r, Context& ctx) {
  r.add("GET", "/api/v1/do/leaderboard", cached_get(ctx, [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    analytics::BoardParams p;
    p.as_of = as_of_param(req, ctx);
    p.period = period_param(req, p.as_of);
    std::string metric = req.query_value("metric", "sales");
    auto m = analytics::parse_board_metric(metric);
    if (!m)
      throw invalid_field("metric", "未知排名指标：" + metric, "Unknown ranking metric: " + metric);
    p.metric = *m;
    const engine::Scope scope = board_scope(c, req);
    const auto held = ctx.results.get<analytics::BoardResult>(
        c.snap->version, scope, "d4", std::to_string(p.period.first.days) + "~" + std::to_string(p.period.last.days) +
                                          "@" + std::to_string(p.as_of.days) + "|" + metric,
        [&] { return analytics::leaderboard(*c.snap, scope, p); });
    const auto& board = *held;
    if (auto format = req.query_value("format"); !format.empty())
      return export_response(board_table(board, req.query_value("table", "reps"), p.metric, export_lang(req)), format,
                             "d4-" + metric + "-" + p.period.label());
    json::array reps, regions;
    for (const auto& row : board.reps) reps.push_back(row_json(row));
    for (const auto& row : board.regions) regions.push_back(row_json(row));
    json::value pc = nullptr;
    json::value options = nullptr;
    if (c.user.role != model::Role::rep) {
      pc = per_capita_json(*cached_per_capita(ctx, c, scope, p.as_of, 24));
      options = filter_options(c);
    }
    return http::json_response(200, json::object{{"period", period_json(p.period, p.as_of)},
                                                 {"previous", period_json(p.period.previous(), p.period.previous().last)},
                                                 {"as_of", format_date(p.as_of)},
                                                 {"metric", metric},
                                                 {"peer_view", c.user.role == model::Role::rep},
                                                 {"reps", std::move(reps)},
                                                 {"regions", std::move(regions)},
                                                 {"per_capita", std::move(pc)},
                                                 {"options", std::move(options)}});
  }));

  r.add("GET", "/api/v1/do/per-capita", cached_get(ctx, [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    Date as_of = as_of_param(req, ctx);
    int months = 24;
    if (auto v = req.query_value("months"); !v.empty()) {
      months = static_cast<int>(query_id(v, "months"));
      if (months < 1 || months > 120) throw invalid_field("months", "月数应在 1 到 120 之间", "months must be 1 to 120");
    }
    const auto held = cached_per_capita(ctx, c, board_scope(c, req), as_of, months);
    const auto& result = *held;
    if (auto format = req.query_value("format"); !format.empty())
      return export_response(per_capita_table(result, export_lang(req)), format, "d4-per-capita-" + format_date(as_of));
    auto body = per_capita_json(result);
    body["as_of"] = format_date(as_of);
    return http::json_response(200, body);
  }));
}

void add_do_routes(http::Router& r, Context& ctx) {
  add_do_cockpit_routes(r, ctx);
  add_do_process_routes(r, ctx);
  add_do_leaderboard_routes(r, ctx);
}

}  // namespace sl::api
