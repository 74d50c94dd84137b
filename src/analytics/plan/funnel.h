// P3 商机漏斗: the funnel over the cohort of opportunities created in a period, read as it
// stood on as_of (stage events dated after as_of are not seen yet). reached(s) counts the
// opportunities whose history holds s or any later stage up to won — a skipped stage counts as
// reached when a later one is; lost is an end, never a later stage.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "analytics/do/do_filter.h"
#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

// The funnel's stages lead … won (model::Stage order); lost is not one of them.
constexpr int kFunnelStages = 6;
constexpr int kWon = static_cast<int>(model::Stage::won);
constexpr int kLost = static_cast<int>(model::Stage::lost);

// Whether an opportunity row counts for a caller: its rep's book is in scope, its customer
// passes the customer filters and, with a category filter, its category matches.
bool opportunity_passes(const engine::Facts& f, const engine::Scope& scope, const RowFilter& rf, size_t row);
// The furthest funnel stage in the row's history as of as_of (lost aside); -1 when none.
int reached_stage(const engine::OpportunityTable& o, size_t row, Date as_of);
// The day the row entered the stage it is in on as_of (its last event by then).
int32_t entered_day(const engine::OpportunityTable& o, size_t row, Date as_of);

struct FunnelParams {
  Date first, last, as_of;  // cohort: created in [first, min(last, as_of)]
  RowFilter rf;
};

struct FunnelStage {
  int stage = 0;
  int64_t reached = 0;
  std::optional<double> conversion;  // reached(s) / reached(s − 1); none for lead or 0 / 0
  std::optional<double> mean_days;   // mean length of the stays in s that ended by as_of
  int64_t stays = 0;                 // how many such stays
};

// One opportunity of the cohort, for the stage lists.
struct FunnelRow {
  uint32_t row = 0;     // opportunity row
  int8_t reached = -1;  // reached_stage
  int8_t stage = 0;     // stage on as_of (won / lost when closed by then)
  int32_t entered = 0;  // day that stage was entered
};

struct Funnel {
  std::array<FunnelStage, kFunnelStages> stages;
  int64_t cohort = 0, open = 0, won = 0, lost = 0;
  Money amount = 0, won_amount = 0;
  std::optional<double> win_rate;  // won / (won + lost); none when nothing closed
  std::vector<FunnelRow> rows;     // the cohort, by amount descending then id
};

Funnel funnel(const engine::Snapshot& s, const engine::Scope& scope, const FunnelParams& p);

// The cohort rows that reached stage s (the list behind the funnel's bar s).
std::vector<const FunnelRow*> reached_rows(const Funnel& f, int stage);

}  // namespace sl::analytics
