// P2 同行业同类型竞品分析 (shared/METRICS.md "P2", docs/metrics.md "P2"): per category over the
// period's window as of as_of (current_window):
//   market(category) = Σ MarketStat of the category in the scope's counted cells (market_cells.h),
//   months weighted by their days in the window; own sales = the scope's own lines in those
//   cells; each competitor product's sales = Σ CompetitorSale of the counted regions, weighted
//   the same way;
//   share = sales / market(category); the entrants — 本公司 (every own product of the category
//   as one) and each competitor product of the category — ranked by sales (ties: 本公司 first,
//   then the lower id); relative share = own share / the largest competitor's share (= own
//   sales / its sales: one market divides both); the monthly share of every entrant over the
//   `trend_months` months ending with as_of's month; the own flagship products = the
//   `flagships` best-selling own products of the category (same lines), with their share.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analytics/do/process.h"
#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

struct CompetitorParams {
  Period period;
  Date as_of;
  int flagships = 3;
  int trend_months = 12;
};

struct Entrant {
  bool own = false;  // 本公司
  Id id = 0;         // competitor product id (0 for 本公司)
  std::string name, company;
  Money sales = 0;
  std::optional<double> share;
  int rank = 0;                                // 1 = the largest
  std::vector<std::optional<double>> trend;    // monthly share, CompetitorResult::months order
  std::vector<Money> trend_sales;              // monthly sales, same order
};

struct Flagship {
  int rank = 0;
  Id id = 0;
  std::string code, name;
  Money sales = 0;
  std::optional<double> share;      // of the category's market
  std::optional<double> own_part;   // of our sales in the category
};

struct CategoryCompetition {
  std::string name;
  Money market = 0;
  std::vector<Money> trend_market;  // by month
  std::vector<Entrant> entrants;    // by rank
  size_t own = 0;                   // position of 本公司 in entrants
  std::optional<size_t> leader;     // position of the largest competitor (with sales)
  std::optional<double> relative_share;
  std::vector<Flagship> flagships;
  const Entrant& own_entrant() const { return entrants[own]; }
};

struct CompetitorResult {
  Window current;
  std::vector<Month> months;                  // the trend's months, oldest first
  std::vector<CategoryCompetition> categories;  // by market size descending, then name
};

CompetitorResult competitors(const engine::Snapshot& s, const engine::Scope& scope, const CompetitorParams& p);

}  // namespace sl::analytics
