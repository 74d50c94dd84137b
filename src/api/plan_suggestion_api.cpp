// GET /api/v1/plan/suggestion?period=2027-Q1&owner=company|region:ID|rep:ID&as_of=…: P6 目标建议
// (analytics/plan/suggestion.h): the market, pipeline and history evidences of the owner's sales
// in a coming period (month, quarter or year, its first month not before as_of's), each with
// its backtest MAPE and weight, the blend ∝ 1 / MAPE, its range and its split by month.
// owner defaults to the caller's own (company, the manager's region, the rep); one outside the
// caller's scope is 404. ?format=xlsx|csv|json&table=evidence|months downloads a table.
#include "analytics/plan/suggestion.h"
#include "api/do_json.h"
#include "api/json_fields.h"
#include "api/page.h"
#include "api/routes.h"

namespace sl::api {

namespace {

using namespace analytics;
using present::Unit;
using present::Value;

constexpr int kMaxMonthsAhead = 36;  // the period's last month at most this far after as_of's

struct Owner {
  std::string kind;  // company | region | rep
  int32_t index = engine::kNone;
};

Owner parse_owner(const PageCall& q) {
  const auto& d = *q.c.snap->dims;
  const std::string text = q.p.text("owner");
  const auto colon = text.find(':');
  const std::string kind = text.substr(0, colon);
  auto bad = [&] {
    return invalid_field("owner", "owner 应为 company、region:ID 或 rep:ID：" + text,
                         "owner must be company, region:ID or rep:ID: " + text);
  };
  if (kind == "company" && colon == std::string::npos) {
    if (!q.c.scope.everything) throw not_found();
    return {"company", d.company};
  }
  if ((kind != "region" && kind != "rep") || colon == std::string::npos) throw bad();
  const std::string digits = text.substr(colon + 1);
  if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos) throw bad();
  const Id id = std::stoll(digits);
  if (kind == "region") {
    const int32_t r = d.find_region(id);
    if (r == engine::kNone || q.c.user.role == model::Role::rep || !q.c.scope.sees_region(r)) throw not_found();
    return {"region", r};
  }
  const int32_t r = d.find_rep(id);
  if (r == engine::kNone || !q.c.scope.sees_rep(r)) throw not_found();
  return {"rep", r};
}

std::string default_owner(const PageCall& q) {
  const auto& d = *q.c.snap->dims;
  const auto& s = q.c.scope;
  if (s.everything) return "company";
  if (s.own_rep != engine::kNone) return "rep:" + std::to_string(d.rep_id[static_cast<size_t>(s.own_rep)]);
  if (s.root_region != engine::kNone) return "region:" + std::to_string(d.region_id[static_cast<size_t>(s.root_region)]);
  return "company";
}

// The owner's scope, once the period is checked: a coming one, not too far ahead.
engine::Scope owner_scope(const PageCall& q) {
  const auto& d = *q.c.snap->dims;
  const Owner o = parse_owner(q);
  const Period period = q.p.period("period");
  const Month now = Month::of(q.p.date("as_of"));
  if (Month::of(period.first) < now)
    throw invalid_field("period", "目标建议只针对未来的期间：" + period.label() + " 已开始或已过去",
                        "A suggestion is for a coming period: " + period.label() + " has already started");
  if (Month::of(period.last).index - now.index > kMaxMonthsAhead)
    throw invalid_field("period", "期间最多在 36 个月之后：" + period.label(),
                        "The period must end within 36 months: " + period.label());
  if (o.kind == "company") return engine::scope_all(d);
  return o.kind == "region" ? engine::scope_region(d, o.index) : engine::scope_rep(d, o.index);
}

std::vector<ParamSpec> params() {
  ParamSpec period = period_param(false);
  period.fallback = [](const PageCall& q) {  // the quarter after as_of's
    const Month m = Month::of(q.p.date("as_of"));
    const Month next{m.index - (m.month() - 1) % 3 + 3};
    return std::to_string(next.year()) + "-Q" + std::to_string((next.month() - 1) / 3 + 1);
  };
  ParamSpec owner = text_param("owner");
  owner.fallback = default_owner;
  return {as_of_param(), period, owner};
}

json::value month_values(Month first, const std::vector<double>& v) {
  json::array out;
  for (size_t k = 0; k < v.size(); ++k)
    out.push_back(json::object{{"month", format_month(Month{first.index + static_cast<int32_t>(k)})},
                               {"value", std::llround(v[k])}});
  return out;
}

json::value params_json(const std::optional<forecast::HwParams>& p) {
  if (!p) return nullptr;
  return json::object{{"alpha", p->alpha}, {"beta", p->beta}, {"gamma", p->gamma}};
}

json::object evidence_json(Month first, const Evidence& e) {
  json::object basis;
  if (e.method == EvidenceMethod::market)
    basis = {{"model", forecast::method_code(e.model)},
             {"params", params_json(e.params)},
             {"market_forecast", std::llround(e.market_forecast)},
             {"share", opt(e.share)},
             {"share_own", e.share_own},
             {"share_market", e.share_market}};
  else if (e.method == EvidenceMethod::pipeline)
    basis = {{"expected", std::llround(e.expected)}, {"run_rate", std::llround(e.run_rate)}, {"open", e.open}};
  else
    basis = {{"model", forecast::method_code(e.model)}, {"params", params_json(e.params)}};
  return {{"method", evidence_code(e.method)},
          {"value", opt(e.value)},
          {"mape", opt(e.backtest.mape)},
          {"wape", opt(e.backtest.wape)},
          {"points", e.backtest.points},
          {"weight", e.weight},
          {"used", e.weight > 0},
          {"months", month_values(first, e.months)},
          {"basis", std::move(basis)}};
}

json::value owner_json(const PageCall& q) {
  const auto& d = *q.c.snap->dims;
  const Owner o = parse_owner(q);
  if (o.kind == "company") return json::object{{"kind", "company"}, {"id", nullptr}, {"name", d.region_name[static_cast<size_t>(o.index)]}};
  const bool region = o.kind == "region";
  const size_t i = static_cast<size_t>(o.index);
  json::object out{{"kind", o.kind},
                   {"id", region ? d.region_id[i] : d.rep_id[i]},
                   {"name", region ? d.region_name[i] : d.rep_name[i]}};
  if (!region) {
    const int32_t home = d.region_top[static_cast<size_t>(d.rep_region[i])];  // the 大区 (the target grid's)
    out["region"] = home == engine::kNone ? json::value(nullptr) : json::value(d.region_id[static_cast<size_t>(home)]);
  }
  return out;
}

json::value suggestion_json(const PageCall& q, const Suggestion& r) {
  const Date as_of = q.p.date("as_of");
  const Period period = q.p.period("period");
  const Month first = Month::of(period.first);
  json::array evidence, history, split;
  for (const auto& e : r.evidence) evidence.push_back(evidence_json(first, e));
  for (size_t k = 0; k < r.sales.size(); ++k)
    history.push_back(json::object{{"month", format_month(Month{r.history_first.index + static_cast<int32_t>(k)})},
                                   {"value", r.sales[k]}});
  for (size_t k = 0; k < r.split.size(); ++k)
    split.push_back(json::object{{"month", format_month(Month{first.index + static_cast<int32_t>(k)})},
                                 {"value", r.split[k]}});
  return json::object{{"as_of", format_date(as_of)},
                      {"period", do_api::period_json(period, as_of)},
                      {"owner", owner_json(q)},
                      {"history", json::object{{"first", r.sales.empty() ? json::value(nullptr) : json::value(format_month(r.history_first))},
                                               {"last", r.sales.empty() ? json::value(nullptr) : json::value(format_month(r.history_last))},
                                               {"months", std::move(history)}}},
                      {"evidence", std::move(evidence)},
                      {"suggested", opt(r.suggested)},
                      {"low", opt(r.low)},
                      {"high", opt(r.high)},
                      {"error", opt(r.error)},
                      {"split", std::move(split)},
                      {"options", do_api::filter_options(q.c)},  // the owners the caller may pick
                      {"unit", "fen"}};
}

Value method_label(EvidenceMethod m) { return Value{present::Label{std::string("p6.") + evidence_code(m)}}; }

present::Table evidence_table(const PageCall&, const Suggestion& r) {
  const present::TableSpec<Evidence> spec{
      "p6_evidence",
      {{{"method", "p6.method"}, [](const Evidence& e) { return method_label(e.method); }},
       {{"value", "p6.value", Unit::money}, [](const Evidence& e) { return present::opt_value(e.value); }},
       {{"mape", "p6.mape", Unit::percent}, [](const Evidence& e) { return present::opt_value(e.backtest.mape); }},
       {{"wape", "p6.wape", Unit::percent}, [](const Evidence& e) { return present::opt_value(e.backtest.wape); }},
       {{"points", "p6.points", Unit::count}, [](const Evidence& e) { return Value{int64_t{e.backtest.points}}; }},
       {{"weight", "p6.weight", Unit::percent}, [](const Evidence& e) { return Value{e.weight}; }}}};
  return spec.build(r.evidence);
}

struct MonthRow {
  Month month;
  std::optional<Money> market, pipeline, history, suggested;
};

present::Table months_table(const PageCall& q, const Suggestion& r) {
  const Month first = Month::of(q.p.period("period").first), last = Month::of(q.p.period("period").last);
  std::vector<MonthRow> rows;
  for (Month m = first; m <= last; m = Month{m.index + 1}) {
    const size_t k = static_cast<size_t>(m.index - first.index);
    MonthRow row{m};
    std::optional<Money>* slot[] = {&row.market, &row.pipeline, &row.history};
    for (size_t e = 0; e < r.evidence.size(); ++e)
      if (k < r.evidence[e].months.size()) *slot[e] = std::llround(r.evidence[e].months[k]);
    if (k < r.split.size()) row.suggested = r.split[k];
    rows.push_back(row);
  }
  auto money = [](std::optional<Money> MonthRow::*f) {
    return [f](const MonthRow& x) { return present::opt_value(x.*f); };
  };
  const present::TableSpec<MonthRow> spec{
      "p6_months",
      {{{"month", "col.month", Unit::month}, [](const MonthRow& x) { return Value{format_month(x.month)}; }},
       {{"market", "p6.market", Unit::money}, money(&MonthRow::market)},
       {{"pipeline", "p6.pipeline", Unit::money}, money(&MonthRow::pipeline)},
       {{"history", "p6.history", Unit::money}, money(&MonthRow::history)},
       {{"suggested", "p6.suggested", Unit::money}, money(&MonthRow::suggested)}}};
  return spec.build(rows);
}

}  // namespace

void add_plan_suggestion_routes(http::Router& r, Context& ctx) {
  add_page<Suggestion>(
      r, ctx,
      {
          .path = "/api/v1/plan/suggestion",
          .kind = "p6",
          .params = params(),
          .scope = owner_scope,
          .compute =
              [](const PageCall& q) {
                const Period p = q.p.period("period");
                return suggestion(*q.c.snap, q.scope,
                                  {q.p.date("as_of"), Month::of(p.first), Month::of(p.last)});
              },
          .encode = suggestion_json,
          .tables = {{"evidence", evidence_table}, {"months", months_table}},
          .table_zh = "table 应为 evidence 或 months",
          .table_en = "table must be evidence or months",
          .file =
              [](const PageCall& q, const std::string& t) {
                std::string owner = q.p.text("owner");
                for (char& c : owner)
                  if (c == ':') c = '-';
                return "p6-" + t + "-" + owner + "-" + q.p.period("period").label();
              },
      });
}

}  // namespace sl::api
