// D1 销售综合管理看板 (shared/METRICS.md): one rep's cockpit as of a date. Month, quarter
// and year cards (sales and collections against target with completion and time progress
// from D3, the KPI score and its parts, the leaderboard position among the 大区's reps),
// open pipeline by stage, opportunities created this month, sales by month vs target,
// activities this week (Monday through as_of) by type, and the to-do lists: deals expected
// to close this week, overdue receivables and at-risk customers. Action items come from the
// meeting module through its own API, not from here.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "analytics/do/at_risk.h"
#include "analytics/do/progress.h"
#include "analytics/do/receivables.h"
#include "analytics/do/rep_figures.h"

namespace sl::analytics {

struct CockpitCard {
  Period period;
  ProgressRow sales, collection;
  RepFigures figures;
  std::optional<int> sales_rank, kpi_rank;
  int peers = 0;
};

struct StageBucket {
  model::Stage stage;
  int count = 0;
  Money amount = 0;
};

struct CockpitMonth {
  Month month;
  std::optional<Money> actual;  // nullopt after as_of's month
  std::optional<Money> target;
};

struct CockpitResult {
  Id rep = 0;
  std::string name, region_name;
  Id region = 0;
  std::array<CockpitCard, 3> cards;   // month, quarter, year containing as_of
  std::vector<StageBucket> pipeline;  // open stages lead..negotiation
  int created_this_month = 0;
  Money created_this_month_amount = 0;
  std::vector<CockpitMonth> monthly;      // the 12 months of as_of's year
  Date week_first, week_last;             // Monday .. as_of
  std::array<int, 4> activities{};        // by model::ActivityType
  std::vector<size_t> closing_this_week;  // opportunity indexes, open, expected close Monday..Sunday
  std::vector<OverdueContract> overdue;
  Money overdue_total = 0;
  int owned_customers = 0;
  std::vector<AtRiskCustomer> at_risk;
};

// 404 for an unknown rep, 403 for a rep outside the scope.
// lock_day: the forecast that counts for the KPI's forecast accuracy (serve --forecast-lock-day).
CockpitResult rep_cockpit(const engine::Snapshot& s, const engine::Scope& scope, Id rep, Date as_of,
                          int lock_day = kForecastLockDay);

// Monday of the ISO week containing d.
Date week_monday(Date d);

}  // namespace sl::analytics
