// GET /api/v1/plan/funnel: P3 商机数量变化趋势分析 — the funnel over the cohort created in the
// period (default as_of's year; read as it stood on as_of), stage win probabilities from the
// trailing 12 months with their basis (scope, or the company below 20 closed), the weighted
// pipeline of the open opportunities by expected close month, opportunities created and sales
// by month per year, and one page of the opportunities that reached ?stage= (default lead;
// ?q= a part of the customer's name). ?format=xlsx|csv|json&table=stages|pipeline|trend|
// opportunities downloads a table (opportunities: the whole list of the stage, not a page).
#include <cmath>

#include "analytics/plan/funnel.h"
#include "analytics/plan/opportunity_trend.h"
#include "analytics/plan/pipeline.h"
#include "api/check_lists.h"
#include "api/do_json.h"
#include "api/page.h"
#include "api/rep_json.h"
#include "api/routes.h"

namespace sl::api {

namespace {

using present::Unit;
using present::Value;
using analytics::FunnelRow;

struct FunnelPage {
  analytics::Funnel funnel;
  analytics::StageProbabilities probs;
  analytics::Pipeline pipeline;
  std::vector<analytics::TrendYear> trend;
};

const char* stage_code(int s) { return model::stage_code(static_cast<model::Stage>(s)); }

std::vector<ParamSpec> funnel_params() {
  ParamSpec period = period_param();
  period.fallback = [](const PageCall& q) { return std::to_string(to_ymd(q.p.date("as_of")).year); };
  std::vector<std::string> stages;
  for (int s = 0; s < analytics::kFunnelStages; ++s) stages.push_back(stage_code(s));
  ParamSpec stage = choice_param("stage", "lead", stages, "stage 应为 lead、qualified、proposal、bidding、negotiation 或 won：",
                                 "stage must be lead, qualified, proposal, bidding, negotiation or won: ");
  stage.keys_result = false;
  std::vector<ParamSpec> p = join({as_of_param(), period}, filter_params());
  p.push_back(stage);
  return join(p, check::list_params());
}

FunnelPage compute(const PageCall& q) {
  const auto& s = *q.c.snap;
  const Date as_of = q.p.date("as_of");
  const Period period = q.p.period("period");
  const analytics::RowFilter rf = analytics::row_filter(s, filter_of(q));
  FunnelPage out;
  out.funnel = analytics::funnel(s, q.scope, {period.first, period.last, as_of, rf});
  out.probs = analytics::stage_probabilities(s, q.scope, {as_of, rf});
  out.pipeline = analytics::weighted_pipeline(s, q.scope, {as_of, rf}, out.probs);
  out.trend = analytics::opportunity_trend(s, q.scope, {as_of, rf});
  return out;
}

int asked_stage(const PageCall& q) {
  const std::string code = q.p.text("stage");
  for (int s = 0; s < analytics::kFunnelStages; ++s)
    if (code == stage_code(s)) return s;
  return 0;
}

// The opportunities of the asked stage whose customer's name holds q.
std::vector<const FunnelRow*> listed(const PageCall& q, const FunnelPage& r) {
  const auto& f = *q.c.snap->facts;
  const std::string text = q.p.text("q");
  std::vector<const FunnelRow*> out;
  for (const FunnelRow* x : analytics::reached_rows(r.funnel, asked_stage(q))) {
    const int32_t c = f.opportunities.customer[x->row];
    if (text.empty() || (c != engine::kNone && check::name_matches(f.customers.name[c], text))) out.push_back(x);
  }
  return out;
}

// Days in the current stage on as_of; none once won or lost.
std::optional<int64_t> days_in_stage(const PageCall& q, const FunnelRow& x) {
  if (x.stage >= analytics::kWon) return std::nullopt;
  return q.p.date("as_of").days - x.entered;
}

int64_t fen(double v) { return static_cast<int64_t>(std::llround(v)); }

json::object opportunity_json(const PageCall& q, const FunnelRow& x) {
  const auto& s = *q.c.snap;
  const auto& o = s.facts->opportunities;
  const auto& d = *s.dims;
  const int32_t c = o.customer[x.row], rep = o.rep[x.row];
  json::object row{
      {"id", o.id[x.row]},
      {"customer", c == engine::kNone ? json::value(nullptr) : json::value(check::customer_json(s, c))},
      {"rep", rep == engine::kNone ? json::value(nullptr)
                                   : json::value(json::object{{"id", d.rep_id[static_cast<size_t>(rep)]},
                                                              {"name", d.rep_name[static_cast<size_t>(rep)]}})},
      {"amount", o.amount[x.row]},
      {"created", format_date(Date{o.created[x.row]})},
      {"expected_close", format_date(Date{o.expected_close[x.row]})},
      {"stage", stage_code(x.stage)},
      {"days_in_stage", opt(days_in_stage(q, x))}};
  if (rep != engine::kNone) add_employee_no(row.at("rep").as_object(), d, d.rep_id[static_cast<size_t>(rep)]);
  return row;
}

json::value funnel_json(const PageCall& q, const FunnelPage& r) {
  const auto& fu = r.funnel;
  json::array stages;
  for (int k = 0; k < analytics::kFunnelStages; ++k) {
    const auto& st = fu.stages[k];
    const auto& pr = r.probs[k];
    const auto& open = r.pipeline.stages[k];
    stages.push_back(json::object{{"stage", stage_code(k)},
                                  {"reached", st.reached},
                                  {"conversion", opt(st.conversion)},
                                  {"win_probability", opt(pr.p)},
                                  {"probability_basis", analytics::probability_basis_code(pr.basis)},
                                  {"closed", pr.closed},
                                  {"closed_won", pr.won},
                                  {"mean_days", opt(st.mean_days)},
                                  {"open", open.count},
                                  {"open_amount", open.amount},
                                  {"weighted", fen(open.weighted)}});
  }
  json::array months;
  for (const auto& m : r.pipeline.months)
    months.push_back(json::object{{"month", format_month(m.month)},
                                  {"count", m.count},
                                  {"amount", m.amount},
                                  {"weighted", fen(m.weighted)}});
  json::array years;
  for (const auto& y : r.trend) {
    json::array created, amount, sales;
    for (int m = 0; m < 12; ++m) {
      created.push_back(opt(y.created[m]));
      amount.push_back(opt(y.created_amount[m]));
      sales.push_back(opt(y.sales[m]));
    }
    years.push_back(json::object{
        {"year", y.year}, {"created", std::move(created)}, {"created_amount", std::move(amount)}, {"sales", std::move(sales)}});
  }
  json::object list = check::page_of(q, listed(q, r), [&](const FunnelRow& x) { return opportunity_json(q, x); });
  list["stage"] = q.p.text("stage");
  const Date as_of = q.p.date("as_of");
  return json::object{{"as_of", format_date(as_of)},
                      {"period", do_api::period_json(q.p.period("period"), as_of)},
                      {"cohort", json::object{{"created", fu.cohort},
                                              {"amount", fu.amount},
                                              {"open", fu.open},
                                              {"won", fu.won},
                                              {"lost", fu.lost},
                                              {"won_amount", fu.won_amount}}},
                      {"stages", std::move(stages)},
                      {"win_rate", opt(fu.win_rate)},
                      {"weighted_pipeline", fen(r.pipeline.weighted)},
                      {"open_pipeline", json::object{{"count", r.pipeline.count}, {"amount", r.pipeline.amount}}},
                      {"pipeline_months", std::move(months)},
                      {"trend", json::object{{"years", std::move(years)}}},
                      {"opportunities", std::move(list)},
                      {"options", do_api::filter_options(q.c)}};
}

present::Table stages_table(const FunnelPage& r) {
  std::vector<int> rows;
  for (int k = 0; k < analytics::kFunnelStages; ++k) rows.push_back(k);
  const present::TableSpec<int> spec{
      "p3_stages",
      {{{"stage", "p3.stage"}, [](const int& k) { return Value{present::Label{std::string("stage.") + stage_code(k)}}; }},
       {{"reached", "p3.reached", Unit::count}, [&](const int& k) { return Value{r.funnel.stages[k].reached}; }},
       {{"conversion", "p3.conversion", Unit::percent},
        [&](const int& k) { return present::opt_value(r.funnel.stages[k].conversion); }},
       {{"mean_days", "p3.mean_days", Unit::number},
        [&](const int& k) { return present::opt_value(r.funnel.stages[k].mean_days); }},
       {{"win_probability", "p3.win_probability", Unit::percent},
        [&](const int& k) { return present::opt_value(r.probs[k].p); }},
       {{"probability_basis", "p3.probability_basis"},
        [&](const int& k) {
          return Value{present::Label{std::string("p3_basis.") + analytics::probability_basis_code(r.probs[k].basis)}};
        }},
       {{"closed", "p3.closed", Unit::count}, [&](const int& k) { return Value{r.probs[k].closed}; }},
       {{"open_amount", "p3.open_amount", Unit::money}, [&](const int& k) { return Value{r.pipeline.stages[k].amount}; }},
       {{"weighted", "p3.weighted", Unit::money},
        [&](const int& k) { return Value{fen(r.pipeline.stages[k].weighted)}; }}}};
  return spec.build(rows);
}

present::Table pipeline_table(const FunnelPage& r) {
  using M = analytics::PipelineMonth;
  const present::TableSpec<M> spec{
      "p3_pipeline",
      {{{"month", "p3.expected_month", Unit::month}, [](const M& m) { return Value{format_month(m.month)}; }},
       {{"count", "p3.open_count", Unit::count}, [](const M& m) { return Value{m.count}; }},
       {{"amount", "p3.open_amount", Unit::money}, [](const M& m) { return Value{m.amount}; }},
       {{"weighted", "p3.weighted", Unit::money}, [](const M& m) { return Value{fen(m.weighted)}; }}}};
  return spec.build(r.pipeline.months);
}

// One row a month that has come, oldest first.
present::Table trend_table(const FunnelPage& r) {
  struct T {
    const analytics::TrendYear* y;
    int m;
  };
  std::vector<T> rows;
  for (const auto& y : r.trend)
    for (int m = 0; m < 12; ++m)
      if (y.created[m]) rows.push_back({&y, m});
  const present::TableSpec<T> spec{
      "p3_trend",
      {{{"month", "p3.month", Unit::month}, [](const T& t) { return Value{format_month(Month::of(t.y->year, t.m + 1))}; }},
       {{"created", "p3.created", Unit::count}, [](const T& t) { return present::opt_value(t.y->created[t.m]); }},
       {{"created_amount", "p3.created_amount", Unit::money},
        [](const T& t) { return present::opt_value(t.y->created_amount[t.m]); }},
       {{"sales", "p3.sales", Unit::money}, [](const T& t) { return present::opt_value(t.y->sales[t.m]); }}}};
  return spec.build(rows);
}

present::Table opportunities_table(const PageCall& q, const FunnelPage& r) {
  using X = const FunnelRow*;
  const auto& s = *q.c.snap;
  const auto& o = s.facts->opportunities;
  const auto& d = *s.dims;
  const present::TableSpec<X> spec{
      "p3_opportunities",
      {{{"id", "p3.opportunity", Unit::count}, [&](const X& x) { return Value{int64_t{o.id[x->row]}}; }},
       {{"customer", "p3.customer"},
        [&](const X& x) {
          const int32_t c = o.customer[x->row];
          return c == engine::kNone ? Value{} : Value{s.facts->customers.name[c]};
        }},
       {{"rep", "p3.rep"},
        [&](const X& x) {
          const int32_t p = o.rep[x->row];
          return p == engine::kNone ? Value{} : Value{d.rep_name[static_cast<size_t>(p)]};
        }},
       {{"amount", "p3.amount", Unit::money}, [&](const X& x) { return Value{o.amount[x->row]}; }},
       {{"created", "p3.created_date", Unit::date},
        [&](const X& x) { return Value{format_date(Date{o.created[x->row]})}; }},
       {{"expected_close", "p3.expected_close", Unit::date},
        [&](const X& x) { return Value{format_date(Date{o.expected_close[x->row]})}; }},
       {{"stage", "p3.current_stage"},
        [](const X& x) { return Value{present::Label{std::string("stage.") + stage_code(x->stage)}}; }},
       {{"days_in_stage", "p3.days_in_stage", Unit::count},
        [&](const X& x) { return present::opt_value(days_in_stage(q, *x)); }}}};
  return spec.build(listed(q, r));
}

}  // namespace

void add_plan_funnel_routes(http::Router& r, Context& ctx) {
  add_page<FunnelPage>(
      r, ctx,
      {
          .path = "/api/v1/plan/funnel",
          .kind = "p3",
          .params = funnel_params(),
          .scope = filter_scope,
          .compute = compute,
          .encode = funnel_json,
          .tables = {{"stages", [](const PageCall&, const FunnelPage& p) { return stages_table(p); }},
                     {"pipeline", [](const PageCall&, const FunnelPage& p) { return pipeline_table(p); }},
                     {"trend", [](const PageCall&, const FunnelPage& p) { return trend_table(p); }},
                     {"opportunities", opportunities_table}},
          .table_zh = "table 应为 stages、pipeline、trend 或 opportunities",
          .table_en = "table must be stages, pipeline, trend or opportunities",
          .file = [](const PageCall& q,
                     const std::string& t) { return "p3-" + t + "-" + format_date(q.p.date("as_of")); },
      });
}

}  // namespace sl::api
