#include "api/customer_profile_tables.h"

#include "core/error.h"

namespace sl::api {

namespace {

using present::Unit;
using present::Value;

Value rep_name(const engine::Dims& d, int32_t rep) {
  return rep == engine::kNone ? Value{} : Value{d.rep_name[static_cast<size_t>(rep)]};
}
Value day(int32_t days) { return Value{format_date(Date{days})}; }

present::Table contracts_table(const engine::Snapshot& s, const analytics::CustomerProfile& p) {
  const auto& t = s.facts->contracts;
  using R = analytics::ProfileContract;
  const present::TableSpec<R> spec{
      "cp_contracts",
      {{{"code", "cp.contract"}, [&](const R& c) { return Value{std::string(t.code(c.contract))}; }},
       {{"signed_date", "cp.signed_date", Unit::date}, [&](const R& c) { return day(t.signed_day[c.contract]); }},
       {{"rep", "cp.rep"}, [&](const R& c) { return rep_name(*s.dims, t.rep[c.contract]); }},
       {{"amount", "cp.amount", Unit::money}, [&](const R& c) { return Value{t.amount[c.contract]}; }},
       {{"paid", "cp.paid", Unit::money}, [](const R& c) { return Value{c.paid}; }},
       {{"receivable", "cp.receivable", Unit::money}, [](const R& c) { return Value{c.receivable}; }},
       {{"overdue", "cp.overdue", Unit::money}, [](const R& c) { return Value{c.overdue}; }},
       {{"max_days", "cp.max_days", Unit::count}, [](const R& c) { return Value{int64_t{c.max_days}}; }}}};
  return spec.build(p.contracts);
}

// A contract line with its contract's code (lines live in the store, not in the Snapshot).
struct LineRow {
  std::string contract, product, category;
  int64_t qty = 0;
  Money amount = 0;
};

present::Table lines_table(Context& ctx, const engine::Snapshot& s, const analytics::CustomerProfile& p) {
  const auto& t = s.facts->contracts;
  std::vector<LineRow> rows;
  for (const auto& c : p.contracts)
    if (auto x = ctx.store.find_contract(t.id[c.contract]))
      for (size_t k = 0; k < x->contract.lines.size(); ++k)
        rows.push_back({std::string(t.code(c.contract)), x->product_names[k], x->product_categories[k],
                        x->contract.lines[k].qty, x->contract.lines[k].amount});
  const present::TableSpec<LineRow> spec{
      "cp_lines",
      {{{"contract", "cp.contract"}, [](const LineRow& l) { return Value{l.contract}; }},
       {{"product", "cp.product"}, [](const LineRow& l) { return Value{l.product}; }},
       {{"category", "cp.category"}, [](const LineRow& l) { return Value{l.category}; }},
       {{"qty", "cp.qty", Unit::count}, [](const LineRow& l) { return Value{l.qty}; }},
       {{"amount", "cp.amount", Unit::money}, [](const LineRow& l) { return Value{l.amount}; }}}};
  return spec.build(rows);
}

// Payments up to as_of, contract by contract (newest contract first), each by date.
present::Table payments_table(const engine::Snapshot& s, const analytics::CustomerProfile& p, Date as_of) {
  const auto& t = s.facts->contracts;
  struct Pay {
    size_t contract, k;
  };
  std::vector<Pay> rows;
  for (const auto& c : p.contracts)
    for (uint32_t k = t.pay_begin[c.contract]; k < t.pay_begin[c.contract + 1]; ++k)
      if (t.pay_day[k] <= as_of.days) rows.push_back({c.contract, k});
  const present::TableSpec<Pay> spec{
      "cp_payments",
      {{{"contract", "cp.contract"}, [&](const Pay& x) { return Value{std::string(t.code(x.contract))}; }},
       {{"date", "cp.date", Unit::date}, [&](const Pay& x) { return day(t.pay_day[x.k]); }},
       {{"amount", "cp.amount", Unit::money}, [&](const Pay& x) { return Value{t.pay_amount[x.k]}; }}}};
  return spec.build(rows);
}

present::Table opportunities_table(const engine::Snapshot& s, const analytics::CustomerProfile& p, Date as_of) {
  const auto& o = s.facts->opportunities;
  const auto& cats = s.facts->categories;
  const present::TableSpec<size_t> spec{
      "cp_opportunities",
      {{{"id", "cp.opportunity", Unit::count}, [&](const size_t& i) { return Value{int64_t{o.id[i]}}; }},
       {{"category", "cp.category"},
        [&](const size_t& i) {
          const int32_t c = o.category[i];
          return c >= 0 && static_cast<size_t>(c) < cats.size() ? Value{cats[static_cast<size_t>(c)]} : Value{};
        }},
       {{"rep", "cp.rep"}, [&](const size_t& i) { return rep_name(*s.dims, o.rep[i]); }},
       {{"amount", "cp.amount", Unit::money}, [&](const size_t& i) { return Value{o.amount[i]}; }},
       {{"created", "cp.created", Unit::date}, [&](const size_t& i) { return day(o.created[i]); }},
       {{"expected_close", "cp.expected_close", Unit::date}, [&](const size_t& i) { return day(o.expected_close[i]); }},
       {{"stage", "cp.stage"},
        [&](const size_t& i) {
          const int32_t st = o.stage_at(i, as_of);
          return st == engine::kNone
                     ? Value{}
                     : Value{present::Label{std::string("stage.") + model::stage_code(static_cast<model::Stage>(st))}};
        }},
       {{"closed", "cp.closed", Unit::date}, [&](const size_t& i) {
          return o.closed[i] != engine::kNoDay && o.closed[i] <= as_of.days ? day(o.closed[i]) : Value{};
        }}}};
  return spec.build(p.opportunities);
}

}  // namespace

present::Table profile_table(Context& ctx, const engine::Snapshot& s, const analytics::CustomerProfile& p, Date as_of,
                             const std::string& table) {
  if (table == "contracts") return contracts_table(s, p);
  if (table == "lines") return lines_table(ctx, s, p);
  if (table == "payments") return payments_table(s, p, as_of);
  if (table == "opportunities") return opportunities_table(s, p, as_of);
  throw invalid_field("table", "table 应为 contracts、lines、payments 或 opportunities",
                      "table must be contracts, lines, payments or opportunities");
}

}  // namespace sl::api
