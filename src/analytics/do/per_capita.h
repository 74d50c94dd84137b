// D4 per-capita sales (shared/METRICS.md): sales of a month / mean active headcount, where
// the headcount of a day counts the reps employed on it (hire_date ≤ day and no leave_date
// or leave_date ≥ day), averaged over the days of the month. The current month is read
// through as_of: its sales and its days up to as_of. 24 months by default, per 大区 and for
// the whole scope. Reps see no per-capita figures (they are 大区 aggregates): 403.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

// Mean headcount over the days of m through as_of (0 when m starts after as_of).
double mean_headcount(const engine::Dims& d, const std::vector<bool>& reps, Month m, Date as_of);

struct PerCapitaSeries {
  Id id = 0;  // 0 for the whole scope
  std::string name;
  std::vector<Money> sales;
  std::vector<double> headcount;
  std::vector<std::optional<double>> per_capita;  // fen per head; nullopt when headcount is 0
};

struct PerCapitaResult {
  std::vector<Month> months;
  bool last_partial = false;  // the last month is not over on as_of
  PerCapitaSeries total;
  std::vector<PerCapitaSeries> regions;
};

PerCapitaResult per_capita(const engine::Snapshot& s, const engine::Scope& scope, Date as_of, int months = 24);

}  // namespace sl::analytics
