// C3 churn reasons. A churned customer here is one recorded as lost (a lost_reason) that the
// scope has sold to by as_of (a contract of a rep it sees, passing the customer filters); the
// record carries no date, so a customer lost later shows at an earlier as_of too. Counted by
// reason, and by reason × industry, × customer size and × 大区 (of the customer's region).
// Each reason has a suggested response, by its code (the catalogue's churn_response.<code>).
#pragma once
#include <string>
#include <vector>

#include "analytics/do/do_filter.h"

namespace sl::analytics {

// The response code of a lost reason: price, competitor, service, demand, closure or other.
const char* churn_response_code(const std::string& reason);

struct ChurnReason {
  std::string reason;  // as recorded
  std::string code;    // churn_response_code(reason)
  int64_t customers = 0;
  Money amount = 0;  // their contracts in scope up to as_of (the business lost)
};

// Counts of one dimension: row names × reasons (in ChurnReasons::reasons order).
struct ChurnCross {
  std::vector<std::string> rows;
  std::vector<std::vector<int64_t>> counts;  // [row][reason]
};

struct ChurnReasons {
  int64_t customers = 0;              // churned customers in all
  std::vector<ChurnReason> reasons;   // most customers first (ties: reason text)
  ChurnCross industry, size, region;  // size rows "large", "medium", "small"
};

struct ChurnReasonsParams {
  Date as_of;
  RowFilter filter;  // customer filters (industry, size); under a category, sold = a purchase of it and
                     // amount = its lines (category_purchases.h)
};

ChurnReasons churn_reasons(const engine::Snapshot& s, const engine::Scope& scope, const ChurnReasonsParams& p);

}  // namespace sl::analytics
