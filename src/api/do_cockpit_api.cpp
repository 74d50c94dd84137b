// GET /api/v1/do/cockpit?rep=ID&as_of=…: D1 销售综合管理看板, the whole page in one answer.
#include "analytics/do/cockpit.h"
#include "api/cached_response.h"
#include "api/do_json.h"
#include "api/json_fields.h"
#include "api/page.h"
#include "api/rep_json.h"
#include "api/routes.h"

namespace sl::api {

using namespace do_api;

namespace {

const char* kActivity[] = {"visit", "call", "demo", "proposal"};

json::object card_json(const analytics::CockpitCard& c, Date as_of) {
  return json::object{{"period", period_json(c.period, as_of)},
                      {"sales", progress_json(c.sales)},
                      {"collection", progress_json(c.collection)},
                      {"figures", figures_json(c.figures)},
                      {"sales_rank", opt(c.sales_rank ? std::optional<int64_t>(*c.sales_rank) : std::nullopt)},
                      {"kpi_rank", opt(c.kpi_rank ? std::optional<int64_t>(*c.kpi_rank) : std::nullopt)},
                      {"peers", c.peers}};
}

// The cockpit's fields before "reps" (the filter bar's reps) and after it.
struct CockpitParts {
  json::object head, body;
};

CockpitParts cockpit_parts(const Caller& c, const analytics::CockpitResult& r, Date as_of) {
  const auto& f = *c.snap->facts;
  json::array cards, pipeline, monthly, closing, overdue, at_risk;
  for (const auto& x : r.cards) cards.push_back(card_json(x, as_of));
  for (const auto& b : r.pipeline)
    pipeline.push_back(json::object{{"stage", model::stage_code(b.stage)}, {"count", b.count}, {"amount", b.amount}});
  for (const auto& m : r.monthly)
    monthly.push_back(
        json::object{{"month", format_month(m.month)}, {"actual", opt(m.actual)}, {"target", opt(m.target)}});
  const auto& o = f.opportunities;
  for (size_t i : r.closing_this_week) {
    int32_t cust = o.customer[i];
    closing.push_back(
        json::object{{"id", o.id[i]},
                     {"customer", cust == engine::kNone ? "" : f.customers.name[cust]},
                     {"customer_id", cust == engine::kNone ? json::value(nullptr) : json::value(f.customer_id[cust])},
                     {"amount", o.amount[i]},
                     {"stage", model::stage_code(static_cast<model::Stage>(o.stage_at(i, as_of)))},
                     {"expected_close", format_date(Date{o.expected_close[i]})}});
  }
  const auto& ct = f.contracts;
  for (size_t k = 0; k < r.overdue.size() && k < 50; ++k) {
    const auto& x = r.overdue[k];
    int32_t cust = ct.customer[x.contract];
    overdue.push_back(
        json::object{{"contract", ct.id[x.contract]},
                     {"code", ct.code(x.contract)},
                     {"customer", cust == engine::kNone ? "" : f.customers.name[cust]},
                     {"customer_id", cust == engine::kNone ? json::value(nullptr) : json::value(f.customer_id[cust])},
                     {"amount", ct.amount[x.contract]},
                     {"overdue", x.overdue},
                     {"oldest_due", format_date(x.oldest_due)},
                     {"days_overdue", x.days_overdue}});
  }
  for (const auto& x : r.at_risk) {
    json::array reasons;
    for (const auto& s : x.reasons) reasons.push_back(json::string(s));
    at_risk.push_back(json::object{{"customer", f.customer_id[x.customer]},
                                   {"name", f.customers.name[x.customer]},
                                   {"days_since_last", x.days_since_last},
                                   {"median_gap", opt(x.median_gap)},
                                   {"t12m", x.t12m},
                                   {"t12m_prev", x.t12m_prev},
                                   {"yoy", opt(x.yoy)},
                                   {"yoy_basis", analytics::yoy_basis_code(x.yoy_basis)},
                                   {"reasons", std::move(reasons)}});
  }
  json::object activities;
  for (int k = 0; k < 4; ++k) activities[kActivity[k]] = r.activities[k];
  CockpitParts out;
  out.head = json::object{{"as_of", format_date(as_of)},
                          {"rep", json::object{{"id", r.rep},
                                               {"name", r.name},
                                               {"region", r.region},
                                               {"region_name", r.region_name},
                                               {"employee_no", employee_no(*c.snap->dims, r.rep)}}}};
  out.body = json::object{
      {"cards", std::move(cards)},
      {"pipeline", std::move(pipeline)},
      {"created_this_month", json::object{{"count", r.created_this_month}, {"amount", r.created_this_month_amount}}},
      {"monthly", std::move(monthly)},
      {"week", json::object{{"first", format_date(r.week_first)}, {"last", format_date(r.week_last)}}},
      {"activities", std::move(activities)},
      {"closing_this_week", std::move(closing)},
      {"overdue", std::move(overdue)},
      {"overdue_total", r.overdue_total},
      {"overdue_count", r.overdue.size()},
      {"owned_customers", r.owned_customers},
      {"at_risk", std::move(at_risk)}};
  return out;
}

json::value cockpit_json(const Caller& c, const analytics::CockpitResult& r, Date as_of) {
  CockpitParts parts = cockpit_parts(c, r, as_of);
  json::object answer = std::move(parts.head);
  answer["reps"] = filter_options(c)["reps"];
  for (auto& kv : parts.body) answer[kv.key()] = std::move(kv.value());
  return answer;
}

// cockpit_json written into the body: the filter bar's reps (every rep in scope: ~160 KB at
// 2,000 reps) without a DOM, the rest (a few cards and lists) through theirs.
void write_cockpit(const Caller& c, const analytics::CockpitResult& r, Date as_of, JsonWriter& w) {
  const CockpitParts parts = cockpit_parts(c, r, as_of);
  w.begin_object();
  for (const auto& kv : parts.head) w.field(kv.key(), kv.value());
  w.key("reps");
  write_rep_options(w, c);
  for (const auto& kv : parts.body) w.field(kv.key(), kv.value());
  w.end_object();
}

// ?rep=ID; by default a rep's own book, and for managers and executives the first active rep
// they see, so the page always opens.
ParamSpec cockpit_rep_param() {
  ParamSpec s = id_param("rep");
  s.fallback = [](const PageCall& q) -> std::string {
    if (q.c.user.role == model::Role::rep) return std::to_string(q.c.user.rep);
    const auto& d = *q.c.snap->dims;
    for (int32_t p = 0; p < d.rep_count(); ++p)
      if (q.c.scope.sees_rep(p) && !d.rep_leave[p]) return std::to_string(d.rep_id[p]);
    return "";
  };
  return s;
}

}  // namespace

void add_do_cockpit_routes(http::Router& r, Context& ctx) {
  add_page<analytics::CockpitResult>(
      r, ctx,
      {
          .path = "/api/v1/do/cockpit",
          .kind = "d1",
          .params = {as_of_param(), cockpit_rep_param()},
          .scope = {},
          .compute =
              [](const PageCall& q) {
                // Only when the caller sees no active rep at all (a company whose reps are not imported yet).
                if (!q.p.has("rep"))
                  throw AppError(404, "no_reps", "rep", "还没有可查看的销售代表：请先导入销售代表",
                                 "There are no sales reps to show yet: import the reps first");
                return analytics::rep_cockpit(*q.c.snap, q.scope, q.p.number("rep"), q.p.date("as_of"),
                                              q.ctx.forecast_lock_day);
              },
          .encode = [](const PageCall& q,
                       const analytics::CockpitResult& r) { return cockpit_json(q.c, r, q.p.date("as_of")); },
          .write = [](const PageCall& q, const analytics::CockpitResult& r,
                      JsonWriter& w) { write_cockpit(q.c, r, q.p.date("as_of"), w); },
          .tables = {},
          .table_zh = "",
          .table_en = "",
          .file = {},
      });
}

}  // namespace sl::api
