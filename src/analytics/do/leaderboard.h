// D4 销售业绩排名赛马 (shared/METRICS.md): reps in scope ranked by one metric, with the
// rank change against the previous period, and the 大区 leaderboard.
//
// Ranking: higher is better; equal values share a rank and the next rank skips (1, 2, 2, 4);
// a row without a value (no target, no closed deal, no forecast) has no rank and is listed
// last. Rank change = previous rank − rank (positive = moved up); null when the row had no
// rank in the previous period. The previous period is read in full.
//
// Who is ranked: the reps employed on the reading day (ranked_in); departed reps still
// count in their 大区's figures.
//
// Visibility: a rep sees the ranking of their peer group (the reps of their 大区), names
// and ranks of everyone, but the figures only of their own row: the others' value fields
// are null. This is enforced here, not in the browser.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analytics/do/rep_figures.h"
#include "engine/scope.h"

namespace sl::analytics {

enum class BoardMetric {
  sales,
  completion,
  collections,
  collection_rate,
  new_customers,
  win_rate,
  forecast_accuracy,
  kpi_score
};
const char* board_metric_code(BoardMetric m);
std::optional<BoardMetric> parse_board_metric(std::string_view s);
std::optional<double> board_value(const RepFigures& f, BoardMetric m);

struct BoardParams {
  Period period;
  Date as_of;
  BoardMetric metric = BoardMetric::sales;
  int lock_day = kForecastLockDay;  // forecast accuracy's lock day (serve --forecast-lock-day)
};

struct BoardRow {
  Id id = 0;
  std::string name;
  Id region = 0;  // the rep's 大区 (rep rows)
  std::string region_name;
  bool own = false;     // the caller's own row (reps)
  bool visible = true;  // false: figures withheld (a peer of a rep caller)
  std::optional<double> value;
  std::optional<int> rank, previous_rank, change;
  std::optional<RepFigures> figures;  // all metrics, when visible
};

struct BoardResult {
  std::vector<BoardRow> reps, regions;  // each in rank order
  int peers = 0;                        // ranked and unranked reps listed
};

BoardResult leaderboard(const engine::Snapshot& s, const engine::Scope& scope, const BoardParams& p);
// The same from sums already made for p's period and the previous one (the cockpit ranks
// by two metrics over the same sums).
BoardResult leaderboard(const engine::Snapshot& s, const engine::Scope& scope, const BoardParams& p,
                        const PeriodSums& now, const PeriodSums& before);

// The reps a scope's leaderboard ranks, by index: a rep caller's 大区 (their peer group), else
// the scope's reps; only those ranked_in the period.
std::vector<int32_t> ranked_peers(const engine::Dims& d, const engine::Scope& scope, const Period& p, Date as_of);

// A rep's own rank on their leaderboard (what leaderboard(scope_rep(rep), …) gives the own row)
// by each metric, from one set of the peers' figures over `sums`; *peers: the reps ranked.
std::vector<std::optional<int>> own_ranks(const engine::Snapshot& s, int32_t rep, const PeriodSums& sums,
                                          const std::vector<BoardMetric>& metrics, int* peers);

// Whether a rep is ranked (and counted among the peers) for a period read through as_of:
// employed on the period's reading day, min(period end, as_of) — a rep who has left is no
// longer ranked, one who joined is ranked from their first day, and a month, its quarter and
// its year rank the same set. (A period not yet started reads its first day.)
bool ranked_in(const engine::Dims& d, int32_t rep, const Period& p, Date as_of);

// Competition ranks (1, 2, 2, 4) of values, higher first; nullopt stays unranked. Exposed for tests.
std::vector<std::optional<int>> competition_ranks(const std::vector<std::optional<double>>& values);

}  // namespace sl::analytics
