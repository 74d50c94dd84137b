// C2 RFM customer value. As of as_of with a window (default 365 days, as_of included):
// R = days since the customer's last contract (all history up to as_of), F = contracts in
// the window, M = contract amount in the window. Scored: customers with any contract.
// Each of R, F, M is compared with the mean over the scored set (option: the median);
// R is good when below it, F and M are high when above it.
#pragma once
#include <array>
#include <vector>

#include "analytics/do/do_filter.h"
#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

struct RfmParams {
  Date as_of;
  int window_days = 365;
  bool median = false;  // thresholds at the median instead of the mean
  RowFilter filter;     // customer filters (industry, size) and the product category (category_purchases.h)
};

// Segment code = 4·(R good) + 2·(F high) + (M high): 7 重要价值, 5 重要发展, 3 重要保持,
// 1 重要挽留, 6 一般价值, 4 一般发展, 2 一般保持, 0 一般挽留.
enum RfmSegment : uint8_t {
  kGeneralRetain = 0,
  kImportantRetain = 1,
  kGeneralKeep = 2,
  kImportantKeep = 3,
  kGeneralDevelop = 4,
  kImportantDevelop = 5,
  kGeneralValue = 6,
  kImportantValue = 7,
};
const char* rfm_segment_code(int segment);  // "important_value", …

struct RfmCustomer {
  int32_t customer = 0;  // customer index
  int32_t recency = 0;   // days
  int32_t frequency = 0;
  Money monetary = 0;
  uint8_t segment = 0;
};

struct RfmSegmentTotal {
  int64_t customers = 0;
  Money amount = 0;  // Σ M
};

struct RfmResult {
  double threshold_r = 0, threshold_f = 0, threshold_m = 0;  // mean or median of the scored set
  std::array<RfmSegmentTotal, 8> segments{};
  std::vector<RfmCustomer> customers;  // scored customers, by customer index
};

// Contracts of reps the scope sees, of customers passing the filter. One pass over the date-sorted contract rows up to
// as_of, split between worker threads with per-thread per-customer partials. Under a category
// the category's purchases instead (category_purchases.h): R since the last one, F = purchase
// days in the window, M = the category's line amounts in the window.
RfmResult rfm(const engine::Snapshot& s, const engine::Scope& scope, const RfmParams& p);

}  // namespace sl::analytics
