// C4 产品市场预警: per product and per category, over the period's window as of as_of
// (current_window, and the same window a year earlier, as D2 reads them):
//   sales and cost from contract lines of reps the scope sees (lines passing the filter),
//   YoY growth, gross margin = (sales − cost) / sales;
//   market = Σ MarketStat of the category over the window's months, each month weighted by
//   the share of its days inside the window, in the scope's market regions (market_regions
//   below; by industry under an industry filter);
//   category share = own sales / market; relative share = own sales / sales of the largest
//   competitor product of the category (CompetitorSale, same months and regions);
//   growth-share quadrant from YoY and relative share against the two thresholds;
//   category potential = market growth × (1 − own share) × market size;
//   warnings (see ProductWarning). docs/metrics.md "C4" holds the rules in words.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analytics/do/do_filter.h"
#include "analytics/do/process.h"
#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

struct ProductParams {
  Period period;
  Date as_of;
  DoFilter filter;                 // region/rep are already in the scope; industry, size, category filter lines
  double growth_threshold = 0.10;  // YoY at or above: high growth
  double share_threshold = 1.0;    // relative share at or above: high share
};

// The figures one product or one category has in common.
struct SalesFigures {
  Money sales = 0, sales_ly = 0, cost = 0, cost_ly = 0;
  std::optional<double> yoy, margin, margin_ly;
  std::optional<double> share, share_ly;  // own sales / category market (this window, last year's)
  Money rival_sales = 0;                  // the largest competitor product of the category
  std::optional<double> relative_share;   // sales / rival_sales; nullopt without competitor sales
  std::optional<Date> last_sale;          // the latest sale in scope within the no-sale look-back
  const char* quadrant = nullptr;         // "star" | "cash_cow" | "question" | "dog"; nullptr undefined
};

struct ProductRow {
  int32_t product = 0;  // product index
  Id id = 0;
  std::string code, name, category;
  Date launch;
  SalesFigures f;
};

struct CategoryRow {
  int32_t code = 0;  // category code
  std::string name;
  int products = 0;  // products of the category launched by as_of
  SalesFigures f;
  Money market = 0, market_ly = 0;
  std::optional<double> market_growth;
  std::optional<Money> potential;  // market growth × (1 − share) × market; nullopt when either is undefined
  Id rival_id = 0;                 // the largest competitor product (0: none with sales)
  std::string rival_name, rival_company;
};

// One warning: a rule that fired for a product or a category.
//   yoy_decline: YoY < −20 % (warn), < −40 % (severe); value = YoY
//   share_down:  share − share last year < −2 points; value = the change (decimal)
//   margin_down: margin − margin last year < −5 points; value = the change
//   no_sale:     sold in scope in [as_of − 454, as_of − 90], nothing in [as_of − 89, as_of];
//                value = days since the last sale
struct ProductWarning {
  std::string unit;  // "product" | "category"
  Id id = 0;         // product id; 0 for a category
  std::string code, name, category;
  std::string rule, severity;  // severity "warn" | "severe"
  double value = 0;
  std::optional<double> base;  // last year's YoY base: the figure compared against (share, margin)
  // "product:ID/rule/PERIOD" or "category:NAME/rule/PERIOD".
  std::string key(const std::string& period_label) const;
};

struct ProductResult {
  Window current, yoy;
  SalesFigures totals;  // every line in scope (share/relative share/quadrant undefined)
  Money market = 0, market_ly = 0;
  std::vector<ProductRow> products;      // sales descending, then code
  std::vector<CategoryRow> categories;   // sales descending, then name
  std::vector<ProductWarning> warnings;  // severe first, then by |value| descending
};

constexpr int kNoSaleDays = 90, kNoSaleLookBack = 365;

// The quadrant of a (growth, relative share) point; nullptr when either is undefined.
const char* product_quadrant(std::optional<double> growth, std::optional<double> relative, double growth_threshold,
                             double share_threshold);

// Whether MarketStat/CompetitorSale rows of region r belong to the scope's market: the regions
// of the scope's subtree (a rep: their own region's) and the regions above it, where the
// market is reported coarser than the scope (a province rep reads their 大区's market).
std::vector<bool> market_regions(const engine::Dims& d, const engine::Scope& scope);

ProductResult product_warning(const engine::Snapshot& s, const engine::Scope& scope, const ProductParams& p);

}  // namespace sl::analytics
