// P1 市场规模及占有率分析 (shared/METRICS.md "P1", docs/metrics.md "P1"): over the period's
// window as of as_of (current_window) and the same window a year earlier (yoy_window):
//   market = Σ MarketStat of the counted cells (market_cells.h), each month weighted by the
//   share of its days inside the window (as C4);
//   own = Σ own contract lines in those cells; share = own / market (undefined on no market);
//   by market industry, by market region and by industry × region (the heat map);
//   the share trend: the `trend_months` months ending with as_of's month, each month's window
//   cut at as_of;
//   opportunities created in the window (the scope's book, the filter's industry/category/size),
//   count and amount by the customer's industry and market region.
// The size filter narrows own sales and opportunities only: the market has no customer size.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analytics/do/do_filter.h"
#include "analytics/do/process.h"
#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

struct MarketParams {
  Period period;
  Date as_of;
  DoFilter filter;  // region/rep are already in the scope
  int trend_months = 24;
};

struct ShareFigures {
  Money market = 0, own = 0;
  std::optional<double> share;
};

struct ShareRow {
  Id id = 0;  // region id (0 for an industry)
  std::string name;
  ShareFigures now, ly;
};

struct HeatCell {
  size_t industry = 0, region = 0;  // positions in MarketResult::industries / regions
  ShareFigures f;
};

struct SharePoint {
  Month month;
  ShareFigures f;
};

struct OppGroup {
  Id id = 0;         // region id (0: an industry, or a customer outside every market region)
  std::string name;  // industry name or region name ("" when outside)
  int64_t count = 0;
  Money amount = 0;
};

struct MarketResult {
  Window current, yoy;
  ShareFigures total, total_ly;
  std::optional<double> market_growth, own_growth;  // this window against last year's
  std::vector<ShareRow> industries;                 // market industries, by market size descending
  std::vector<ShareRow> regions;                    // counted market regions with market rows, by size
  std::vector<HeatCell> heat;                       // industries × regions, row by row
  std::vector<SharePoint> trend;                    // oldest first
  int64_t opp_count = 0;
  Money opp_amount = 0;
  std::vector<OppGroup> opp_industries, opp_regions;  // by amount descending, then name
};

MarketResult market_share(const engine::Snapshot& s, const engine::Scope& scope, const MarketParams& p);

}  // namespace sl::analytics
