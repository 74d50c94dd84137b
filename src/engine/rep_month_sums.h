// Per-(rep, month) sums built once with a Snapshot, so a company-wide per-rep sum over a
// period (D1's leaderboard position, D4) adds up a few cells per rep instead of passing over
// every contract and payment: Σ amount and row count of the sales, collections and
// first-contract facts by (rep, month of the row's day), and the won and lost opportunities
// by (rep, month of the closing day), with the closed opportunities' rows in closing-day order
// for the part of a month a period cuts.
//
// Shared by later Snapshots like the row lists (engine/row_index.h), with the same rule: each
// part covers the rows [0, rows) its table had when built, and applies only while the table
// reads the very columns it was built from (the same buffers, appended to at most). Rows
// appended since are the tail, read from the table. A column copied since (a back-dated row,
// a stage move, a buffer out of room) has another address: the part no longer applies and
// the caller sums the table itself. The publish step rebuilds the parts that no longer apply
// or whose tail grew long (with_fresh_rep_month_sums).
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "engine/column.h"
#include "engine/facts.h"
#include "engine/records.h"

namespace sl::engine {

struct Snapshot;
struct Facts;

// One fact table's Σ amount and row count by (rep, month) over its rows [0, rows); rows of no
// rep (or a rep index not below reps) are left out.
struct MonthCells {
  Column<int32_t> day, rep;  // shares of the columns built from
  Column<Money> amount;
  size_t rows = 0, reps = 0;
  Month first;
  int months = 0;
  std::vector<Money> sum;       // [rep × months + month − first]
  std::vector<int32_t> count;   // same layout
  bool applies(const FactTable& t, size_t rep_count) const {
    return reps == rep_count && t.size() >= rows && t.day.data() == day.data() && t.rep.data() == rep.data() &&
           t.amount.data() == amount.data();
  }
  bool covers(Month m) const { return m.index >= first.index && m.index < first.index + months; }
  size_t at(int32_t r, Month m) const { return static_cast<size_t>(r) * static_cast<size_t>(months) + (m.index - first.index); }
  size_t bytes() const { return sum.capacity() * sizeof(Money) + count.capacity() * sizeof(int32_t); }
};
MonthCells build_month_cells(const FactTable& t, size_t reps);

// Opportunities won and lost by (rep, month closed) over the rows [0, rows), and those rows'
// closed ones in closing-day order (ties in row order).
struct ClosedCells {
  Column<int32_t> rep, closed;  // shares of the columns built from
  Column<int8_t> stage;
  size_t rows = 0, reps = 0;
  Month first;
  int months = 0;
  std::vector<int32_t> won, lost;      // [rep × months + month − first]
  std::vector<uint32_t> by_day;        // closed rows (won or lost, of a rep) by closing day
  bool applies(const OpportunityTable& o, size_t rep_count) const {
    return reps == rep_count && o.size() >= rows && o.rep.data() == rep.data() && o.closed.data() == closed.data() &&
           o.stage.data() == stage.data();
  }
  bool covers(Month m) const { return m.index >= first.index && m.index < first.index + months; }
  size_t at(int32_t r, Month m) const { return static_cast<size_t>(r) * static_cast<size_t>(months) + (m.index - first.index); }
  size_t bytes() const {
    return (won.capacity() + lost.capacity()) * sizeof(int32_t) + by_day.capacity() * sizeof(uint32_t);
  }
};
ClosedCells build_closed_cells(const OpportunityTable& o, size_t reps);

struct RepMonthSums {
  std::shared_ptr<const MonthCells> sales, collections, first_contracts;
  std::shared_ptr<const ClosedCells> closed;
  size_t bytes() const {
    return (sales ? sales->bytes() : 0) + (collections ? collections->bytes() : 0) +
           (first_contracts ? first_contracts->bytes() : 0) + (closed ? closed->bytes() : 0);
  }
};
std::shared_ptr<const RepMonthSums> build_rep_month_sums(const Facts& f, size_t reps);

// Per-rep Σ amount and row count of t's rows dated [first, last], by rep index (rep_count
// entries; rows of no rep left out): whole months from the cells when they apply (plus the
// tail), the cut months' days from the table's row range; else one pass over the range.
struct RepSum {
  Money amount = 0;
  int64_t count = 0;
};
std::vector<RepSum> rep_sums(const FactTable& t, const MonthCells* cells, size_t rep_count, Date first, Date last);

// Per-rep counts of opportunities won and lost, closed on a day in [first, last] (stage = the
// current one), by rep index: from the cells when they apply, else a pass over the table.
struct WonLost {
  std::vector<int64_t> won, lost;
};
WonLost won_lost(const OpportunityTable& o, const ClosedCells* cells, size_t rep_count, Date first, Date last);

// s itself when every part applies with a short tail (≤ 1/64 of the rows, at least 4,096);
// else the same Snapshot with those parts rebuilt (every column and the other parts shared).
std::shared_ptr<const Snapshot> with_fresh_rep_month_sums(const std::shared_ptr<const Snapshot>& s);

}  // namespace sl::engine
