// GET /api/v1/plan/finance?as_of=…: P4 营业收入各项指标分析 (analytics/plan/finance_overview.h):
// the ledger's eight lines by month, YTD against last YTD, each line's history and rest-of-year
// forecast with the chosen model and its backtest, the Pearson r matrix of YoY growth with the
// broken pairs; format=xlsx|csv|json&table=months|ytd|models|forecast|correlation for a file.
// The ledger is company-wide: admins and executives only (403 for managers and reps, whose
// scope is a part of the company; docs/api.md).
#include "analytics/plan/finance_overview.h"
#include "api/json_fields.h"
#include "api/page.h"
#include "api/routes.h"

namespace sl::api {

namespace {

using namespace analytics;
using present::Unit;
using present::Value;

constexpr size_t L(FinanceLine l) { return static_cast<size_t>(l); }
json::value month_or_null(const std::optional<Month>& m) {
  return m ? json::value(format_month(*m)) : json::value(nullptr);
}

json::object accuracy_json(const forecast::Accuracy& a) {
  return {{"mape", opt(a.mape)}, {"wape", opt(a.wape)}, {"points", a.points}};
}

json::object line_json(const FinanceResult& r, const FinanceLineForecast& f) {
  json::array months, points;
  for (const auto& m : r.months)
    months.push_back(json::object{{"month", format_month(m.month)}, {"value", m.v[L(f.line)]}});
  for (const auto& p : f.forecast)
    points.push_back(
        json::object{{"month", format_month(p.month)}, {"value", p.value}, {"low", p.low}, {"high", p.high}});
  json::object o{{"code", finance_line_code(f.line)},
                 {"model", forecast::method_code(f.fit.method)},
                 {"months", std::move(months)},
                 {"forecast", std::move(points)},
                 {"backtest", accuracy_json(f.fit.backtest)},
                 {"backtests",
                  json::object{{"holt_winters", accuracy_json(f.fit.holt_winters_backtest)},
                               {"trend_seasonal_naive", accuracy_json(f.fit.naive_backtest)}}}};
  o["params"] = f.fit.params ? json::value(json::object{{"alpha", f.fit.params->alpha},
                                                        {"beta", f.fit.params->beta},
                                                        {"gamma", f.fit.params->gamma}})
                             : json::value(nullptr);
  return o;
}

json::object month_json(const FinanceMonthRow& m) {
  json::object o{{"month", format_month(m.month)}};
  for (int k = 0; k < kFinanceLines; ++k) o[finance_line_code(finance_line(k))] = m.v[static_cast<size_t>(k)];
  o["gross_margin"] = opt(m.gross_margin);
  o["operating_margin"] = opt(m.operating_margin);
  return o;
}

json::value finance_json(const PageCall& q, const FinanceResult& r) {
  json::array months, lines, ytd, pairs, codes;
  for (const auto& m : r.months) months.push_back(month_json(m));
  for (const auto& f : r.forecast.lines) lines.push_back(line_json(r, f));
  for (const auto& y : r.ytd.lines)
    ytd.push_back(json::object{
        {"code", finance_line_code(y.line)}, {"ytd", y.ytd}, {"last_ytd", y.last_ytd}, {"growth", opt(y.growth)}});
  int broken = 0;
  for (const auto& p : r.correlation.pairs) {
    broken += p.broken;
    pairs.push_back(json::object{{"a", finance_line_code(p.a)},
                                 {"b", finance_line_code(p.b)},
                                 {"r", opt(p.r)},
                                 {"points", p.points},
                                 {"direction", direction_code(p.direction)},
                                 {"latest_a", opt(p.latest_a)},
                                 {"latest_b", opt(p.latest_b)},
                                 {"broken", p.broken}});
  }
  for (int k = 0; k < kFinanceLines; ++k) codes.push_back(json::string(finance_line_code(finance_line(k))));
  return json::object{
      {"as_of", format_date(q.p.date("as_of"))},
      {"history",
       json::object{{"first", r.months.empty() ? json::value(nullptr) : json::value(format_month(r.months.front().month))},
                    {"last", r.months.empty() ? json::value(nullptr) : json::value(format_month(r.months.back().month))}}},
      {"months", std::move(months)},
      {"ytd", json::object{{"first", month_or_null(r.ytd.first)},
                           {"last", month_or_null(r.ytd.last)},
                           {"lines", std::move(ytd)},
                           {"gross_margin", opt(r.ytd.gross_margin)},
                           {"gross_margin_ly", opt(r.ytd.gross_margin_ly)},
                           {"operating_margin", opt(r.ytd.operating_margin)},
                           {"operating_margin_ly", opt(r.ytd.operating_margin_ly)}}},
      {"forecast", json::object{{"first", month_or_null(r.forecast.first)},
                                {"last", month_or_null(r.forecast.last)},
                                {"level", kFinanceForecastLevel}}},
      {"lines", std::move(lines)},
      {"correlation", json::object{{"first", month_or_null(r.correlation.first)},
                                   {"last", month_or_null(r.correlation.last)},
                                   {"months", kCorrelationMonths},
                                   {"threshold", kCorrelationThreshold},
                                   {"lines", std::move(codes)},
                                   {"pairs", std::move(pairs)},
                                   {"broken", broken}}}};
}

// --- files: the same result through column specs ---

Value line_label(FinanceLine l) { return Value{present::Label{std::string("p4.") + finance_line_code(l)}}; }

present::Table months_table(const FinanceResult& r) {
  using Row = FinanceMonthRow;
  present::TableSpec<Row> spec{"p4_months",
                               {{{"month", "col.month", Unit::month},
                                 [](const Row& m) { return Value{format_month(m.month)}; }}}};
  for (int k = 0; k < kFinanceLines; ++k) {
    const char* code = finance_line_code(finance_line(k));
    spec.cols.push_back({{code, std::string("p4.") + code, Unit::money},
                         [k](const Row& m) { return Value{m.v[static_cast<size_t>(k)]}; }});
  }
  spec.cols.push_back({{"gross_margin", "p4.gross_margin", Unit::percent},
                       [](const Row& m) { return present::opt_value(m.gross_margin); }});
  spec.cols.push_back({{"operating_margin", "p4.operating_margin", Unit::percent},
                       [](const Row& m) { return present::opt_value(m.operating_margin); }});
  return spec.build(r.months);
}

present::Table ytd_table(const FinanceResult& r) {
  using Row = FinanceYtdRow;
  const present::TableSpec<Row> spec{
      "p4_ytd",
      {{{"code", "p4.line"}, [](const Row& y) { return line_label(y.line); }},
       {{"ytd", "p4.ytd", Unit::money}, [](const Row& y) { return Value{y.ytd}; }},
       {{"last_ytd", "p4.last_ytd", Unit::money}, [](const Row& y) { return Value{y.last_ytd}; }},
       {{"growth", "col.yoy", Unit::percent}, [](const Row& y) { return present::opt_value(y.growth); }}}};
  return spec.build(r.ytd.lines);
}

present::Table models_table(const FinanceResult& r) {
  using Row = FinanceLineForecast;
  const present::TableSpec<Row> spec{
      "p4_models",
      {{{"code", "p4.line"}, [](const Row& f) { return line_label(f.line); }},
       {{"model", "p4.model"},
        [](const Row& f) { return Value{present::Label{std::string("p4.") + forecast::method_code(f.fit.method)}}; }},
       {{"mape", "p4.mape", Unit::percent}, [](const Row& f) { return present::opt_value(f.fit.backtest.mape); }},
       {{"wape", "p4.wape", Unit::percent}, [](const Row& f) { return present::opt_value(f.fit.backtest.wape); }},
       {{"hw_mape", "p4.hw_mape", Unit::percent},
        [](const Row& f) { return present::opt_value(f.fit.holt_winters_backtest.mape); }},
       {{"naive_mape", "p4.naive_mape", Unit::percent},
        [](const Row& f) { return present::opt_value(f.fit.naive_backtest.mape); }}}};
  return spec.build(r.forecast.lines);
}

struct ForecastRow {
  FinanceLine line;
  const char* model;
  FinanceForecastPoint p;
};

present::Table forecast_table(const FinanceResult& r) {
  std::vector<ForecastRow> rows;
  for (const auto& f : r.forecast.lines)
    for (const auto& p : f.forecast) rows.push_back({f.line, forecast::method_code(f.fit.method), p});
  const present::TableSpec<ForecastRow> spec{
      "p4_forecast",
      {{{"code", "p4.line"}, [](const ForecastRow& x) { return line_label(x.line); }},
       {{"model", "p4.model"}, [](const ForecastRow& x) { return Value{present::Label{std::string("p4.") + x.model}}; }},
       {{"month", "col.month", Unit::month}, [](const ForecastRow& x) { return Value{format_month(x.p.month)}; }},
       {{"value", "p4.forecast", Unit::money}, [](const ForecastRow& x) { return Value{x.p.value}; }},
       {{"low", "p4.low", Unit::money}, [](const ForecastRow& x) { return Value{x.p.low}; }},
       {{"high", "p4.high", Unit::money}, [](const ForecastRow& x) { return Value{x.p.high}; }}}};
  return spec.build(rows);
}

present::Table correlation_table(const FinanceResult& r) {
  using Row = FinancePair;
  const present::TableSpec<Row> spec{
      "p4_correlation",
      {{{"a", "p4.line_a"}, [](const Row& p) { return line_label(p.a); }},
       {{"b", "p4.line_b"}, [](const Row& p) { return line_label(p.b); }},
       {{"r", "p4.r", Unit::number}, [](const Row& p) { return present::opt_value(p.r); }},
       {{"points", "p4.points", Unit::count}, [](const Row& p) { return Value{int64_t{p.points}}; }},
       {{"direction", "p4.direction"},
        [](const Row& p) { return Value{present::Label{std::string("p4.") + direction_code(p.direction)}}; }},
       {{"latest_a", "p4.latest_a", Unit::percent}, [](const Row& p) { return present::opt_value(p.latest_a); }},
       {{"latest_b", "p4.latest_b", Unit::percent}, [](const Row& p) { return present::opt_value(p.latest_b); }},
       {{"broken", "p4.broken"},
        [](const Row& p) { return p.broken ? Value{present::Label{"p4.broken_yes"}} : Value{}; }}}};
  return spec.build(r.correlation.pairs);
}

// Company-wide figures: for the callers whose scope is the whole company.
engine::Scope finance_scope(const PageCall& q) {
  if (q.c.user.role != model::Role::admin && q.c.user.role != model::Role::executive) throw forbidden();
  return q.c.scope;
}

}  // namespace

void add_plan_finance_routes(http::Router& r, Context& ctx) {
  using Result = FinanceResult;
  auto table = [](present::Table (*make)(const Result&)) {
    return [make](const PageCall&, const Result& result) { return make(result); };
  };
  add_page<Result>(r, ctx,
                   {
                       .path = "/api/v1/plan/finance",
                       .kind = "p4",
                       .params = {as_of_param()},
                       .scope = finance_scope,
                       .compute =
                           [](const PageCall& q) {
                             return finance_overview(*q.c.snap, q.scope, FinanceParams{q.p.date("as_of")});
                           },
                       .encode = finance_json,
                       .tables = {{"months", table(months_table)},
                                  {"ytd", table(ytd_table)},
                                  {"models", table(models_table)},
                                  {"forecast", table(forecast_table)},
                                  {"correlation", table(correlation_table)}},
                       .table_zh = "table 应为 months、ytd、models、forecast 或 correlation",
                       .table_en = "table must be months, ytd, models, forecast or correlation",
                       .file = [](const PageCall& q,
                                  const std::string& t) { return "p4-" + t + "-" + format_date(q.p.date("as_of")); },
                   });
}

}  // namespace sl::api
