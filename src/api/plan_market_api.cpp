// GET /api/v1/plan/market: P1 市场规模及占有率分析 (market size, own sales and share for the
// period and a year earlier; by industry, by region, industry × region; the monthly share trend;
// opportunities created by industry and region), and with format=xlsx|csv|json&table=
// industries|regions|heat|trend|opp_industries|opp_regions one table as a file.
#include "analytics/plan/market.h"
#include "api/do_json.h"
#include "api/page.h"
#include "api/plan_market_json.h"
#include "api/routes.h"

namespace sl::api {

using namespace do_api;
using namespace plan_json;

namespace {

using present::Unit;
using present::Value;
using Result = analytics::MarketResult;

analytics::MarketParams market_params(const PageCall& q) {
  analytics::MarketParams p;
  p.period = q.p.period("period");
  p.as_of = q.p.date("as_of");
  p.filter = filter_of(q);
  p.trend_months = q.p.text("trend_months") == "12" ? 12 : 24;
  return p;
}

json::object row_json(const analytics::ShareRow& r) {
  json::object o{{"name", r.name}, {"now", share_json(r.now)}, {"ly", share_json(r.ly)}};
  if (r.id) o["id"] = r.id;
  return o;
}

json::array groups_json(const std::vector<analytics::OppGroup>& v, bool with_id) {
  json::array a;
  for (const auto& g : v) {
    json::object o{{"name", g.name}, {"count", g.count}, {"amount", g.amount}};
    if (with_id) o["id"] = g.id ? json::value(g.id) : json::value(nullptr);
    a.push_back(std::move(o));
  }
  return a;
}

json::value market_json(const PageCall& q, const Result& r) {
  const analytics::MarketParams p = market_params(q);
  json::array industries, regions, cells, trend;
  for (const auto& x : r.industries) industries.push_back(row_json(x));
  for (const auto& x : r.regions) regions.push_back(row_json(x));
  for (const auto& h : r.heat) {
    json::object o = share_json(h.f);
    o["industry"] = h.industry;
    o["region"] = h.region;
    cells.push_back(std::move(o));
  }
  for (const auto& t : r.trend) {
    json::object o = share_json(t.f);
    o["month"] = format_month(t.month);
    trend.push_back(std::move(o));
  }
  json::object totals = share_json(r.total);
  totals["ly"] = share_json(r.total_ly);
  totals["market_growth"] = opt(r.market_growth);
  totals["own_growth"] = opt(r.own_growth);
  totals["share_change"] = r.total.share && r.total_ly.share ? json::value(*r.total.share - *r.total_ly.share)
                                                             : json::value(nullptr);
  return json::object{
      {"period", period_json(p.period, p.as_of)},
      {"as_of", format_date(p.as_of)},
      {"scope", scope_label(*q.c.snap, q.scope)},
      {"filter", json::object{{"region", p.filter.region ? json::value(p.filter.region) : json::value(nullptr)},
                              {"rep", p.filter.rep ? json::value(p.filter.rep) : json::value(nullptr)},
                              {"industry", p.filter.industry},
                              {"category", p.filter.category},
                              {"size", p.filter.size}}},
      {"windows", json::object{{"current", window_json(r.current)}, {"yoy", window_json(r.yoy)}}},
      {"totals", std::move(totals)},
      {"industries", std::move(industries)},
      {"regions", std::move(regions)},
      {"heat", std::move(cells)},
      {"trend_months", p.trend_months},
      {"trend", std::move(trend)},
      {"opportunities", json::object{{"count", r.opp_count},
                                     {"amount", r.opp_amount},
                                     {"by_industry", groups_json(r.opp_industries, false)},
                                     {"by_region", groups_json(r.opp_regions, true)}}},
      {"options", filter_options(q.c)}};
}

// --- files: the same result through column specs ---

present::Table rows_table(const std::vector<analytics::ShareRow>& rows, const char* sheet, const char* label) {
  using Row = analytics::ShareRow;
  present::TableSpec<Row> spec{sheet, {{{"name", label}, [](const Row& x) { return Value{x.name}; }}}};
  share_cols(spec, "", "", [](const Row& x) { return x.now; });
  share_cols(spec, "ly_", "_ly", [](const Row& x) { return x.ly; });
  return spec.build(rows);
}

present::Table heat_table(const Result& r) {
  using Row = analytics::HeatCell;
  present::TableSpec<Row> spec{
      "p1_heat",
      {{{"industry", "p1.industry"}, [&r](const Row& x) { return Value{r.industries[x.industry].name}; }},
       {{"region", "col.region"}, [&r](const Row& x) { return Value{r.regions[x.region].name}; }}}};
  share_cols(spec, "", "", [](const Row& x) { return x.f; });
  return spec.build(r.heat);
}

present::Table trend_table(const Result& r) {
  using Row = analytics::SharePoint;
  present::TableSpec<Row> spec{
      "p1_trend", {{{"month", "col.month", Unit::month}, [](const Row& x) { return Value{format_month(x.month)}; }}}};
  share_cols(spec, "", "", [](const Row& x) { return x.f; });
  return spec.build(r.trend);
}

present::Table groups_table(const std::vector<analytics::OppGroup>& v, const char* sheet, const char* label) {
  using Row = analytics::OppGroup;
  const present::TableSpec<Row> spec{
      sheet,
      {{{"name", label}, [](const Row& x) { return Value{x.name}; }},
       {{"count", "p1.opp_count", Unit::count}, [](const Row& x) { return Value{x.count}; }},
       {{"amount", "p1.opp_amount", Unit::money}, [](const Row& x) { return Value{x.amount}; }}}};
  return spec.build(v);
}

}  // namespace

void add_plan_market_routes(http::Router& r, Context& ctx) {
  auto table = [](const std::string& t) {
    return [t](const PageCall&, const Result& x) -> present::Table {
      if (t == "regions") return rows_table(x.regions, "p1_regions", "col.region");
      if (t == "heat") return heat_table(x);
      if (t == "trend") return trend_table(x);
      if (t == "opp_industries") return groups_table(x.opp_industries, "p1_opp_industries", "p1.industry");
      if (t == "opp_regions") return groups_table(x.opp_regions, "p1_opp_regions", "col.region");
      return rows_table(x.industries, "p1_industries", "p1.industry");
    };
  };
  std::vector<std::pair<std::string, std::function<present::Table(const PageCall&, const Result&)>>> tables;
  for (const char* t : {"industries", "regions", "heat", "trend", "opp_industries", "opp_regions"})
    tables.emplace_back(t, table(t));
  add_page<Result>(
      r, ctx,
      {
          .path = "/api/v1/plan/market",
          .kind = "p1",
          .params = join({as_of_param(), period_param(),
                          choice_param("trend_months", "24", {"12", "24"}, "trend_months 应为 12 或 24：",
                                       "trend_months must be 12 or 24: ")},
                         filter_params()),
          .scope = filter_scope,
          .compute = [](const PageCall& q) { return analytics::market_share(*q.c.snap, q.scope, market_params(q)); },
          .encode = market_json,
          .tables = std::move(tables),
          .table_zh = "table 应为 industries、regions、heat、trend、opp_industries 或 opp_regions",
          .table_en = "table must be industries, regions, heat, trend, opp_industries or opp_regions",
          .file = [](const PageCall& q,
                     const std::string& t) { return "p1-" + t + "-" + q.p.period("period").label(); },
      });
}

}  // namespace sl::api
