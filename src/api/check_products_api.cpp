// GET /api/v1/check/products: C4 产品市场预警管理 (products, categories, the growth-share
// quadrant, warnings with their acknowledgements; format=xlsx|csv|json&table=products|
// categories|warnings for a file) and POST /api/v1/check/products/warnings/ack: acknowledge a
// warning with a comment (stored, audited). Sending a warning to a meeting is the agenda API's
// (source "c4", meetings_api.cpp).
#include <algorithm>
#include <cstdlib>
#include <map>

#include "analytics/check/products.h"
#include "api/cached_response.h"
#include "api/do_json.h"
#include "api/export.h"
#include "api/json_fields.h"
#include "api/page.h"
#include "api/routes.h"

namespace sl::api {

using namespace do_api;

namespace {

using present::Unit;
using present::Value;
using AckMap = std::map<std::string, std::vector<store::Store::ProductWarningAck>>;

constexpr size_t kWarningLimit = 200, kPointLimit = 500;

std::string plain(double x) {
  std::string s = std::to_string(x);
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s;
}

// A decimal setting of the page: absent → the default; outside [lo, hi] or not a number → 422.
double decimal(const PageCall& q, const char* name, double fallback, double lo, double hi) {
  const std::string v = q.p.text(name);
  if (v.empty()) return fallback;
  char* end = nullptr;
  const double x = std::strtod(v.c_str(), &end);
  if (end != v.c_str() + v.size() || !(x >= lo && x <= hi))
    throw invalid_field(name, std::string(name) + " 应为 " + plain(lo) + " 到 " + plain(hi) + " 之间的数",
                        std::string(name) + " must be a number from " + plain(lo) + " to " + plain(hi));
  return x;
}

analytics::ProductParams product_params(const PageCall& q) {
  analytics::ProductParams p;
  p.period = q.p.period("period");
  p.as_of = q.p.date("as_of");
  p.filter = filter_of(q);
  p.growth_threshold = decimal(q, "growth_threshold", 0.10, -1, 10);
  p.share_threshold = decimal(q, "share_threshold", 1.0, 0.01, 100);
  return p;
}

// The scope a warning was seen in, part of its acknowledgement: what a rep acknowledges about
// their own book does not silence the company's warning.
std::string scope_label(const engine::Snapshot& s, const engine::Scope& scope) {
  if (scope.everything) return "company";
  if (scope.own_rep != engine::kNone)
    return "rep:" + std::to_string(s.dims->rep_id[static_cast<size_t>(scope.own_rep)]);
  if (scope.root_region != engine::kNone)
    return "region:" + std::to_string(s.dims->region_id[static_cast<size_t>(scope.root_region)]);
  return "none";
}

AckMap load_acks(const PageCall& q) {
  AckMap m;
  for (auto& a : q.ctx.store.product_warning_acks(q.p.period("period").label(), scope_label(*q.c.snap, q.scope)))
    m[a.key].push_back(std::move(a));
  return m;
}

json::value day_or_null(const std::optional<Date>& d) {
  return d ? json::value(format_date(*d)) : json::value(nullptr);
}
json::value text_or_null(const char* s) { return s ? json::value(s) : json::value(nullptr); }

void put_figures(json::object& o, const analytics::SalesFigures& f) {
  o["sales"] = f.sales;
  o["sales_ly"] = f.sales_ly;
  o["cost"] = f.cost;
  o["yoy"] = opt(f.yoy);
  o["margin"] = opt(f.margin);
  o["margin_ly"] = opt(f.margin_ly);
  o["share"] = opt(f.share);
  o["share_ly"] = opt(f.share_ly);
  o["rival_sales"] = f.rival_sales;
  o["relative_share"] = opt(f.relative_share);
  o["last_sale"] = day_or_null(f.last_sale);
  o["quadrant"] = text_or_null(f.quadrant);
}

json::object product_json(const analytics::ProductRow& r) {
  json::object o{{"id", r.id},
                 {"code", r.code},
                 {"name", r.name},
                 {"category", r.category},
                 {"launch_date", format_date(r.launch)}};
  put_figures(o, r.f);
  return o;
}

json::object category_json(const analytics::CategoryRow& c) {
  json::object o{{"name", c.name}, {"products", c.products}};
  put_figures(o, c.f);
  o["market"] = c.market;
  o["market_ly"] = c.market_ly;
  o["market_growth"] = opt(c.market_growth);
  o["potential"] = opt(c.potential);
  o["rival"] =
      c.rival_id
          ? json::value(json::object{
                {"id", c.rival_id}, {"name", c.rival_name}, {"company", c.rival_company}, {"sales", c.f.rival_sales}})
          : json::value(nullptr);
  return o;
}

json::object warning_json(const analytics::ProductWarning& w, const std::string& period, const AckMap& acks) {
  const std::string key = w.key(period);
  json::array ack_list;
  if (auto it = acks.find(key); it != acks.end())
    for (const auto& x : it->second)
      ack_list.push_back(json::object{{"user", x.user_login}, {"at", iso_time(x.at)}, {"comment", x.comment}});
  return json::object{{"key", key},
                      {"unit", w.unit},
                      {"id", w.id ? json::value(w.id) : json::value(nullptr)},
                      {"code", w.code},
                      {"name", w.name},
                      {"category", w.category},
                      {"rule", w.rule},
                      {"severity", w.severity},
                      {"value", w.value},
                      {"base", opt(w.base)},
                      {"acks", std::move(ack_list)}};
}

// The product list's order (?sort=…&order=asc|desc); undefined values last either way.
void sort_products(std::vector<const analytics::ProductRow*>& v, const std::string& key, bool asc) {
  auto num = [&](const analytics::ProductRow& r) -> std::optional<double> {
    if (key == "sales") return static_cast<double>(r.f.sales);
    if (key == "yoy") return r.f.yoy;
    if (key == "margin") return r.f.margin;
    if (key == "share") return r.f.share;
    return r.f.relative_share;
  };
  std::stable_sort(v.begin(), v.end(), [&](const analytics::ProductRow* a, const analytics::ProductRow* b) {
    if (key == "code" || key == "name") {
      const std::string &x = key == "code" ? a->code : a->name, &y = key == "code" ? b->code : b->name;
      return asc ? x < y : y < x;
    }
    auto x = num(*a), y = num(*b);
    if (!x || !y) return x.has_value() && !y.has_value();
    return asc ? *x < *y : *y < *x;
  });
}

json::value products_json(const PageCall& q, const analytics::ProductResult& r) {
  const analytics::ProductParams p = product_params(q);
  const std::string period = p.period.label();
  const AckMap acks = load_acks(q);
  std::vector<const analytics::ProductRow*> order;
  for (const auto& x : r.products) order.push_back(&x);
  sort_products(order, q.p.text("sort"), q.p.text("order") == "asc");
  const size_t size = static_cast<size_t>(q.p.number("page_size")), page = static_cast<size_t>(q.p.number("page"));
  json::array products, points, categories, warnings;
  for (size_t i = (page - 1) * size; i < order.size() && i < page * size; ++i)
    products.push_back(product_json(*order[i]));
  json::object counts{{"star", 0}, {"cash_cow", 0}, {"question", 0}, {"dog", 0}, {"none", 0}};
  for (const auto& x : r.products) {
    counts[x.f.quadrant ? x.f.quadrant : "none"] = counts[x.f.quadrant ? x.f.quadrant : "none"].as_int64() + 1;
    // The scatter: products with a quadrant, the largest first (r.products is by sales).
    if (x.f.quadrant && points.size() < kPointLimit)
      points.push_back(json::object{{"id", x.id},
                                    {"name", x.name},
                                    {"yoy", *x.f.yoy},
                                    {"relative_share", *x.f.relative_share},
                                    {"sales", x.f.sales},
                                    {"quadrant", x.f.quadrant}});
  }
  for (const auto& c : r.categories) categories.push_back(category_json(c));
  for (size_t i = 0; i < r.warnings.size() && i < kWarningLimit; ++i)
    warnings.push_back(warning_json(r.warnings[i], period, acks));
  auto window = [](const analytics::Window& w) {
    return json::object{{"first", format_date(w.first)}, {"last", format_date(w.last)}};
  };
  json::object totals;
  put_figures(totals, r.totals);
  totals["market"] = r.market;
  totals["market_ly"] = r.market_ly;
  totals["share"] = r.market ? json::value(static_cast<double>(r.totals.sales) / static_cast<double>(r.market))
                             : json::value(nullptr);
  totals.erase("relative_share");
  totals.erase("rival_sales");
  totals.erase("quadrant");
  totals.erase("share_ly");
  return json::object{
      {"period", period_json(p.period, p.as_of)},
      {"as_of", format_date(p.as_of)},
      {"filter", json::object{{"region", p.filter.region ? json::value(p.filter.region) : json::value(nullptr)},
                              {"rep", p.filter.rep ? json::value(p.filter.rep) : json::value(nullptr)},
                              {"industry", p.filter.industry},
                              {"category", p.filter.category},
                              {"size", p.filter.size}}},
      {"scope", scope_label(*q.c.snap, q.scope)},
      {"windows", json::object{{"current", window(r.current)}, {"yoy", window(r.yoy)}}},
      {"thresholds", json::object{{"growth", p.growth_threshold}, {"share", p.share_threshold}}},
      {"totals", std::move(totals)},
      {"quadrants", std::move(counts)},
      {"products", std::move(products)},
      {"products_total", r.products.size()},
      {"page", page},
      {"page_size", size},
      {"sort", q.p.text("sort")},
      {"order", q.p.text("order")},
      {"points", std::move(points)},
      {"categories", std::move(categories)},
      {"warnings", std::move(warnings)},
      {"warnings_total", r.warnings.size()},
      {"options", filter_options(q.c)}};
}

// --- files: the same result through column specs ---

template <class Row>
void figure_cols(present::TableSpec<Row>& spec) {
  auto f = [](auto get) { return [get](const Row& r) { return get(r.f); }; };
  using F = analytics::SalesFigures;
  spec.cols.push_back({{"sales", "col.sales", Unit::money}, f([](const F& x) { return Value{x.sales}; })});
  spec.cols.push_back({{"sales_ly", "c4.sales_ly", Unit::money}, f([](const F& x) { return Value{x.sales_ly}; })});
  spec.cols.push_back({{"yoy", "col.yoy", Unit::percent}, f([](const F& x) { return present::opt_value(x.yoy); })});
  spec.cols.push_back(
      {{"margin", "c4.margin", Unit::percent}, f([](const F& x) { return present::opt_value(x.margin); })});
  spec.cols.push_back(
      {{"margin_ly", "c4.margin_ly", Unit::percent}, f([](const F& x) { return present::opt_value(x.margin_ly); })});
  spec.cols.push_back(
      {{"share", "c4.share", Unit::percent}, f([](const F& x) { return present::opt_value(x.share); })});
  spec.cols.push_back(
      {{"share_ly", "c4.share_ly", Unit::percent}, f([](const F& x) { return present::opt_value(x.share_ly); })});
  spec.cols.push_back(
      {{"rival_sales", "c4.rival_sales", Unit::money}, f([](const F& x) { return Value{x.rival_sales}; })});
  spec.cols.push_back({{"relative_share", "c4.relative_share", Unit::number},
                       f([](const F& x) { return present::opt_value(x.relative_share); })});
  spec.cols.push_back({{"quadrant", "c4.quadrant"}, f([](const F& x) {
                         return x.quadrant ? Value{present::Label{std::string("c4.") + x.quadrant}} : Value{};
                       })});
  spec.cols.push_back({{"last_sale", "c4.last_sale", Unit::date},
                       f([](const F& x) { return x.last_sale ? Value{format_date(*x.last_sale)} : Value{}; })});
}

present::Table products_table(const analytics::ProductResult& r) {
  using Row = analytics::ProductRow;
  present::TableSpec<Row> spec{
      "c4_products",
      {{{"code", "c4.code"}, [](const Row& x) { return Value{x.code}; }},
       {{"name", "col.name"}, [](const Row& x) { return Value{x.name}; }},
       {{"category", "c4.category"}, [](const Row& x) { return Value{x.category}; }},
       {{"launch_date", "c4.launch_date", Unit::date}, [](const Row& x) { return Value{format_date(x.launch)}; }}}};
  figure_cols(spec);
  return spec.build(r.products);
}

present::Table categories_table(const analytics::ProductResult& r) {
  using Row = analytics::CategoryRow;
  present::TableSpec<Row> spec{
      "c4_categories",
      {{{"category", "c4.category"}, [](const Row& x) { return Value{x.name}; }},
       {{"products", "c4.products", Unit::count}, [](const Row& x) { return Value{int64_t{x.products}}; }}}};
  figure_cols(spec);
  spec.cols.push_back({{"rival", "c4.rival"}, [](const Row& x) { return x.rival_id ? Value{x.rival_name} : Value{}; }});
  spec.cols.push_back({{"market", "c4.market", Unit::money}, [](const Row& x) { return Value{x.market}; }});
  spec.cols.push_back({{"market_ly", "c4.market_ly", Unit::money}, [](const Row& x) { return Value{x.market_ly}; }});
  spec.cols.push_back({{"market_growth", "c4.market_growth", Unit::percent},
                       [](const Row& x) { return present::opt_value(x.market_growth); }});
  spec.cols.push_back(
      {{"potential", "c4.potential", Unit::money}, [](const Row& x) { return present::opt_value(x.potential); }});
  return spec.build(r.categories);
}

present::Table warnings_table(const analytics::ProductResult& r, const std::string& period, const AckMap& acks) {
  using Row = analytics::ProductWarning;
  const present::TableSpec<Row> spec{
      "c4_warnings",
      {{{"unit", "col.unit"}, [](const Row& w) { return Value{present::Label{"c4.unit_" + w.unit}}; }},
       {{"code", "c4.code"}, [](const Row& w) { return Value{w.code}; }},
       {{"name", "col.name"}, [](const Row& w) { return Value{w.name}; }},
       {{"category", "c4.category"}, [](const Row& w) { return Value{w.category}; }},
       {{"rule", "c4.rule"}, [](const Row& w) { return Value{present::Label{"c4." + w.rule}}; }},
       {{"severity", "col.severity"}, [](const Row& w) { return Value{present::Label{"c4." + w.severity}}; }},
       {{"value", "c4.value", Unit::number}, [](const Row& w) { return Value{w.value}; }},
       {{"base", "c4.base", Unit::percent}, [](const Row& w) { return present::opt_value(w.base); }},
       {{"ack", "col.ack"}, [&](const Row& w) {
          std::string ack;
          if (auto it = acks.find(w.key(period)); it != acks.end())
            for (const auto& x : it->second) ack += (ack.empty() ? "" : "; ") + x.user_login + ": " + x.comment;
          return Value{ack};
        }}}};
  return spec.build(r.warnings);
}

std::vector<ParamSpec> product_page_params() {
  ParamSpec page = count_param("page", 1, 1, 100000, "page 应在 1 到 100000 之间", "page must be 1 to 100000");
  ParamSpec size = count_param("page_size", 50, 1, 500, "page_size 应在 1 到 500 之间", "page_size must be 1 to 500");
  ParamSpec sort = choice_param("sort", "sales", {"sales", "yoy", "margin", "share", "relative_share", "code", "name"},
                                "sort 应为 sales、yoy、margin、share、relative_share、code 或 name：",
                                "sort must be sales, yoy, margin, share, relative_share, code or name: ");
  ParamSpec order =
      choice_param("order", "desc", {"asc", "desc"}, "order 应为 asc 或 desc：", "order must be asc or desc: ");
  for (ParamSpec* s : {&page, &size, &sort, &order}) s->keys_result = false;
  return join(join({as_of_param(), period_param(), text_param("growth_threshold"), text_param("share_threshold")},
                   filter_params()),
              {page, size, sort, order});
}

}  // namespace

void add_check_products_routes(http::Router& r, Context& ctx) {
  using Result = analytics::ProductResult;
  auto table = [](const char* name) {
    return [name](const PageCall& q, const Result& result) -> present::Table {
      const std::string t = name;
      if (t == "categories") return categories_table(result);
      if (t == "warnings") return warnings_table(result, q.p.period("period").label(), load_acks(q));
      return products_table(result);
    };
  };
  add_page<Result>(
      r, ctx,
      {
          .path = "/api/v1/check/products",
          .kind = "c4",
          .params = product_page_params(),
          .scope = filter_scope,
          .compute =
              [](const PageCall& q) { return analytics::product_warning(*q.c.snap, q.scope, product_params(q)); },
          .encode = products_json,
          .tables = {{"products", table("products")},
                     {"categories", table("categories")},
                     {"warnings", table("warnings")}},
          .table_zh = "table 应为 products、categories 或 warnings",
          .table_en = "table must be products, categories or warnings",
          .file = [](const PageCall& q,
                     const std::string& t) { return "c4-" + t + "-" + q.p.period("period").label(); },
      });

  // The key must name a warning the caller sees now, in the scope and with the filters and
  // settings the list was read with: recompute it (404 otherwise, never a blind write).
  r.add("POST", "/api/v1/check/products/warnings/ack", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    const std::string key = required_string(body, "key", 300);
    const std::string comment = required_string(body, "comment", 4000);
    size_t chars = 0;
    for (unsigned char ch : comment) chars += (ch & 0xC0) != 0x80;  // characters, not bytes
    if (chars == 0 || comment.find_first_not_of(" \t\r\n") == std::string::npos)
      throw invalid_field("comment", "请填写确认说明", "Enter a comment");
    if (chars > 500) throw invalid_field("comment", "说明不能超过 500 字", "The comment is longer than 500 characters");
    // The page's parameters from the body, decoded by the page's own decoder.
    http::Request view = req;
    view.query.clear();
    for (const char* name :
         {"as_of", "period", "growth_threshold", "share_threshold", "region", "rep", "industry", "category", "size"})
      if (auto* v = body.if_contains(name); v && !v->is_null())
        view.query[name] = v->is_string() ? std::string(v->get_string()) : json::serialize(*v);
    PageCall q{ctx, view, c, {}, c.scope};
    q.p = decode_params(product_page_params(), q);
    q.scope = filter_scope(q);
    const auto result = analytics::product_warning(*c.snap, q.scope, product_params(q));
    const std::string period = q.p.period("period").label();
    bool found = false;
    for (const auto& w : result.warnings) found = found || w.key(period) == key;
    if (!found) throw not_found();
    store::Store::ProductWarningAck ack;
    ack.key = key;
    ack.scope = scope_label(*c.snap, q.scope);
    ack.period = period;
    ack.user = c.user.id;
    ack.at = auth::system_clock_seconds();
    ack.comment = comment;
    const Id id = ctx.store.add_product_warning_ack(ack);
    return http::json_response(201, json::object{{"id", id},
                                                 {"key", key},
                                                 {"scope", ack.scope},
                                                 {"user", c.user.login},
                                                 {"at", iso_time(ack.at)},
                                                 {"comment", comment}});
  });
}

}  // namespace sl::api
