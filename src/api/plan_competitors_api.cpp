// GET /api/v1/plan/competitors: P2 同行业同类型竞品分析 (per category: market, own sales and
// share, the entrants ranked, relative share against the largest competitor; for the focused
// `category` — default the largest market — every entrant's sales, share and monthly share trend
// and the own flagship products), and with format=xlsx|csv|json&table=categories|entrants|trend|
// flagships one table as a file.
#include "analytics/plan/competitors.h"
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
using Result = analytics::CompetitorResult;
using Category = analytics::CategoryCompetition;

analytics::CompetitorParams competitor_params(const PageCall& q) {
  analytics::CompetitorParams p;
  p.period = q.p.period("period");
  p.as_of = q.p.date("as_of");
  p.flagships = static_cast<int>(q.p.number("flagships"));
  return p;
}

// The category the detail shows: the one asked for, else the largest market; nullptr when none.
const Category* focus(const PageCall& q, const Result& r) {
  const std::string name = q.p.text("category");
  for (const auto& c : r.categories)
    if (name.empty() || c.name == name) return &c;
  return nullptr;
}

std::string entrant_name(const analytics::Entrant& e) { return e.own ? "本公司" : e.name; }

json::object entrant_json(const analytics::Entrant& e) {
  return json::object{{"rank", e.rank},
                      {"own", e.own},
                      {"id", e.own ? json::value(nullptr) : json::value(e.id)},
                      {"name", e.own ? json::value(nullptr) : json::value(e.name)},
                      {"company", e.own ? json::value(nullptr) : json::value(e.company)},
                      {"sales", e.sales},
                      {"share", opt(e.share)}};
}

json::object flagship_json(const analytics::Flagship& f) {
  return json::object{{"rank", f.rank},    {"id", f.id},       {"code", f.code},         {"name", f.name},
                      {"sales", f.sales},  {"share", opt(f.share)}, {"own_part", opt(f.own_part)}};
}

json::object category_json(const Category& c) {
  const auto& us = c.own_entrant();
  json::object o{{"name", c.name},
                 {"market", c.market},
                 {"own_sales", us.sales},
                 {"own_share", opt(us.share)},
                 {"own_rank", us.rank},
                 {"entrants", c.entrants.size()},
                 {"relative_share", opt(c.relative_share)}};
  if (c.leader) {
    const auto& l = c.entrants[*c.leader];
    o["leader"] = json::object{
        {"id", l.id}, {"name", l.name}, {"company", l.company}, {"sales", l.sales}, {"share", opt(l.share)}};
  } else {
    o["leader"] = nullptr;
  }
  o["flagship"] = c.flagships.empty() ? json::value(nullptr) : json::value(flagship_json(c.flagships.front()));
  return o;
}

json::value focus_json(const Result& r, const Category& c) {
  json::array entrants, trend, flagships;
  for (const auto& e : c.entrants) {
    json::object o = entrant_json(e);
    json::array shares, sales;
    for (const auto& s : e.trend) shares.push_back(opt(s));
    for (Money s : e.trend_sales) sales.push_back(s);
    o["trend"] = std::move(shares);
    o["trend_sales"] = std::move(sales);
    entrants.push_back(std::move(o));
  }
  for (size_t k = 0; k < r.months.size(); ++k)
    trend.push_back(json::object{{"month", format_month(r.months[k])}, {"market", c.trend_market[k]}});
  for (const auto& f : c.flagships) flagships.push_back(flagship_json(f));
  return json::object{{"name", c.name},
                      {"market", c.market},
                      {"relative_share", opt(c.relative_share)},
                      {"entrants", std::move(entrants)},
                      {"months", std::move(trend)},
                      {"flagships", std::move(flagships)}};
}

json::value competitors_json(const PageCall& q, const Result& r) {
  const analytics::CompetitorParams p = competitor_params(q);
  json::array categories;
  for (const auto& c : r.categories) categories.push_back(category_json(c));
  const Category* f = focus(q, r);
  return json::object{{"period", period_json(p.period, p.as_of)},
                      {"as_of", format_date(p.as_of)},
                      {"scope", scope_label(*q.c.snap, q.scope)},
                      {"window", window_json(r.current)},
                      {"flagships", p.flagships},
                      {"trend_months", r.months.size()},
                      {"categories", std::move(categories)},
                      {"focus", f ? focus_json(r, *f) : json::value(nullptr)},
                      {"options", filter_options(q.c)}};
}

// --- files ---

present::Table categories_table(const Result& r) {
  using Row = Category;
  const present::TableSpec<Row> spec{
      "p2_categories",
      {{{"category", "c4.category"}, [](const Row& c) { return Value{c.name}; }},
       {{"market", "p1.market", Unit::money}, [](const Row& c) { return Value{c.market}; }},
       {{"own_sales", "p1.own", Unit::money}, [](const Row& c) { return Value{c.own_entrant().sales}; }},
       {{"own_share", "p1.share", Unit::percent}, [](const Row& c) { return present::opt_value(c.own_entrant().share); }},
       {{"own_rank", "p2.own_rank", Unit::count}, [](const Row& c) { return Value{int64_t{c.own_entrant().rank}}; }},
       {{"leader", "p2.leader"},
        [](const Row& c) { return c.leader ? Value{c.entrants[*c.leader].name} : Value{}; }},
       {{"leader_sales", "p2.leader_sales", Unit::money},
        [](const Row& c) { return c.leader ? Value{c.entrants[*c.leader].sales} : Value{}; }},
       {{"relative_share", "c4.relative_share", Unit::number},
        [](const Row& c) { return present::opt_value(c.relative_share); }},
       {{"flagship", "p2.flagship"},
        [](const Row& c) { return c.flagships.empty() ? Value{} : Value{c.flagships.front().name}; }}}};
  return spec.build(r.categories);
}

present::Table entrants_table(const Category* c) {
  using Row = analytics::Entrant;
  const present::TableSpec<Row> spec{
      "p2_entrants",
      {{{"rank", "col.rank", Unit::count}, [](const Row& e) { return Value{int64_t{e.rank}}; }},
       {{"entrant", "p2.entrant"},
        [](const Row& e) { return e.own ? Value{present::Label{"p2.own"}} : Value{e.name}; }},
       {{"company", "p2.company"},
        [](const Row& e) { return e.own ? Value{present::Label{"p2.own"}} : Value{e.company}; }},
       {{"sales", "col.sales", Unit::money}, [](const Row& e) { return Value{e.sales}; }},
       {{"share", "p1.share", Unit::percent}, [](const Row& e) { return present::opt_value(e.share); }}}};
  return spec.build(c ? c->entrants : std::vector<Row>{});
}

struct TrendRow {
  const analytics::Entrant* e;
  Month month;
  Money market, sales;
  std::optional<double> share;
};

present::Table trend_table(const Result& r, const Category* c) {
  std::vector<TrendRow> rows;
  if (c)
    for (const auto& e : c->entrants)
      for (size_t k = 0; k < r.months.size(); ++k)
        rows.push_back({&e, r.months[k], c->trend_market[k], e.trend_sales[k], e.trend[k]});
  using Row = TrendRow;
  const present::TableSpec<Row> spec{
      "p2_trend",
      {{{"month", "col.month", Unit::month}, [](const Row& x) { return Value{format_month(x.month)}; }},
       {{"entrant", "p2.entrant"},
        [](const Row& x) { return x.e->own ? Value{present::Label{"p2.own"}} : Value{x.e->name}; }},
       {{"market", "p1.market", Unit::money}, [](const Row& x) { return Value{x.market}; }},
       {{"sales", "col.sales", Unit::money}, [](const Row& x) { return Value{x.sales}; }},
       {{"share", "p1.share", Unit::percent}, [](const Row& x) { return present::opt_value(x.share); }}}};
  return spec.build(rows);
}

struct FlagshipRow {
  const Category* c;
  const analytics::Flagship* f;
};

present::Table flagships_table(const Result& r) {
  std::vector<FlagshipRow> rows;
  for (const auto& c : r.categories)
    for (const auto& f : c.flagships) rows.push_back({&c, &f});
  using Row = FlagshipRow;
  const present::TableSpec<Row> spec{
      "p2_flagships",
      {{{"category", "c4.category"}, [](const Row& x) { return Value{x.c->name}; }},
       {{"rank", "col.rank", Unit::count}, [](const Row& x) { return Value{int64_t{x.f->rank}}; }},
       {{"code", "c4.code"}, [](const Row& x) { return Value{x.f->code}; }},
       {{"name", "col.name"}, [](const Row& x) { return Value{x.f->name}; }},
       {{"sales", "col.sales", Unit::money}, [](const Row& x) { return Value{x.f->sales}; }},
       {{"share", "p1.share", Unit::percent}, [](const Row& x) { return present::opt_value(x.f->share); }},
       {{"own_part", "p2.own_part", Unit::percent}, [](const Row& x) { return present::opt_value(x.f->own_part); }}}};
  return spec.build(rows);
}

// The scope narrowed by region/rep; an unknown category name is a 422 (narrow_scope checks it).
engine::Scope competitor_scope(const PageCall& q) {
  analytics::DoFilter only_category;
  only_category.category = q.p.text("category");
  (void)analytics::row_filter(*q.c.snap, only_category);
  return filter_scope(q);
}

}  // namespace

void add_plan_competitors_routes(http::Router& r, Context& ctx) {
  auto table = [](const std::string& t) {
    return [t](const PageCall& q, const Result& x) -> present::Table {
      if (t == "entrants") return entrants_table(focus(q, x));
      if (t == "trend") return trend_table(x, focus(q, x));
      if (t == "flagships") return flagships_table(x);
      return categories_table(x);
    };
  };
  std::vector<std::pair<std::string, std::function<present::Table(const PageCall&, const Result&)>>> tables;
  for (const char* t : {"categories", "entrants", "trend", "flagships"}) tables.emplace_back(t, table(t));
  ParamSpec category = text_param("category");
  category.keys_result = false;  // the focus only: every category is computed
  add_page<Result>(
      r, ctx,
      {
          .path = "/api/v1/plan/competitors",
          .kind = "p2",
          .params = {as_of_param(), period_param(), id_param("region"), id_param("rep"), category,
                     count_param("flagships", 3, 1, 10, "flagships 应在 1 到 10 之间", "flagships must be 1 to 10")},
          .scope = competitor_scope,
          .compute = [](const PageCall& q) { return analytics::competitors(*q.c.snap, q.scope, competitor_params(q)); },
          .encode = competitors_json,
          .tables = std::move(tables),
          .table_zh = "table 应为 categories、entrants、trend 或 flagships",
          .table_en = "table must be categories, entrants, trend or flagships",
          .file = [](const PageCall& q,
                     const std::string& t) { return "p2-" + t + "-" + q.p.period("period").label(); },
      });
}

}  // namespace sl::api
