#include "ingest/export.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <tuple>
#include <unordered_map>

#include "core/error.h"
#include "model/opportunity_rules.h"

namespace sl::ingest {

namespace {

using Row = std::vector<std::string>;

std::string opt_date(const std::optional<Date>& d) { return d ? format_date(*d) : ""; }

// The employee number once the model has one (schema v6), else the backfilled form.
template <class R>
std::string employee_no_of(const R& r) {
  if constexpr (requires { r.employee_no; }) {
    if (!r.employee_no.empty()) return r.employee_no;
  }
  return fallback_employee_no(r.id);
}

// An enumeration's code as entities.h lists it, for the enums whose order it follows.
template <class E>
std::string code_of(const std::string& entity, const std::string& field, E value) {
  return find_field(*find_entity(entity), field)->values.at(static_cast<size_t>(value)).code;
}

// A payment's only key is (contract, date, amount), and the import reads two equal rows as one
// payment named twice (entities.cpp: "add them up"). So equal payments are written as one row of
// their sum, merged again whenever that sum equals another payment of the day: collections by
// day, and everything built on them, stay the same; the number of payments may drop.
std::vector<model::Payment> merged_payments(const std::vector<model::Payment>& in) {
  std::vector<model::Payment> out;
  std::vector<bool> alive;
  std::map<std::tuple<Id, int32_t, Money>, size_t> at;
  auto key = [](const model::Payment& p) { return std::tuple(p.contract, p.date.days, p.amount); };
  for (const auto& p : in) {
    out.push_back(p);
    alive.push_back(true);
    for (size_t i = out.size() - 1;;) {
      auto [it, fresh] = at.try_emplace(key(out[i]), i);
      if (fresh) break;
      const size_t j = it->second;
      at.erase(it);
      out[j].amount += out[i].amount;
      alive[i] = false;
      i = j;
    }
  }
  std::vector<model::Payment> kept;
  for (size_t i = 0; i < out.size(); ++i)
    if (alive[i]) kept.push_back(out[i]);
  return kept;
}

// id → business key of every entity others refer to.
struct Keys {
  std::unordered_map<Id, std::string> region, rep, customer, product, contract, competitor, competitor_product,
      opportunity;
  explicit Keys(const model::Dataset& d) {
    for (const auto& x : d.regions) region[x.id] = x.name;
    for (const auto& x : d.reps) rep[x.id] = employee_no_of(x);
    for (const auto& x : d.customers) customer[x.id] = x.code;
    for (const auto& x : d.products) product[x.id] = x.code;
    for (const auto& x : d.contracts) contract[x.id] = x.code;
    for (const auto& x : d.competitors) competitor[x.id] = x.name;
    for (const auto& x : d.competitor_products) competitor_product[x.id] = x.name;
    for (const auto& x : d.opportunities) opportunity[x.id] = x.code.empty() ? opportunity_code(x.id) : x.code;
  }
  // An opportunity's code; one not in the data set by "O" and six digits of its id.
  std::string opp(Id id) const {
    auto it = opportunity.find(id);
    return id == 0 ? "" : it == opportunity.end() ? opportunity_code(id) : it->second;
  }
  static std::string of(const std::unordered_map<Id, std::string>& m, Id id) {
    auto it = m.find(id);
    return id == 0 || it == m.end() ? "" : it->second;
  }
};

// The day an opportunity first reached a stage, from its history.
std::string reached(const model::Opportunity& o, model::Stage s) {
  for (const auto& e : o.history)
    if (e.stage == s) return format_date(e.date);
  return "";
}

std::vector<Row> rows_of(const model::Dataset& d, const std::string& name, const Keys& k) {
  std::vector<Row> out;
  if (name == "regions") {
    for (const auto& x : d.regions) out.push_back({x.name, Keys::of(k.region, x.parent)});
  } else if (name == "reps") {
    for (const auto& x : d.reps)
      out.push_back({employee_no_of(x), x.name, Keys::of(k.region, x.region), Keys::of(k.rep, x.manager),
                     format_date(x.hire_date), opt_date(x.leave_date)});
  } else if (name == "customers") {
    for (const auto& x : d.customers)
      out.push_back({x.code, x.name, x.industry, model::customer_size_code(x.size), Keys::of(k.region, x.region),
                     Keys::of(k.rep, x.owner_rep), format_date(x.created), x.lost_reason});
  } else if (name == "products") {
    for (const auto& x : d.products)
      out.push_back(
          {x.code, x.name, x.category, format_date(x.launch_date), money_text(x.list_price), money_text(x.unit_cost)});
  } else if (name == "competitors") {
    for (const auto& x : d.competitors) out.push_back({x.name});
  } else if (name == "competitor_products") {
    for (const auto& x : d.competitor_products)
      out.push_back({Keys::of(k.competitor, x.competitor), x.name, x.category});
  } else if (name == "market_stats") {
    for (const auto& x : d.market_stats)
      out.push_back(
          {format_month(x.month), x.industry, Keys::of(k.region, x.region), x.category, money_text(x.market_size)});
  } else if (name == "competitor_sales") {
    std::unordered_map<Id, Id> maker;
    for (const auto& x : d.competitor_products) maker[x.id] = x.competitor;
    for (const auto& x : d.competitor_sales)
      out.push_back({format_month(x.month), Keys::of(k.competitor, maker[x.competitor_product]),
                     Keys::of(k.competitor_product, x.competitor_product), Keys::of(k.region, x.region),
                     money_text(x.amount)});
  } else if (name == "opportunities") {
    using model::Stage;
    for (const auto& x : d.opportunities)
      out.push_back({k.opp(x.id), Keys::of(k.customer, x.customer), Keys::of(k.rep, x.rep), x.category,
                     money_text(x.amount), format_date(x.created), format_date(x.expected_close),
                     model::stage_code(x.stage), opt_date(x.closed), x.lost_reason, reached(x, Stage::qualified),
                     reached(x, Stage::proposal), reached(x, Stage::bidding), reached(x, Stage::negotiation)});
  } else if (name == "bids") {
    for (const auto& x : d.bids)
      out.push_back({k.opp(x.opportunity), format_date(x.bid_date), money_text(x.amount),
                     code_of("bids", "result", x.result), opt_date(x.result_date)});
  } else if (name == "contracts") {  // the contract's own columns; its lines go in contract_lines
    for (const auto& x : d.contracts)
      out.push_back({x.code, Keys::of(k.customer, x.customer), Keys::of(k.rep, x.rep),
                     k.opp(x.opportunity), format_date(x.signed_date),
                     money_text(x.amount)});
  } else if (name == "contract_lines") {
    for (const auto& x : d.contracts)
      for (size_t i = 0; i < x.lines.size(); ++i) {
        const auto& l = x.lines[i];
        out.push_back({x.code, std::to_string(i + 1), Keys::of(k.product, l.product), std::to_string(l.qty),
                       money_text(l.amount), money_text(l.cost)});
      }
  } else if (name == "payment_plans") {
    for (const auto& x : d.contracts)
      for (const auto& p : x.plan) out.push_back({x.code, format_date(p.due_date), money_text(p.amount)});
  } else if (name == "payments") {
    for (const auto& x : merged_payments(d.payments))
      out.push_back({Keys::of(k.contract, x.contract), format_date(x.date), money_text(x.amount)});
  } else if (name == "targets") {
    using model::OwnerKind;
    using model::TargetMetric;
    for (const auto& x : d.targets) {
      const bool money = x.metric == TargetMetric::sales || x.metric == TargetMetric::collection;
      const std::string owner = x.owner_kind == OwnerKind::region ? Keys::of(k.region, x.owner_id)
                                : x.owner_kind == OwnerKind::rep  ? Keys::of(k.rep, x.owner_id)
                                                                  : "";
      out.push_back({format_month(x.month), model::metric_code(x.metric), model::owner_code(x.owner_kind), owner,
                     money ? money_text(x.value) : std::to_string(x.value)});
    }
  } else if (name == "forecasts") {
    for (const auto& x : d.forecasts)
      out.push_back(
          {format_month(x.month), Keys::of(k.rep, x.rep), money_text(x.value), beijing_time_text(x.submitted_at)});
  } else if (name == "finance_months") {
    for (const auto& x : d.finance_months)
      out.push_back({format_month(x.month), money_text(x.revenue), money_text(x.cost_of_sales),
                     money_text(x.selling_expense), money_text(x.admin_expense), money_text(x.finance_expense),
                     money_text(x.other_income)});
  } else if (name == "activities") {
    for (const auto& x : d.activities)
      out.push_back({Keys::of(k.rep, x.rep), Keys::of(k.customer, x.customer), format_date(x.date),
                     code_of("activities", "type", x.type)});
  }
  return out;
}

}  // namespace

std::string opportunity_code(Id id) { return model::opportunity_code(id); }

std::string fallback_employee_no(Id id) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "E%05lld", static_cast<long long>(id));
  return buf;
}

std::string money_text(Money fen) {
  const unsigned long long a =
      fen < 0 ? 0ULL - static_cast<unsigned long long>(fen) : static_cast<unsigned long long>(fen);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s%llu.%02llu", fen < 0 ? "-" : "", a / 100, a % 100);
  return buf;
}

std::string beijing_time_text(int64_t unix_seconds) {
  constexpr int64_t kOffset = 8 * 3600;  // analytics' kBeijingOffsetSeconds: the lock date's clock
  const int64_t t = unix_seconds + kOffset;
  int64_t days = t / 86400, secs = t % 86400;
  if (secs < 0) secs += 86400, --days;
  char buf[24];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d+08:00", static_cast<int>(secs / 3600),
                static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
  return format_date(Date{static_cast<int32_t>(days)}) + buf;
}

TextTable export_entity(const model::Dataset& d, const std::string& entity) {
  const Entity* e = find_entity(entity);
  if (!e) throw invalid_field("entity", "未知的数据类型：" + entity, "Unknown entity: " + entity);
  TextTable t;
  for (const auto& f : e->fields) t.headers.push_back(f.name);
  if (entity == "contracts") t.headers.resize(*field_index(*e, "line_no"));  // lines: contract_lines
  t.rows = rows_of(d, entity, Keys(d));
  return t;
}

}  // namespace sl::ingest
