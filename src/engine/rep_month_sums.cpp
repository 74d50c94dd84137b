#include "engine/rep_month_sums.h"

#include <algorithm>

#include "engine/snapshot.h"

namespace sl::engine {

namespace {

bool closed_row(const OpportunityTable& o, size_t i, size_t reps) {
  const int32_t r = o.rep[i];
  if (r < 0 || static_cast<size_t>(r) >= reps || o.closed[i] == kNoDay) return false;
  return o.stage[i] == static_cast<int8_t>(model::Stage::won) || o.stage[i] == static_cast<int8_t>(model::Stage::lost);
}

// The whole months of [first, last]: [*from, *to], empty when from > to.
void whole_months(Date first, Date last, Month* from, Month* to) {
  *from = Month::of(first);
  if (first != from->first_day()) from->index++;
  *to = Month::of(last);
  if (last != to->last_day()) to->index--;
}

void add_rows(const FactTable& t, size_t b, size_t e, size_t reps, std::vector<RepSum>& out) {
  for (size_t i = b; i < e; ++i) {
    const int32_t r = t.rep[i];
    if (r < 0 || static_cast<size_t>(r) >= reps) continue;
    out[static_cast<size_t>(r)].amount += t.amount[i];
    out[static_cast<size_t>(r)].count += 1;
  }
}

void add_days(const FactTable& t, Date first, Date last, size_t reps, std::vector<RepSum>& out) {
  if (first > last) return;
  const RowRange rr = t.range(first, last);
  add_rows(t, rr.begin, rr.end, reps, out);
}

void count_closed(const OpportunityTable& o, size_t i, WonLost& out) {
  auto& to = o.stage[i] == static_cast<int8_t>(model::Stage::won) ? out.won : out.lost;
  ++to[static_cast<size_t>(o.rep[i])];
}

// The cells' closed rows with a closing day in [first, last].
void closed_days(const OpportunityTable& o, const ClosedCells& c, Date first, Date last, WonLost& out) {
  if (first > last) return;
  const auto& rows = c.by_day;
  auto lo = std::lower_bound(rows.begin(), rows.end(), first.days,
                             [&](uint32_t row, int32_t day) { return o.closed[row] < day; });
  for (auto it = lo; it != rows.end() && o.closed[*it] <= last.days; ++it) count_closed(o, *it, out);
}

bool fresh_tail(size_t rows, size_t size) { return size - rows <= std::max<size_t>(4096, size / 64); }

}  // namespace

MonthCells build_month_cells(const FactTable& t, size_t reps) {
  MonthCells c;
  c.day = t.day;
  c.rep = t.rep;
  c.amount = t.amount;
  c.rows = t.size();
  c.reps = reps;
  if (c.rows == 0) return c;
  c.first = Month::of(Date{t.day[0]});  // rows are in day order
  c.months = Month::of(Date{t.day[c.rows - 1]}).index - c.first.index + 1;
  c.sum.assign(reps * static_cast<size_t>(c.months), 0);
  c.count.assign(c.sum.size(), 0);
  size_t i = 0;
  for (Month m = c.first; c.covers(m); m.index++) {
    const int32_t end_day = m.last_day().days;
    for (; i < c.rows && t.day[i] <= end_day; ++i) {
      const int32_t r = t.rep[i];
      if (r < 0 || static_cast<size_t>(r) >= reps) continue;
      const size_t at = c.at(r, m);
      c.sum[at] += t.amount[i];
      c.count[at] += 1;
    }
  }
  return c;
}

ClosedCells build_closed_cells(const OpportunityTable& o, size_t reps) {
  ClosedCells c;
  c.rep = o.rep;
  c.closed = o.closed;
  c.stage = o.stage;
  c.rows = o.size();
  c.reps = reps;
  int32_t lo = 0, hi = -1;
  size_t n = 0;
  for (size_t i = 0; i < c.rows; ++i) {
    if (!closed_row(o, i, reps)) continue;
    lo = n == 0 ? o.closed[i] : std::min(lo, o.closed[i]);
    hi = n == 0 ? o.closed[i] : std::max(hi, o.closed[i]);
    ++n;
  }
  if (n == 0) return c;
  c.first = Month::of(Date{lo});
  c.months = Month::of(Date{hi}).index - c.first.index + 1;
  c.won.assign(reps * static_cast<size_t>(c.months), 0);
  c.lost.assign(c.won.size(), 0);
  // Counting sort of the closed rows by day (ties in row order), counting the cells on the way.
  std::vector<uint32_t> at(static_cast<size_t>(hi - lo) + 2, 0);
  for (size_t i = 0; i < c.rows; ++i) {
    if (!closed_row(o, i, reps)) continue;
    ++at[static_cast<size_t>(o.closed[i] - lo) + 1];
    const size_t cell = c.at(o.rep[i], Month::of(Date{o.closed[i]}));
    ++(o.stage[i] == static_cast<int8_t>(model::Stage::won) ? c.won : c.lost)[cell];
  }
  for (size_t d = 1; d < at.size(); ++d) at[d] += at[d - 1];
  c.by_day.resize(n);
  for (size_t i = 0; i < c.rows; ++i)
    if (closed_row(o, i, reps)) c.by_day[at[static_cast<size_t>(o.closed[i] - lo)]++] = static_cast<uint32_t>(i);
  return c;
}

std::shared_ptr<const RepMonthSums> build_rep_month_sums(const Facts& f, size_t reps) {
  auto x = std::make_shared<RepMonthSums>();
  x->sales = std::make_shared<const MonthCells>(build_month_cells(f.sales, reps));
  x->collections = std::make_shared<const MonthCells>(build_month_cells(f.collections, reps));
  x->first_contracts = std::make_shared<const MonthCells>(build_month_cells(f.first_contracts, reps));
  x->closed = std::make_shared<const ClosedCells>(build_closed_cells(f.opportunities, reps));
  return x;
}

std::vector<RepSum> rep_sums(const FactTable& t, const MonthCells* cells, size_t rep_count, Date first, Date last) {
  std::vector<RepSum> out(rep_count);
  Month from, to;
  whole_months(first, last, &from, &to);
  if (!cells || !cells->applies(t, rep_count) || from > to) {
    add_days(t, first, last, rep_count, out);
    return out;
  }
  const Date a = from.first_day(), b = to.last_day();
  add_days(t, first, Date{a.days - 1}, rep_count, out);  // the cut months' days
  add_days(t, Date{b.days + 1}, last, rep_count, out);
  const Month lo{std::max(from.index, cells->first.index)},
      hi{std::min(to.index, cells->first.index + cells->months - 1)};
  if (lo <= hi)
    for (size_t r = 0; r < rep_count; ++r) {
      const size_t base = cells->at(static_cast<int32_t>(r), lo);
      for (int k = 0; k <= hi.index - lo.index; ++k) {
        out[r].amount += cells->sum[base + static_cast<size_t>(k)];
        out[r].count += cells->count[base + static_cast<size_t>(k)];
      }
    }
  for (size_t i = cells->rows; i < t.size(); ++i) {  // the tail, within the whole months
    const int32_t r = t.rep[i];
    if (t.day[i] < a.days || t.day[i] > b.days || r < 0 || static_cast<size_t>(r) >= rep_count) continue;
    out[static_cast<size_t>(r)].amount += t.amount[i];
    out[static_cast<size_t>(r)].count += 1;
  }
  return out;
}

WonLost won_lost(const OpportunityTable& o, const ClosedCells* cells, size_t rep_count, Date first, Date last) {
  WonLost out;
  out.won.assign(rep_count, 0);
  out.lost.assign(rep_count, 0);
  const bool use = cells && cells->applies(o, rep_count);
  for (size_t i = use ? cells->rows : 0; i < o.size(); ++i)  // every row, or the tail
    if (closed_row(o, i, rep_count) && o.closed[i] >= first.days && o.closed[i] <= last.days) count_closed(o, i, out);
  if (!use) return out;
  Month from, to;
  whole_months(first, last, &from, &to);
  if (from > to) {
    closed_days(o, *cells, first, last, out);
    return out;
  }
  closed_days(o, *cells, first, Date{from.first_day().days - 1}, out);
  closed_days(o, *cells, Date{to.last_day().days + 1}, last, out);
  const Month lo{std::max(from.index, cells->first.index)},
      hi{std::min(to.index, cells->first.index + cells->months - 1)};
  if (lo <= hi)
    for (size_t r = 0; r < rep_count; ++r) {
      const size_t base = cells->at(static_cast<int32_t>(r), lo);
      for (int k = 0; k <= hi.index - lo.index; ++k) {
        out.won[r] += cells->won[base + static_cast<size_t>(k)];
        out.lost[r] += cells->lost[base + static_cast<size_t>(k)];
      }
    }
  return out;
}

std::shared_ptr<const Snapshot> with_fresh_rep_month_sums(const std::shared_ptr<const Snapshot>& s) {
  const Facts& f = *s->facts;
  const size_t reps = static_cast<size_t>(s->dims->rep_count());
  const RepMonthSums* x = f.rep_month_sums.get();
  auto fresh = [&](const std::shared_ptr<const MonthCells>& c, const FactTable& t) {
    return c && c->applies(t, reps) && fresh_tail(c->rows, t.size());
  };
  const bool sales = x && fresh(x->sales, f.sales), collections = x && fresh(x->collections, f.collections),
             firsts = x && fresh(x->first_contracts, f.first_contracts),
             closed = x && x->closed && x->closed->applies(f.opportunities, reps) &&
                      fresh_tail(x->closed->rows, f.opportunities.size());
  if (sales && collections && firsts && closed) return s;
  auto next_sums = std::make_shared<RepMonthSums>(x ? *x : RepMonthSums{});
  if (!sales) next_sums->sales = std::make_shared<const MonthCells>(build_month_cells(f.sales, reps));
  if (!collections) next_sums->collections = std::make_shared<const MonthCells>(build_month_cells(f.collections, reps));
  if (!firsts)
    next_sums->first_contracts = std::make_shared<const MonthCells>(build_month_cells(f.first_contracts, reps));
  if (!closed) next_sums->closed = std::make_shared<const ClosedCells>(build_closed_cells(f.opportunities, reps));
  auto facts = std::make_shared<Facts>(f);  // every column shared
  facts->rep_month_sums = std::move(next_sums);
  auto next = std::make_shared<Snapshot>(*s);
  next->facts = std::move(facts);
  return next;
}

}  // namespace sl::engine
