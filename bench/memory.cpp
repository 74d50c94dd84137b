#include "bench/memory.h"

namespace sl::bench {

namespace {

template <class V>
size_t b(const V& v) {
  return v.capacity() * sizeof(typename V::value_type);
}

size_t b(const engine::Column<std::string>& v) {
  size_t n = v.capacity() * sizeof(std::string);
  for (const auto& x : v)
    if (x.capacity() > 15) n += x.capacity() + 1;
  return n;
}

size_t fact(const engine::FactTable& t) { return b(t.day) + b(t.rep) + b(t.customer) + b(t.category) + b(t.amount); }

}  // namespace

std::vector<std::pair<std::string, size_t>> snapshot_bytes(const engine::Snapshot& s) {
  const auto& f = *s.facts;
  const auto& k = f.contracts;
  const auto& o = f.opportunities;
  const auto& c = f.customers;
  return {
      {"sales_lines", fact(f.sales_lines)},
      {"sales (contracts by date)", fact(f.sales)},
      {"collections", fact(f.collections)},
      {"bids_won", fact(f.bids_won)},
      {"first_contracts", fact(f.first_contracts)},
      {"activities", fact(f.activities)},
      {"contracts (ids, codes, plan, payments)", b(k.id) + b(k.code_chars) + b(k.code_begin) + b(k.rep) +
                                                     b(k.customer) + b(k.signed_day) + b(k.amount) + b(k.plan_begin) +
                                                     b(k.plan_due) + b(k.plan_amount) + b(k.pay_begin) + b(k.pay_day) +
                                                     b(k.pay_amount) + b(k.settled_day)},
      {"opportunities + stage history", b(o.id) + b(o.customer) + b(o.rep) + b(o.category) + b(o.amount) +
                                            b(o.created) + b(o.expected_close) + b(o.closed) + b(o.stage) +
                                            b(o.hist_begin) + b(o.hist_stage) + b(o.hist_day)},
      {"customers", b(c.name) + b(c.industry) + b(c.size) + b(c.region) + b(c.owner) + b(f.customer_id)},
      {"forecasts", b(f.forecasts.rep) + b(f.forecasts.month) + b(f.forecasts.value) + b(f.forecasts.submitted_at)},
      {"targets (rows)", s.target_rows ? b(*s.target_rows) : 0},
      {"row index (contracts by customer and rep, customers by owner, opportunities by rep)",
       f.row_index ? f.row_index->bytes() : 0},
      {"(rep, month) sums (sales, collections, first contracts, won/lost)",
       f.rep_month_sums ? f.rep_month_sums->bytes() : 0},
  };
}

}  // namespace sl::bench
