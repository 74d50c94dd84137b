#include "engine/append_opportunity.h"

#include <algorithm>

#include "model/opportunity_rules.h"

namespace sl::engine {

namespace {

std::shared_ptr<const Snapshot> with_table(const Snapshot& s, std::shared_ptr<Facts> facts, int64_t version) {
  auto next = std::make_shared<Snapshot>(s);
  next->version = version;
  next->facts = std::move(facts);
  return next;
}

// The column with the value at `at` replaced: a new buffer (readers of `c` keep theirs).
template <class T>
Column<T> replaced(const Column<T>& c, size_t at, T value) {
  return c.erased(at).inserted(at, value);
}

}  // namespace

std::shared_ptr<const Snapshot> with_opportunity(const std::shared_ptr<const Snapshot>& prev, const model::Opportunity& o, int64_t version) {
  const Snapshot& s = *prev;
  const Facts& f = *s.facts;
  const OpportunityTable& r = f.opportunities;  // reads through the const view (column.h)
  if (std::binary_search(r.id.begin(), r.id.end(), o.id)) return prev;
  if (r.size() && o.id < r.id.back()) return nullptr;
  const int32_t rep = s.dims->find_rep(o.rep);
  const int32_t customer = f.customer_index ? f.customer_index->find(o.customer) : kNone;
  if (rep == kNone || customer == kNone) return nullptr;
  const auto cat = std::find(f.categories.begin(), f.categories.end(), o.category);
  const int32_t category = cat == f.categories.end() ? kNone : static_cast<int32_t>(cat - f.categories.begin());

  auto n = std::make_shared<Facts>(f);  // every column shared
  OpportunityTable& t = n->opportunities;
  t.id = t.id.appended(o.id);
  t.customer = t.customer.appended(customer);
  t.rep = t.rep.appended(rep);
  t.category = t.category.appended(category);
  t.amount = t.amount.appended(o.amount);
  t.created = t.created.appended(o.created.days);
  t.expected_close = t.expected_close.appended(o.expected_close.days);
  t.closed = t.closed.appended(o.closed ? o.closed->days : kNoDay);
  t.stage = t.stage.appended(static_cast<int8_t>(o.stage));
  for (const auto& e : o.history) {
    t.hist_stage = t.hist_stage.appended(static_cast<int8_t>(e.stage));
    t.hist_day = t.hist_day.appended(e.date.days);
  }
  t.hist_begin = t.hist_begin.appended(static_cast<uint32_t>(t.hist_stage.size()));
  const std::string code = o.code.empty() ? model::opportunity_code(o.id) : o.code;
  t.code_chars = t.code_chars.appended(code.data(), code.size());
  t.code_begin = t.code_begin.appended(static_cast<uint32_t>(t.code_chars.size()));
  return with_table(s, std::move(n), version);
}

std::shared_ptr<const Snapshot> with_stage_move(const std::shared_ptr<const Snapshot>& prev, Id id, model::Stage to, Date on, int64_t version) {
  const Snapshot& s = *prev;
  const Facts& f = *s.facts;
  const OpportunityTable& r = f.opportunities;
  const auto it = std::lower_bound(r.id.begin(), r.id.end(), id);
  if (it == r.id.end() || *it != id) return nullptr;
  const size_t row = static_cast<size_t>(it - r.id.begin());
  if (r.stage[row] == static_cast<int8_t>(to)) return prev;

  auto n = std::make_shared<Facts>(f);
  OpportunityTable& t = n->opportunities;
  t.stage = replaced(r.stage, row, static_cast<int8_t>(to));
  if (model::is_closed(to)) t.closed = replaced(r.closed, row, on.days);
  // The event goes last in the row's history: every later row's offset moves up by one.
  const size_t at = r.hist_begin[row + 1];
  t.hist_stage = r.hist_stage.inserted(at, static_cast<int8_t>(to));
  t.hist_day = r.hist_day.inserted(at, on.days);
  Column<uint32_t> begin;
  begin.reserve(r.hist_begin.size() + std::max<size_t>(1024, r.hist_begin.size() / 64));
  for (size_t i = 0; i < r.hist_begin.size(); ++i) begin.push_back(r.hist_begin[i] + (i > row ? 1 : 0));
  t.hist_begin = std::move(begin);
  return with_table(s, std::move(n), version);
}

}  // namespace sl::engine
