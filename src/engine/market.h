// The product and market side of a Snapshot (C4 产品市场预警): the products, the market size
// per (month, industry, region, category) and the competitor products with their sales per
// (month, region). Small tables (tens of thousands of rows), shared unchanged between
// versions: contract writes do not touch them.
#pragma once
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "engine/dims.h"
#include "model/entities.h"

namespace sl::engine {

struct ProductTable {
  std::vector<Id> id;  // by product index (the data set's order, as Facts::product_index)
  std::vector<std::string> code, name;
  std::vector<int32_t> category;  // category code into Facts::categories
  std::vector<int32_t> launch;    // launch day
  size_t size() const { return id.size(); }
};

struct MarketRow {
  int32_t month;     // Month::index
  int32_t industry;  // code into MarketTables::industries
  int32_t region;    // region index (kNone: unknown region)
  int32_t category;  // category code (kNone: a category no product has)
  Money size;
};

struct CompetitorSaleRow {
  int32_t month;    // Month::index
  int32_t product;  // index into the competitor product columns
  int32_t region;   // region index
  Money amount;
};

struct MarketTables {
  ProductTable products;
  std::vector<std::string> industries;  // the market's industry names (code → name)
  std::vector<MarketRow> market;        // MarketStat rows in month order
  // Competitor products, in id order.
  std::vector<Id> rival_id;
  std::vector<std::string> rival_name, rival_company;
  std::vector<int32_t> rival_category;         // category code (kNone: a category no product of ours has)
  std::vector<CompetitorSaleRow> rival_sales;  // in month order
  // By region index: the region whose market a customer placed there belongs to — the nearest
  // region at or above it with MarketStat rows (the demo reports by 大区, so a province maps to
  // its 大区); kNone when no region on its path has any (P1/P2 match own sales to market cells).
  std::vector<int32_t> cell_region;
};

// The fraction of each month's days inside [first, last], by Month::index (a month half inside
// counts half): how P1, P2 and C4 weigh a monthly figure against a window of days.
struct MonthWeights {
  int32_t first = 0;  // Month::index of w[0]
  std::vector<double> w;
  MonthWeights(Date first_day, Date last_day);
  double of(int32_t month) const {
    const int32_t k = month - first;
    return k >= 0 && k < static_cast<int32_t>(w.size()) ? w[static_cast<size_t>(k)] : 0.0;
  }
};

// `category_code` maps a category name to its code in Facts::categories.
MarketTables build_market(const model::Dataset& d, const Dims& dims, const std::vector<std::string>& categories);

}  // namespace sl::engine
