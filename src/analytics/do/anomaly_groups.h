// D2's anomalies grouped by unit (issue 9, "anomaly noise"): one group per 大区 or rep with
// its rules, metrics and months, ranked so that the list opens on what matters most.
// Choices (documented in docs/metrics.md):
//  - Amount at stake of one anomaly (fen): the largest shortfall or excess one of its rules
//    measured, |actual − what the rule expected|: last year's amount (yoy), the median of the
//    trailing months (z), the target pro rata to time progress (completion). The rules of one
//    anomaly measure the same month from different bases, so they are not added. A bids-won
//    completion gap is in bids; it is valued at the month's mean won bid (0 with no bid won).
//  - A group's amount at stake is the sum over its anomalies (different months and metrics are
//    different money); its severity is the worst of its anomalies.
//  - Ranking: high groups first, then the larger amount at stake, then more anomalies, then
//    大区 before reps, then by id. Inside a group: high first, then the larger amount at
//    stake, then the flat list's order (the most recent month first).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "analytics/do/anomalies.h"

namespace sl::analytics {

// The target pro rata to the month's time progress (a count for bids won); nullopt without one.
std::optional<int64_t> pace_target(const Anomaly& a);
// The amount at stake as defined above, ≥ 0.
Money amount_at_stake(const Anomaly& a);

struct AnomalyGroup {
  std::string unit;  // "region" | "rep"
  Id id = 0;
  std::string name;
  std::string severity;  // the worst of its anomalies
  Money at_stake = 0;    // Σ of its anomalies'
  size_t high = 0, medium = 0;
  std::vector<std::string> rules;  // any of its anomalies fired, "yoy", "z", "completion" in that order
  std::vector<DoMetric> metrics;   // kDoMetrics order
  std::vector<Month> months;       // distinct, ascending
  std::vector<size_t> anomalies;   // indices into the flat list, in the group's order
};

// Every anomaly of `flat` falls in exactly one group, ranked as above.
std::vector<AnomalyGroup> group_anomalies(const std::vector<Anomaly>& flat);

}  // namespace sl::analytics
