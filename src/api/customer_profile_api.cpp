// GET /api/v1/customers/{id}: 客户档案, the customer profile every customer name opens
// (analytics/check/customer_profile.h). 404 for a customer outside the caller's scope, as if
// it did not exist: a rep opens their own customers, a manager those of their subtree.
// ?format=xlsx|csv|json&table=contracts|lines|payments|opportunities downloads a table
// (customer_profile_tables.h).
#include "analytics/check/customer_profile.h"
#include "api/customer_profile_tables.h"
#include "api/do_json.h"
#include "api/export.h"
#include "api/page.h"
#include "api/json_fields.h"
#include "api/routes.h"

namespace sl::api {

namespace {

constexpr size_t kContractLimit = 50;     // newest contracts answered with lines
constexpr size_t kOpportunityLimit = 50;  // newest opportunities

json::value rep_json(const engine::Dims& d, int32_t rep) {
  if (rep == engine::kNone) return nullptr;
  return json::object{{"id", d.rep_id[rep]}, {"name", d.rep_name[rep]}, {"employee_no", d.rep_employee_no[rep]}};
}

json::object contract_json(Context& ctx, const engine::Snapshot& s, const analytics::ProfileContract& c, Date as_of,
                           bool with_lines) {
  const auto& t = s.facts->contracts;
  const size_t i = c.contract;
  json::array payments, lines;
  for (uint32_t k = t.pay_begin[i]; k < t.pay_begin[i + 1]; ++k)
    if (t.pay_day[k] <= as_of.days)
      payments.push_back(json::object{{"date", format_date(Date{t.pay_day[k]})}, {"amount", t.pay_amount[k]}});
  if (with_lines)
    if (auto x = ctx.store.find_contract(t.id[i]))
      for (size_t k = 0; k < x->contract.lines.size(); ++k) {
        const auto& l = x->contract.lines[k];
        lines.push_back(json::object{
            {"product",
             json::object{{"id", l.product}, {"name", x->product_names[k]}, {"category", x->product_categories[k]}}},
            {"qty", l.qty},
            {"amount", l.amount}});
      }
  return json::object{{"id", t.id[i]},
                      {"code", std::string(t.code(i))},
                      {"rep", rep_json(*s.dims, t.rep[i])},
                      {"signed_date", format_date(Date{t.signed_day[i]})},
                      {"amount", t.amount[i]},
                      {"paid", c.paid},
                      {"receivable", c.receivable},
                      {"overdue", c.overdue},
                      {"max_days", c.max_days},
                      {"lines", with_lines ? json::value(std::move(lines)) : json::value(nullptr)},
                      {"payments", std::move(payments)}};
}

json::object opportunity_json(const engine::Snapshot& s, size_t row, Date as_of) {
  const auto& o = s.facts->opportunities;
  const int32_t stage = o.stage_at(row, as_of);
  const int32_t cat = o.category[row];
  const bool closed = o.closed[row] != engine::kNoDay && o.closed[row] <= as_of.days;
  return json::object{
      {"id", o.id[row]},
      {"rep", rep_json(*s.dims, o.rep[row])},
      {"category", cat >= 0 && static_cast<size_t>(cat) < s.facts->categories.size() ? s.facts->categories[cat] : ""},
      {"amount", o.amount[row]},
      {"created", format_date(Date{o.created[row]})},
      {"expected_close", format_date(Date{o.expected_close[row]})},
      {"stage", stage == engine::kNone ? "" : model::stage_code(static_cast<model::Stage>(stage))},
      {"closed", closed ? json::value(format_date(Date{o.closed[row]})) : json::value(nullptr)}};
}

json::object profile_json(Context& ctx, const engine::Snapshot& s, const analytics::CustomerProfile& p, Date as_of) {
  const auto& f = *s.facts;
  const auto& d = *s.dims;
  const int32_t c = p.customer;
  static const char* const kSizes[] = {"large", "medium", "small"};  // model::CustomerSize order
  json::array contracts, opportunities, timeline;
  for (size_t k = 0; k < p.contracts.size() && k < kContractLimit; ++k)
    contracts.push_back(contract_json(ctx, s, p.contracts[k], as_of, true));
  for (size_t k = 0; k < p.opportunities.size() && k < kOpportunityLimit; ++k)
    opportunities.push_back(opportunity_json(s, p.opportunities[k], as_of));
  for (const auto& e : p.timeline)
    timeline.push_back(json::object{{"date", format_date(e.date)},
                                    {"kind", e.kind},
                                    {"rep", rep_json(d, e.rep)},
                                    {"amount", e.amount},
                                    {"ref", e.ref ? json::value(e.ref) : json::value(nullptr)}});
  json::value rfm = nullptr, risk = nullptr;
  if (p.rfm)
    rfm = json::object{{"segment", analytics::rfm_segment_code(p.rfm->segment)},
                       {"recency", p.rfm->recency},
                       {"frequency", p.rfm->frequency},
                       {"monetary", p.rfm->monetary}};
  if (p.at_risk) {
    json::array reasons;
    for (const auto& x : p.at_risk->reasons) reasons.push_back(json::string(x));
    risk = json::object{{"reasons", std::move(reasons)},
                        {"days_since_last", p.at_risk->days_since_last},
                        {"median_gap", opt(p.at_risk->median_gap)},
                        {"t12m", p.at_risk->t12m},
                        {"t12m_prev", p.at_risk->t12m_prev},
                        {"yoy", opt(p.at_risk->yoy)}};
  }
  const int32_t region = f.customers.region[c];
  const int8_t size = f.customers.size[c];
  const int32_t lost = f.customers.lost_reason[c];
  return json::object{
      {"id", f.customer_id[c]},
      {"code", f.customers.code[c]},
      {"name", f.customers.name[c]},
      {"industry", f.customers.industries[static_cast<size_t>(f.customers.industry[c])]},
      {"size", size >= 0 && size < 3 ? kSizes[size] : ""},
      {"region", region == engine::kNone
                     ? json::value(nullptr)
                     : json::value(json::object{{"id", d.region_id[region]}, {"name", d.region_name[region]}})},
      {"owner", rep_json(d, f.customers.owner[c])},
      {"lost_reason", lost == engine::kNone ? json::value(nullptr) : json::value(f.customers.lost_reasons[lost])},
      {"as_of", format_date(as_of)},
      {"class", p.cls ? json::value(std::string(1, *p.cls)) : json::value(nullptr)},
      {"t12m", p.t12m},
      {"rfm", std::move(rfm)},
      {"at_risk", std::move(risk)},
      {"sales_total", p.sales_total},
      {"receivable", p.receivable},
      {"overdue", p.overdue},
      {"contracts_total", p.contracts.size()},
      {"contracts", std::move(contracts)},
      {"opportunities_total", p.opportunities.size()},
      {"opportunities", std::move(opportunities)},
      {"timeline_total", p.timeline_total},
      {"timeline", std::move(timeline)}};
}

}  // namespace

void add_customer_routes(http::Router& r, Context& ctx) {
  r.add("GET", "/api/v1/customers/{id}", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const Date as_of = do_api::as_of_param(req, ctx);
    const Id id = query_id(req.params["id"], "id");
    const engine::Snapshot& s = *c.snap;
    const auto& f = *s.facts;
    const int32_t customer = f.customer_index ? f.customer_index->find(id) : engine::kNone;
    if (customer == engine::kNone || !engine::sees_customer(c.scope, f.customers, customer)) throw not_found();
    // Class and segment are the company's (whoever looks): computed once per Snapshot and as_of.
    const engine::Scope all = engine::scope_all(*s.dims);
    const std::string key = "as_of=" + std::to_string(as_of.days);
    auto pareto = ctx.results.get<analytics::ParetoResult>(s.version, all, "c-pareto", key,
                                                           [&] { return analytics::pareto(s, all, {as_of}); });
    auto rfm = ctx.results.get<analytics::RfmResult>(s.version, all, "c-rfm", key,
                                                     [&] { return analytics::rfm(s, all, {as_of}); });
    auto p = ctx.results.get<analytics::CustomerProfile>(
        s.version, c.scope, "customer", key + "&id=" + std::to_string(id),
        [&] { return analytics::customer_profile(s, c.scope, customer, as_of, *pareto, *rfm); });
    if (auto format = req.query_value("format"); !format.empty())
      return export_response(
          profile_table(ctx, s, *p, as_of, req.query_value("table", "contracts")), download_lang(req), format,
          "customer-" + std::to_string(id) + "-" + req.query_value("table", "contracts") + "-" + format_date(as_of));
    return http::json_response(200, profile_json(ctx, s, *p, as_of));
  });
}

}  // namespace sl::api
