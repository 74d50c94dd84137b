// How P1 (market share) and P2 (competitors) match our sales to the market (docs/metrics.md
// "P1"): a MarketStat row is a cell (month, industry, region, category); a contract line counts
// in the cell of its customer's industry, its customer's market region (MarketTables::cell_region:
// the demo reports by 大区, so a province's customer counts in its 大区) and its product's
// category. The cells counted are those of the scope's market regions (market_regions of C4: the
// scope's subtree and the regions above it — a rep reads their 大区's market), under the filter's
// industry and category; the lines counted are the scope's book (lines of reps it sees) falling
// in a counted cell. So share = own / market compares like with like.
#pragma once
#include <optional>
#include <vector>

#include "analytics/do/do_filter.h"
#include "engine/parallel.h"
#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

struct MarketFrame {
  std::vector<bool> counted;         // by region index: that region's market rows count
  std::vector<int32_t> industry_of;  // customer industry code → market industry code (kNone: none)
  int32_t industry = engine::kNone;  // the filter's market industry (kNone: any)
  int32_t category = engine::kNone;  // the filter's category (kNone: any)
  bool empty = false;                // an industry filter the market does not know: no cell counts

  bool counts(const engine::MarketRow& m) const {
    return !empty && m.category != engine::kNone && m.region != engine::kNone &&
           counted[static_cast<size_t>(m.region)] && (industry == engine::kNone || m.industry == industry) &&
           (category == engine::kNone || m.category == category);
  }
  bool counts_region(int32_t region) const { return region != engine::kNone && counted[static_cast<size_t>(region)]; }
};

MarketFrame market_frame(const engine::Snapshot& s, const engine::Scope& scope, const RowFilter& rf);

// One own contract line in a counted cell.
struct OwnLine {
  size_t row;              // row in Facts::sales_lines
  int32_t day, industry;   // market industry code
  int32_t region;          // the customer's market region (counted)
  int32_t category;        // category code
  int32_t product;         // product index (kNone: unknown)
  Money amount;
};

// Calls add(part, line) for every own line dated [first, last] in a counted cell (rows of reps
// the scope sees, passing rf), split between workers each with its own Part; returns the parts
// for the caller to merge. `init(part)` sizes a worker's part before its first row.
template <class Part, class Init, class Add>
std::vector<Part> scan_own_lines(const engine::Snapshot& s, const engine::Scope& scope, const RowFilter& rf,
                                 const MarketFrame& mf, Date first, Date last, Init init, Add add) {
  const engine::Facts& f = *s.facts;
  const engine::FactTable& t = f.sales_lines;
  const engine::MarketTables& mk = *f.market;
  const engine::RowRange range = t.range(first, last);
  std::vector<uint8_t> visible(static_cast<size_t>(s.dims->rep_count()), 0);
  for (int32_t r = 0; r < s.dims->rep_count(); ++r) visible[static_cast<size_t>(r)] = scope.sees_rep(r);
  const size_t n = range.end - range.begin, workers = engine::worker_count(n);
  std::vector<Part> parts(workers);
  for (auto& p : parts) init(p);
  if (mf.empty) return parts;
  engine::parallel_chunks(n, workers, [&](size_t w, size_t b, size_t e) {
    Part& part = parts[w];
    for (size_t i = range.begin + b; i < range.begin + e; ++i) {
      const int32_t rep = t.rep[i], cu = t.customer[i];
      if (rep == engine::kNone || !visible[static_cast<size_t>(rep)] || cu == engine::kNone) continue;
      if (rf.any() && !rf.pass(f, t, i)) continue;
      const int32_t cat = t.category.empty() ? engine::kNone : t.category[i];
      const int32_t reg = f.customers.region[cu];
      const int32_t cell = reg == engine::kNone ? engine::kNone : mk.cell_region[static_cast<size_t>(reg)];
      const int32_t ind = f.customers.industry[cu] == engine::kNone
                              ? engine::kNone
                              : mf.industry_of[static_cast<size_t>(f.customers.industry[cu])];
      if (cat == engine::kNone || ind == engine::kNone || !mf.counts_region(cell)) continue;
      add(part, OwnLine{i, t.day[i], ind, cell, cat, f.line_product[i], t.amount[i]});
    }
  });
  return parts;
}

std::optional<double> share_of(Money own, Money market);

}  // namespace sl::analytics
