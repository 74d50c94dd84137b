// One line per row, every field, fixed formatting (doubles with %.17g), in data-set order.
// Two data sets are equal exactly when their dumps are equal.
#include <cstdio>

#include "demo/demo.h"

namespace sl::demo {

namespace {

struct Out {
  std::string s;
  void field(int64_t v) {
    s += std::to_string(v);
    s += '|';
  }
  void field(const std::string& v) {
    s += v;
    s += '|';
  }
  void field(const char* v) {
    s += v;
    s += '|';
  }
  void field(Date d) { field(format_date(d)); }
  void field(Month m) { field(format_month(m)); }
  void field(const std::optional<Date>& d) { field(d ? format_date(*d) : std::string("-")); }
  void field(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.17g", v);
    field(b);
  }
  template <class... T>
  void row(const char* table, const T&... f) {
    s += table;
    s += '|';
    (field(f), ...);
    s += '\n';
  }
};

}  // namespace

std::string canonical_dump(const model::Dataset& d) {
  Out o;
  o.s.reserve(1 << 20);
  for (auto& x : d.regions) o.row("region", x.id, x.name, x.parent, int64_t{x.level});
  for (auto& x : d.reps) o.row("rep", x.id, x.name, x.region, x.manager, x.hire_date, x.leave_date, x.employee_no);
  for (auto& x : d.customers)
    o.row("customer", x.id, x.code, x.name, x.industry, int64_t(x.size), x.region, x.owner_rep, x.created,
          x.lost_reason);
  for (auto& x : d.products)
    o.row("product", x.id, x.code, x.name, x.category, x.launch_date, x.list_price, x.unit_cost);
  for (auto& x : d.competitors) o.row("competitor", x.id, x.name);
  for (auto& x : d.competitor_products) o.row("cproduct", x.id, x.competitor, x.category, x.name);
  for (auto& x : d.market_stats) o.row("market", x.month, x.industry, x.region, x.category, x.market_size);
  for (auto& x : d.competitor_sales) o.row("csale", x.month, x.competitor_product, x.region, x.amount);
  for (auto& x : d.opportunities) {
    o.row("opp", x.id, x.customer, x.rep, x.category, x.amount, x.created, x.expected_close, model::stage_code(x.stage),
          x.closed, x.lost_reason);
    for (auto& e : x.history) o.row(" stage", model::stage_code(e.stage), e.date);
  }
  for (auto& x : d.bids) o.row("bid", x.id, x.opportunity, x.bid_date, x.amount, int64_t(x.result), x.result_date);
  for (auto& x : d.contracts) {
    o.row("contract", x.id, x.code, x.customer, x.rep, x.opportunity, x.signed_date, x.amount);
    for (auto& l : x.lines) o.row(" line", l.product, l.qty, l.amount, l.cost);
    for (auto& p : x.plan) o.row(" plan", p.due_date, p.amount);
  }
  for (auto& x : d.payments) o.row("payment", x.id, x.contract, x.date, x.amount);
  for (auto& x : d.targets)
    o.row("target", x.month, model::metric_code(x.metric), model::owner_code(x.owner_kind), x.owner_id, x.value);
  for (auto& x : d.forecasts) o.row("forecast", x.id, x.month, x.rep, x.value, x.submitted_at);
  for (auto& x : d.finance_months)
    o.row("finance", x.month, x.revenue, x.cost_of_sales, x.selling_expense, x.admin_expense, x.finance_expense,
          x.other_income);
  for (auto& x : d.activities) o.row("activity", x.id, x.rep, x.customer, x.date, int64_t(x.type));
  for (auto& x : d.meeting_series) o.row("series", x.id, x.name, x.type, x.level, x.region);
  for (auto& x : d.meetings) {
    o.row("meeting", x.id, x.series, x.date, x.chair, x.agenda, x.minutes, model::meeting_status_code(x.status));
    for (Id a : x.attendees) o.row(" attendee", a);
  }
  for (auto& x : d.resolutions)
    o.row("resolution", x.id, x.meeting, x.title, x.description, x.owner, x.expected, x.goal_metric, x.goal_scope,
          x.goal_comparator, x.goal_value, x.due_date, model::resolution_status_code(x.status), x.closed_date);
  for (auto& x : d.action_items)
    o.row("action", x.id, x.resolution, x.title, x.owner, x.due_date, model::action_status_code(x.status), x.done_date);
  return o.s;
}

}  // namespace sl::demo
