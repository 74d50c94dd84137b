#include "analytics/do/do_filter.h"

#include <optional>

#include "core/error.h"

namespace sl::analytics {

using engine::kNone;

engine::Scope narrow_scope(const engine::Snapshot& s, const engine::Scope& scope, const DoFilter& f) {
  const engine::Dims& d = *s.dims;
  engine::Scope out = scope;
  if (f.region != 0) {
    int32_t r = d.find_region(f.region);
    if (r == kNone) throw not_found();
    if (!scope.sees_region(r)) throw forbidden();
    out = engine::scope_region(d, r);
  }
  if (f.rep != 0) {
    int32_t p = d.find_rep(f.rep);
    if (p == kNone) throw not_found();
    if (!out.sees_rep(p)) throw forbidden();
    out = engine::scope_rep(d, p);  // one rep's book: no region totals around it
  }
  return out;
}

RowFilter row_filter(const engine::Snapshot& s, const DoFilter& f) {
  RowFilter rf;
  const auto& facts = *s.facts;
  if (!f.industry.empty()) {
    for (size_t i = 0; i < facts.customers.industries.size(); ++i)
      if (facts.customers.industries[i] == f.industry) rf.industry = static_cast<int32_t>(i);
    if (rf.industry == kNone)
      throw invalid_field("industry", "未知行业：" + f.industry, "Unknown industry: " + f.industry);
  }
  if (!f.category.empty()) {
    for (size_t i = 0; i < facts.categories.size(); ++i)
      if (facts.categories[i] == f.category) rf.category = static_cast<int32_t>(i);
    if (rf.category == kNone)
      throw invalid_field("category", "未知产品类别：" + f.category, "Unknown category: " + f.category);
  }
  if (!f.size.empty()) {
    const auto size = model::parse_customer_size(f.size);
    if (size)
      rf.size = static_cast<int32_t>(*size);
    else
      throw invalid_field("size", "客户规模应为 large、medium 或 small：" + f.size,
                          "size must be large, medium or small: " + f.size);
  }
  return rf;
}

const char* do_metric_code(DoMetric m) {
  switch (m) {
    case DoMetric::bids_won: return "bids_won";
    case DoMetric::sales: return "sales";
    case DoMetric::collection: return "collection";
  }
  return "";
}

const engine::FactTable& metric_table(const engine::Facts& f, DoMetric m, const RowFilter& rf) {
  switch (m) {
    case DoMetric::bids_won: return f.bids_won;
    case DoMetric::sales: return rf.by_category() ? f.sales_lines : f.sales;
    case DoMetric::collection: return f.collections;
  }
  return f.sales;
}

namespace {
// Indexed by rep index + 1 (0 = a row of no rep): the first cell of the rep, rep × stride,
// or reps × stride — one discard cell row past the end — for a rep the scope does not see.
// A hot loop then adds every row somewhere, with no unpredictable branch when the scope is
// a part of the company.
std::vector<size_t> cell_rows(const engine::Scope& scope, size_t stride) {
  const size_t reps = scope.rep.size();
  std::vector<size_t> out(reps + 1, reps * stride);
  for (size_t p = 0; p < reps; ++p)
    if (scope.rep[p]) out[p + 1] = p * stride;
  return out;
}

// The (rep, month) cells of one of f's tables (engine/rep_month_sums.h), null for a table
// without them.
const engine::MonthCells* cells_of(const engine::Facts& f, const engine::FactTable& t) {
  const engine::RepMonthSums* x = f.rep_month_sums.get();
  if (!x) return nullptr;
  if (&t == &f.sales) return x->sales.get();
  if (&t == &f.collections) return x->collections.get();
  if (&t == &f.first_contracts) return x->first_contracts.get();
  return nullptr;
}

// Unfiltered per-rep sums over [first, last] from the cells (whole months a few cells a rep,
// the cut months' days from the table), kept for the reps the scope sees; nullopt without cells.
std::optional<std::vector<engine::RepSum>> scoped_cell_sums(const engine::Facts& f, const engine::FactTable& t,
                                                            const engine::Scope& scope, Date first, Date last) {
  const engine::MonthCells* cells = cells_of(f, t);
  if (!cells) return std::nullopt;
  auto sums = engine::rep_sums(t, cells, scope.rep.size(), first, last);
  for (size_t p = 0; p < sums.size(); ++p)
    if (!scope.rep[p]) sums[p] = {};
  return sums;
}

// Collections have no category: a category filter does not apply to them.
RowFilter for_table(const engine::Facts& f, const engine::FactTable& t, RowFilter rf) {
  if (&t == &f.collections) rf.category = kNone;
  return rf;
}
}  // namespace

std::vector<SumCount> sum_by_rep(const engine::Facts& f, const engine::FactTable& t, const engine::Scope& scope,
                                 const RowFilter& rf, Date first, Date last) {
  const size_t reps = scope.rep.size();
  std::vector<SumCount> out(reps + 1);  // [reps]: discarded rows
  const RowFilter eff = for_table(f, t, rf);
  const bool filtered = eff.any();
  if (!filtered)
    if (auto sums = scoped_cell_sums(f, t, scope, first, last)) {
      for (size_t p = 0; p < reps; ++p) out[p] = {(*sums)[p].amount, (*sums)[p].count};
      out.pop_back();
      return out;
    }
  const std::vector<size_t> cell = cell_rows(scope, 1);
  auto rr = t.range(first, last);
  for (size_t i = rr.begin; i < rr.end; ++i) {
    size_t c = cell[static_cast<size_t>(t.rep[i] + 1)];
    if (filtered && !eff.pass(f, t, i)) c = reps;
    out[c].amount += t.amount[i];
    out[c].count += 1;
  }
  out.pop_back();
  return out;
}

RepMonthGrid rep_month_grid(const engine::Facts& f, const engine::FactTable& t, const engine::Scope& scope,
                            const RowFilter& rf, Month first, Month last, Date as_of) {
  RepMonthGrid g;
  g.first = first;
  g.months = std::max(0, last.index - first.index + 1);
  const size_t cells = scope.rep.size() * static_cast<size_t>(g.months);
  const RowFilter eff = for_table(f, t, rf);
  const bool filtered = eff.any();
  const size_t months = static_cast<size_t>(g.months);
  const std::vector<size_t> row_of = cell_rows(scope, months);
  std::vector<Money> amount(cells + months, 0);
  std::vector<int64_t> count(cells + months, 0);
  for (size_t k = 0; k < months; ++k) {
    const Month m{first.index + static_cast<int>(k)};
    if (!filtered)
      if (auto sums = scoped_cell_sums(f, t, scope, m.first_day(), std::min(m.last_day(), as_of))) {
        for (size_t p = 0; p < scope.rep.size(); ++p) {
          amount[p * months + k] = (*sums)[p].amount;
          count[p * months + k] = (*sums)[p].count;
        }
        continue;
      }
    auto rr = t.range(m.first_day(), std::min(m.last_day(), as_of));
    for (size_t i = rr.begin; i < rr.end; ++i) {
      size_t c = row_of[static_cast<size_t>(t.rep[i] + 1)] + k;
      if (filtered && !eff.pass(f, t, i)) c = cells + k;
      amount[c] += t.amount[i];
      count[c] += 1;
    }
  }
  amount.resize(cells);
  count.resize(cells);
  g.amount = std::move(amount);
  g.count = std::move(count);
  return g;
}

SumCount total(const std::vector<SumCount>& by_rep) {
  SumCount s;
  for (const auto& x : by_rep) {
    s.amount += x.amount;
    s.count += x.count;
  }
  return s;
}

}  // namespace sl::analytics
