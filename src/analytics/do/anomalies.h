// D2 anomalies (shared/METRICS.md): for each (大区 or rep, metric, month) in the period,
//  - yoy: the month's value fell more than 30% against the same month last year;
//  - z: robust z = (x − median) / (1.4826·MAD) over the trailing 12 months has |z| > 3;
//  - completion: completion is more than 20 points below the month's time progress.
// Choices (documented in docs/metrics.md):
//  - yoy and z judge complete months only (month_complete.h: a half month would always look
//    like a fall), and so does severity: an unfinished month carries no YoY (basis partial);
//    completion judges every month through as_of, the current one by its time progress.
//  - yoy on a tiny base (yoy.h: below 10 % of the unit's mean month over the 12 months
//    before) is no percentage (basis new or small) and the rule does not fire.
//  - Metric values: amounts (bids won amount, sales, collections); the completion rule for
//    bids won compares the count with the count target, as targets are set in counts.
//  - MAD = 0 (at least half the trailing months equal the median): the z rule falls back to
//    the mean absolute deviation, z = (x − median) / (1.2533·MeanAD); when that is 0 too
//    (a constant history) there is no spread to judge by: z is null and the rule does not fire.
//    For a rep, only months in which the rep was employed count, and at least 6 are needed.
//  - severity: high when two or more rules fire, or YoY < −50%, or |z| > 5, or completion
//    is more than 40 points behind time progress; otherwise medium.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "analytics/do/do_filter.h"
#include "analytics/do/yoy.h"

namespace sl::analytics {

struct Anomaly {
  std::string unit;  // "region" | "rep"
  Id id = 0;
  std::string name;
  DoMetric metric = DoMetric::sales;
  Month month;
  std::vector<std::string> rules;             // "yoy", "z", "completion" in that order
  std::string severity;                       // "high" | "medium"
  Money value = 0;                            // the month's amount (through as_of for the current month)
  std::optional<Money> last_year;             // same month last year
  std::optional<double> yoy, z, median, mad;  // yoy: only for a complete month on a normal base
  YoyBasis yoy_basis = YoyBasis::small;
  std::optional<int64_t> target;  // bids won: a count
  std::optional<int64_t> count;   // bids won: the month's count
  std::optional<double> completion, time_progress;
  std::string key() const;  // "rep:17/sales/2026-05/yoy+z": what an acknowledgement names
};

// The thresholds of the rules and of severity, named (the defaults are shared/METRICS.md's);
// in percentage points where they judge a ratio.
struct AnomalyRules {
  double yoy_fall_points = 30;                // yoy: YoY below −30 %, on a base of at least
  double yoy_min_base_share = kMinBaseShare;  // this share of the unit's mean month (yoy.h)
  double z_limit = 3;                         // z: |z| above 3
  double completion_behind_points = 20;       // completion: more than 20 points behind time progress
  size_t rep_history_months = 6;              // z for a rep needs this many employed trailing months
  int high_rule_count = 2;                    // high: this many rules at once, or …
  double high_yoy_fall_points = 50;           // … YoY below −50 %, or …
  double high_z_limit = 5;                    // … |z| above 5, or …
  double high_completion_behind_points = 40;  // … completion more than 40 points behind
};
inline constexpr AnomalyRules kAnomalyRules{};

// Robust z of x against a history; MAD = 0 handled as described above. nullopt when it
// cannot be judged. Exposed for tests.
struct RobustZ {
  std::optional<double> z;
  double median = 0, mad = 0;
};
RobustZ robust_z(double x, std::vector<double> history);

// Anomalies of the months of [first month, last month] (clipped to as_of), for every 大区
// and every rep the scope sees, under the row filter.
std::vector<Anomaly> detect_anomalies(const engine::Snapshot& s, const engine::Scope& scope, const RowFilter& rf,
                                      Month first, Month last, Date as_of, const AnomalyRules& rules = kAnomalyRules);
// The same from grids already made (kDoMetrics order, same scope, filter and as_of) that
// cover the months [first − 12, last].
std::vector<Anomaly> detect_anomalies(const engine::Snapshot& s, const engine::Scope& scope, const RowFilter& rf,
                                      Month first, Month last, Date as_of, const std::array<RepMonthGrid, 3>& grids,
                                      const AnomalyRules& rules = kAnomalyRules);

}  // namespace sl::analytics
