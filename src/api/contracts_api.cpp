// POST /api/v1/contracts: a signed contract entered by hand (合同录入), with its lines and
// payment plan. The store writes it in one transaction with an audit row; the next Snapshot
// appends it (engine::with_contracts) so every dashboard shows it at once.
// GET /api/v1/contracts/{id}: one contract with its lines, plan status and payments (the
// detail behind the cockpit's overdue receivables).
#include <algorithm>

#include "analytics/do/receivables.h"
#include "api/do_json.h"
#include "api/json_fields.h"
#include "api/routes.h"
#include "auth/auth.h"
#include "model/contract_rules.h"

namespace sl::api {

namespace {

// The contract described by the body: its fields by model/contract_rules.h, read in order,
// and what they name checked against the caller's Snapshot and scope.
model::Contract read_contract(const Caller& c, const json::object& body, Date today) {
  const engine::Snapshot& s = *c.snap;
  const engine::Facts& f = *s.facts;
  model::Contract k;
  k.code = model::contract_code(required_string(body, "code", std::string::npos));

  auto rep = optional_int(body, "rep", "rep", 1, INT64_MAX);
  if (!rep && c.user.role == model::Role::rep) rep = c.user.rep;
  if (!rep) throw missing_field("rep");
  k.rep = *rep;
  int32_t rep_index = s.dims->find_rep(k.rep);
  if (rep_index == engine::kNone)
    throw invalid_field("rep", "销售不存在：" + std::to_string(k.rep), "No such rep: " + std::to_string(k.rep));
  if (!c.scope.sees_rep(rep_index)) throw forbidden();

  // A customer or opportunity outside the caller's scope answers as one that does not exist.
  k.customer = required_int(body, "customer", "customer", 1, INT64_MAX);
  const int32_t customer = f.customer_index ? f.customer_index->find(k.customer) : engine::kNone;
  if (customer == engine::kNone || !engine::sees_customer(c.scope, f.customers, customer))
    throw invalid_field("customer", "客户不存在：" + std::to_string(k.customer),
                        "No such customer: " + std::to_string(k.customer));

  k.signed_date = required_date(body, "signed_date", "signed_date");
  model::check_signed_date(k.signed_date, today);
  if (k.signed_date < s.dims->rep_hire[rep_index])
    throw invalid_field("signed_date", "签约日期早于该销售入职日期", "The signing date is before the rep was hired");

  k.opportunity = optional_int(body, "opportunity", "opportunity", 1, INT64_MAX).value_or(0);
  if (k.opportunity) {
    const auto& o = f.opportunities;
    const auto it = std::lower_bound(o.id.begin(), o.id.end(), k.opportunity);
    const size_t row = static_cast<size_t>(it - o.id.begin());
    if (it == o.id.end() || *it != k.opportunity || !engine::sees_opportunity(c.scope, o, row))
      throw invalid_field("opportunity", "商机不存在：" + std::to_string(k.opportunity),
                          "No such opportunity: " + std::to_string(k.opportunity));
    if (o.customer[row] != customer)
      throw invalid_field("opportunity", "该商机属于另一个客户", "This opportunity belongs to another customer");
  }

  const auto& lines = required_array(body, "lines");
  model::check_line_count(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string at = "lines[" + std::to_string(i) + "]";
    const auto& o = as_object(lines[i], at);
    model::ContractLine l;
    l.product = required_int(o, "product", at + ".product", 1, INT64_MAX);
    if (!f.product_index || f.product_index->find(l.product) == engine::kNone)
      throw invalid_field(at + ".product", "产品不存在：" + std::to_string(l.product),
                          "No such product: " + std::to_string(l.product));
    l.qty = required_int(o, "qty", at + ".qty", 0, model::kMaxQty);
    l.amount = required_int(o, "amount", at + ".amount", 0, model::kMaxMoney);
    l.cost = required_int(o, "cost", at + ".cost", 0, model::kMaxMoney);
    k.lines.push_back(l);
  }
  k.amount = model::lines_amount(k.lines);
  model::check_amount(k.amount);

  const auto& plan = required_array(body, "plan");
  model::check_plan_count(plan.size());
  for (size_t i = 0; i < plan.size(); ++i) {
    const std::string at = "plan[" + std::to_string(i) + "]";
    const auto& o = as_object(plan[i], at);
    model::PlanItem p;
    p.due_date = required_date(o, "due_date", at + ".due_date");
    model::check_plan_due(p, at, k.signed_date);
    p.amount = required_int(o, "amount", at + ".amount", 0, model::kMaxMoney);
    k.plan.push_back(p);
  }
  model::check_plan_total(k);
  // The whole contract as the import checks it: so a rule added there holds here too.
  model::validate_contract(k, today);
  return k;
}

json::object detail_json(const Caller& c, const store::Store::ContractDetail& x, Date as_of) {
  const model::Contract& k = x.contract;
  const engine::Dims& d = *c.snap->dims;
  const auto status = analytics::contract_status(k, x.payments, as_of);
  json::array lines, plan, payments;
  for (size_t i = 0; i < k.lines.size(); ++i)
    lines.push_back(json::object{
        {"product",
         json::object{{"id", k.lines[i].product}, {"name", x.product_names[i]}, {"category", x.product_categories[i]}}},
        {"qty", k.lines[i].qty},
        {"amount", k.lines[i].amount},
        {"cost", k.lines[i].cost}});
  for (const auto& p : status.plan)
    plan.push_back(json::object{{"due_date", format_date(p.due)},
                                {"amount", p.amount},
                                {"paid", p.paid},
                                {"unpaid", p.unpaid},
                                {"status", p.unpaid <= 0 ? "paid"
                                           : p.overdue   ? "overdue"
                                                         : "open"}});
  for (const auto& p : x.payments)
    payments.push_back(json::object{{"date", format_date(p.date)}, {"amount", p.amount}, {"counted", p.date <= as_of}});
  const int32_t rep = d.find_rep(k.rep);
  return json::object{{"id", k.id},
                      {"code", k.code},
                      {"customer", json::object{{"id", k.customer}, {"name", x.customer_name}}},
                      {"rep", json::object{{"id", k.rep},
                           {"name", rep == engine::kNone ? "" : d.rep_name[rep]},
                           {"employee_no", rep == engine::kNone ? "" : d.rep_employee_no[rep]}}},
                      {"signed_date", format_date(k.signed_date)},
                      {"amount", k.amount},
                      {"as_of", format_date(as_of)},
                      {"paid", status.paid},
                      {"receivable", status.receivable},
                      {"overdue", status.overdue},
                      {"lines", std::move(lines)},
                      {"plan", std::move(plan)},
                      {"payments", std::move(payments)}};
}

}  // namespace

void add_contract_routes(http::Router& r, Context& ctx) {
  r.add("GET", "/api/v1/contracts/{id}", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const Date as_of = do_api::as_of_param(req, ctx);
    const Id id = query_id(req.params["id"], "id");
    auto x = ctx.store.find_contract(id);
    if (!x) throw not_found();
    // Scope by the contract's rep, as every dashboard does.
    if (!c.scope.sees_rep(c.snap->dims->find_rep(x->contract.rep))) throw forbidden();
    return http::json_response(200, detail_json(c, *x, as_of));
  });

  r.add("POST", "/api/v1/contracts", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const json::value parsed = http::parse_json_body(req);
    std::vector<model::Contract> ks{read_contract(c, as_object(parsed, "body"), ctx.today())};
    auto published = ctx.snapshots.add_contracts(ks, c.user.id, auth::system_clock_seconds());
    const model::Contract& k = ks.front();
    return http::json_response(201, json::object{{"id", k.id},
                                                 {"code", k.code},
                                                 {"amount", k.amount},
                                                 {"snapshot", json::object{{"version", published.version},
                                                                           {"incremental", published.incremental},
                                                                           {"ms", published.ms}}}});
  });
}

}  // namespace sl::api
