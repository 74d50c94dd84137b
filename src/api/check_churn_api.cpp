// GET /api/v1/check/churn: C3 客户分级流失分析 — customer flow per period (?grain=quarter|month,
// ?periods=N), the Pareto classes A/B/C (?a_percent=80&b_percent=95) with its curve, one page
// of the key-account watch (class A; ?risk=all|at_risk, ?q= name, page, page_size) and the churn
// reasons by lost_reason × industry, size and 大区 (the suggested response is the catalogue's
// churn_response.<code>). ?format=xlsx|csv|json&table=flow|pareto|key_accounts|reasons|
// reasons_industry|reasons_size|reasons_region downloads a table (lists whole, not a page).
#include "analytics/check/churn_reasons.h"
#include "analytics/check/customer_flow.h"
#include "analytics/check/key_accounts.h"
#include "api/check_lists.h"
#include "api/do_json.h"
#include "api/page.h"
#include "api/routes.h"

namespace sl::api {

namespace {

using present::Unit;
using present::Value;

// One answer of the page: its four analyses on one scope and filter.
struct ChurnPage {
  std::vector<analytics::FlowRow> flow;
  analytics::ParetoResult pareto;
  std::vector<analytics::KeyAccount> key_accounts;
  analytics::ChurnReasons reasons;
};

std::string period_label(const analytics::FlowRow& r) {
  char buf[16];
  if (r.month)
    std::snprintf(buf, sizeof buf, "%04d-%02d", r.year, r.month);
  else
    std::snprintf(buf, sizeof buf, "%04d-Q%d", r.year, r.quarter);
  return buf;
}

std::vector<ParamSpec> churn_params() {
  ParamSpec periods{"periods", ParamSpec::Type::count};  // default 8 quarters or 12 months
  periods.fallback = [](const PageCall& q) { return std::string(q.p.text("grain") == "month" ? "12" : "8"); };
  periods.min = 1, periods.max = 36;
  periods.bounds_zh = "periods 应在 1 到 36 之间", periods.bounds_en = "periods must be 1 to 36";
  ParamSpec risk =
      choice_param("risk", "all", {"all", "at_risk"}, "risk 应为 all 或 at_risk：", "risk must be all or at_risk: ");
  risk.keys_result = false;
  std::vector<ParamSpec> p =
      join({as_of_param(), period_param(),
            choice_param("grain", "quarter", {"quarter", "month"}, "grain 应为 quarter 或 month：",
                         "grain must be quarter or month: "),
            periods, count_param("a_percent", 80, 50, 99, "a_percent 应在 50 到 99 之间", "a_percent must be 50 to 99"),
            count_param("b_percent", 95, 51, 100, "b_percent 应在 51 到 100 之间", "b_percent must be 51 to 100")},
           filter_params());
  p.push_back(risk);
  return join(p, check::list_params());
}

// The scope of the filter bar, once the class bounds are known to be in order (B above A).
engine::Scope churn_scope(const PageCall& q) {
  if (q.p.number("b_percent") <= q.p.number("a_percent"))
    throw invalid_field("b_percent", "b_percent 应大于 a_percent", "b_percent must be above a_percent");
  return filter_scope(q);
}

ChurnPage compute(const PageCall& q) {
  const auto& s = *q.c.snap;
  const Date as_of = check::read_date(q);
  const analytics::RowFilter rf = analytics::row_filter(s, filter_of(q));
  ChurnPage out;
  analytics::FlowParams fp{as_of, static_cast<int>(q.p.number("periods")),
                           q.p.text("grain") == "month" ? analytics::FlowGrain::month : analytics::FlowGrain::quarter,
                           rf};
  out.flow = analytics::customer_flow(s, q.scope, fp);
  out.pareto = analytics::pareto(
      s, q.scope, {as_of, static_cast<int>(q.p.number("a_percent")), static_cast<int>(q.p.number("b_percent")), rf});
  out.key_accounts = analytics::key_accounts(s, q.scope, {as_of, rf}, out.pareto);
  out.reasons = analytics::churn_reasons(s, q.scope, {as_of, rf});
  return out;
}

std::vector<const analytics::KeyAccount*> listed(const PageCall& q, const ChurnPage& r) {
  const bool at_risk = q.p.text("risk") == "at_risk";
  const std::string text = q.p.text("q");
  const auto& names = q.c.snap->facts->customers.name;
  std::vector<const analytics::KeyAccount*> out;
  for (const auto& k : r.key_accounts)
    if ((!at_risk || k.risk.at_risk()) && check::name_matches(names[k.customer], text)) out.push_back(&k);
  return out;
}

json::array risk_codes(const analytics::KeyAccountRisk& r) {
  json::array a;
  if (r.gap) a.push_back("gap");
  if (r.decline) a.push_back("decline");
  return a;
}

// The Pareto curve in at most ~100 points: cumulative share of customers → of sales.
json::array pareto_curve(const analytics::ParetoResult& p) {
  json::array out{json::object{{"customers", 0.0}, {"amount", 0.0}}};
  const size_t n = p.customers.size();
  if (n == 0 || p.total <= 0) return out;
  const size_t step = std::max<size_t>(1, n / 100);
  Money cum = 0;
  for (size_t i = 0; i < n; ++i) {
    cum += p.customers[i].amount;
    if ((i + 1) % step == 0 || i + 1 == n)
      out.push_back(json::object{{"customers", static_cast<double>(i + 1) / static_cast<double>(n)},
                                 {"amount", static_cast<double>(cum) / static_cast<double>(p.total)}});
  }
  return out;
}

json::object cross_json(const analytics::ChurnCross& c) {
  json::array rows;
  for (size_t i = 0; i < c.rows.size(); ++i) {
    json::array counts;
    for (int64_t x : c.counts[i]) counts.push_back(x);
    rows.push_back(json::object{{"name", c.rows[i]}, {"counts", std::move(counts)}});
  }
  return json::object{{"rows", std::move(rows)}};
}

json::value churn_json(const PageCall& q, const ChurnPage& r) {
  json::array flow;
  for (const auto& f : r.flow)
    flow.push_back(json::object{{"period", period_label(f)},
                                {"active", f.active},
                                {"new", f.fresh},
                                {"retained", f.retained},
                                {"returned", f.returned},
                                {"churned", f.churned},
                                {"churn_rate", f.churn_rate},
                                {"active_prev", f.active_prev}});
  json::array classes;
  for (int k = 0; k < 3; ++k) {
    const auto& c = r.pareto.classes[static_cast<size_t>(k)];
    classes.push_back(json::object{
        {"class", std::string(1, static_cast<char>('A' + k))},
        {"customers", c.customers},
        {"amount", c.amount},
        {"share", r.pareto.total ? static_cast<double>(c.amount) / static_cast<double>(r.pareto.total) : 0.0}});
  }
  int64_t at_risk = 0;
  for (const auto& k : r.key_accounts) at_risk += k.risk.at_risk();
  const auto& snap = *q.c.snap;
  json::object ka = check::page_of(q, listed(q, r), [&](const analytics::KeyAccount& k) {
    json::object o = check::customer_json(snap, k.customer);
    o["contracts"] = k.contracts;
    o["t12m"] = k.t12m;
    o["t12m_prev"] = k.t12m_prev;
    o["yoy"] = opt(k.risk.yoy);
    o["days_since_last"] = k.risk.days_since_last;
    o["median_gap"] = opt(k.risk.median_gap);
    o["at_risk"] = k.risk.at_risk();
    o["reasons"] = risk_codes(k.risk);
    return o;
  });
  ka["class_a"] = r.key_accounts.size();
  ka["at_risk"] = at_risk;
  json::array reasons;
  for (const auto& x : r.reasons.reasons)
    reasons.push_back(
        json::object{{"reason", x.reason}, {"code", x.code}, {"customers", x.customers}, {"amount", x.amount}});
  return json::object{{"as_of", format_date(check::read_date(q))},
                      {"period", do_api::period_json(q.p.period("period"), check::read_date(q))},
                      {"grain", q.p.text("grain")},
                      {"flow", std::move(flow)},
                      {"pareto", json::object{{"a", r.pareto.classes[0].customers},
                                              {"b", r.pareto.classes[1].customers},
                                              {"c", r.pareto.classes[2].customers},
                                              {"a_percent", q.p.number("a_percent")},
                                              {"b_percent", q.p.number("b_percent")},
                                              {"total", r.pareto.total},
                                              {"classes", std::move(classes)},
                                              {"curve", pareto_curve(r.pareto)}}},
                      {"key_accounts", std::move(ka)},
                      {"reasons", json::object{{"customers", r.reasons.customers},
                                               {"rows", std::move(reasons)},
                                               {"industry", cross_json(r.reasons.industry)},
                                               {"size", cross_json(r.reasons.size)},
                                               {"region", cross_json(r.reasons.region)}}},
                      {"options", do_api::filter_options(q.c)}};
}

present::Table flow_table(const ChurnPage& r) {
  using R = analytics::FlowRow;
  auto n = [](int64_t R::*m) { return [m](const R& x) { return Value{x.*m}; }; };
  const present::TableSpec<R> spec{
      "c3_flow",
      {{{"period", "c3.period"}, [](const R& x) { return Value{period_label(x)}; }},
       {{"active", "c3.active", Unit::count}, n(&R::active)},
       {{"new", "c3.new", Unit::count}, n(&R::fresh)},
       {{"retained", "c3.retained", Unit::count}, n(&R::retained)},
       {{"returned", "c3.returned", Unit::count}, n(&R::returned)},
       {{"churned", "c3.churned", Unit::count}, n(&R::churned)},
       {{"active_prev", "c3.active_prev", Unit::count}, n(&R::active_prev)},
       {{"churn_rate", "c3.churn_rate", Unit::percent}, [](const R& x) { return Value{x.churn_rate}; }}}};
  return spec.build(r.flow);
}

present::Table pareto_table(const PageCall& q, const ChurnPage& r) {
  const auto& names = q.c.snap->facts->customers.name;
  std::vector<size_t> rows(r.pareto.customers.size());
  std::vector<double> cum(rows.size());
  Money sum = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    rows[i] = i;
    sum += r.pareto.customers[i].amount;
    cum[i] = r.pareto.total ? static_cast<double>(sum) / static_cast<double>(r.pareto.total) : 0;
  }
  const auto& pc = r.pareto.customers;
  const present::TableSpec<size_t> spec{
      "c3_pareto",
      {{{"rank", "c3.rank", Unit::count}, [](const size_t& i) { return Value{static_cast<int64_t>(i + 1)}; }},
       {{"customer", "c3.customer"}, [&](const size_t& i) { return Value{names[pc[i].customer]}; }},
       {{"class", "c3.class"}, [&](const size_t& i) { return Value{std::string(1, pc[i].cls)}; }},
       {{"t12m", "c3.t12m", Unit::money}, [&](const size_t& i) { return Value{pc[i].amount}; }},
       {{"cum_share", "c3.cum_share", Unit::percent}, [&](const size_t& i) { return Value{cum[i]}; }}}};
  return spec.build(rows);
}

present::Table key_accounts_table(const PageCall& q, const ChurnPage& r) {
  using K = const analytics::KeyAccount*;
  const auto& names = q.c.snap->facts->customers.name;
  // Under a category an account's "contracts" are its purchase days of it (docs/metrics.md).
  const char* counted = filter_of(q).category.empty() ? "c3.contracts" : "c3.purchases";
  const present::TableSpec<K> spec{
      "c3_key_accounts",
      {{{"customer", "c3.customer"}, [&](const K& k) { return Value{names[k->customer]}; }},
       {{"contracts", counted, Unit::count}, [](const K& k) { return Value{int64_t{k->contracts}}; }},
       {{"t12m", "c3.t12m", Unit::money}, [](const K& k) { return Value{k->t12m}; }},
       {{"t12m_prev", "c3.t12m_prev", Unit::money}, [](const K& k) { return Value{k->t12m_prev}; }},
       {{"yoy", "c3.yoy", Unit::percent}, [](const K& k) { return present::opt_value(k->risk.yoy); }},
       {{"days_since_last", "c3.days_since_last", Unit::count},
        [](const K& k) { return Value{int64_t{k->risk.days_since_last}}; }},
       {{"median_gap", "c3.median_gap", Unit::number},
        [](const K& k) { return present::opt_value(k->risk.median_gap); }},
       {{"risk", "c3.risk"}, [](const K& k) {
          // One reason as a catalogue label; both as codes (the file is for reading, not parsing).
          if (k->risk.gap && k->risk.decline) return Value{std::string("gap, decline")};
          if (k->risk.gap) return Value{present::Label{"risk.gap"}};
          if (k->risk.decline) return Value{present::Label{"risk.decline"}};
          return Value{};
        }}}};
  return spec.build(listed(q, r));
}

present::Table reasons_table(const ChurnPage& r) {
  using X = analytics::ChurnReason;
  const present::TableSpec<X> spec{
      "c3_reasons",
      {{{"reason", "c3.reason"}, [](const X& x) { return Value{x.reason}; }},
       {{"customers", "c3.customers", Unit::count}, [](const X& x) { return Value{x.customers}; }},
       {{"amount", "c3.amount", Unit::money}, [](const X& x) { return Value{x.amount}; }},
       {{"response", "c3.response"}, [](const X& x) { return Value{present::Label{"churn_response." + x.code}}; }}}};
  return spec.build(r.reasons.reasons);
}

// A cross table: the dimension's name, then one column per reason (customers).
present::Table cross_table(const ChurnPage& r, const std::string& dim) {
  const analytics::ChurnCross& c = dim == "industry" ? r.reasons.industry
                                   : dim == "size"   ? r.reasons.size
                                                     : r.reasons.region;
  const bool sized = dim == "size";
  present::TableSpec<size_t> spec{"c3_reasons_" + dim, {{{dim, "c3." + dim}, [&c, sized](const size_t& i) {
                                                           return sized ? Value{present::Label{"size." + c.rows[i]}}
                                                                        : Value{c.rows[i]};
                                                         }}}};
  for (size_t k = 0; k < r.reasons.reasons.size(); ++k)
    spec.cols.push_back(
        {{"reason_" + std::to_string(k + 1), "c3.customers", Unit::count, "", r.reasons.reasons[k].reason},
         [&c, k](const size_t& i) { return Value{c.counts[i][k]}; }});
  std::vector<size_t> rows(c.rows.size());
  for (size_t i = 0; i < rows.size(); ++i) rows[i] = i;
  return spec.build(rows);
}

}  // namespace

void add_check_churn_routes(http::Router& r, Context& ctx) {
  using Make = std::function<present::Table(const PageCall&, const ChurnPage&)>;
  auto cross = [](const char* dim) -> Make {
    return [dim](const PageCall&, const ChurnPage& p) { return cross_table(p, dim); };
  };
  add_page<ChurnPage>(
      r, ctx,
      {
          .path = "/api/v1/check/churn",
          .kind = "c3",
          .params = churn_params(),
          .scope = churn_scope,
          .compute = compute,
          .encode = churn_json,
          .tables = {{"flow", [](const PageCall&, const ChurnPage& p) { return flow_table(p); }},
                     {"pareto", pareto_table},
                     {"key_accounts", key_accounts_table},
                     {"reasons", [](const PageCall&, const ChurnPage& p) { return reasons_table(p); }},
                     {"reasons_industry", cross("industry")},
                     {"reasons_size", cross("size")},
                     {"reasons_region", cross("region")}},
          .table_zh =
              "table 应为 flow、pareto、key_accounts、reasons、reasons_industry、reasons_size 或 reasons_region",
          .table_en =
              "table must be flow, pareto, key_accounts, reasons, reasons_industry, reasons_size or reasons_region",
          .file = [](const PageCall& q,
                     const std::string& t) { return "c3-" + t + "-" + format_date(check::read_date(q)); },
      });
}

}  // namespace sl::api
