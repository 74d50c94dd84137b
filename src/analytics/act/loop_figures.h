// A1 figures of the meeting closed loop (会议执行统计), over the meetings a caller may see.
//
// Counted resolutions: those of the given meetings held on or before as_of, cancelled
// ones left out. For them:
//   closable     = status done, or due_date < as_of (the due date has passed)
//   closure rate = done / closable                         (nullopt when closable = 0)
//   on-time rate = done with closed_date <= due_date / done (nullopt when done = 0)
//   mean days to close = mean of closed_date − meeting date over done ones
//   overdue      = open or doing with due_date < as_of, unless its metric goal was met
//                  (resolution_overdue); action items: todo, doing or blocked with
//                  due_date < as_of, under a resolution that is not cancelled
// Statuses are those on as_of (status_on below): an item closed after as_of was still open
// then, so a past as_of counts neither a later closure nor a later cancellation.
// Overdue is counted by owner (user id) and by region (the series' region; company-level
// series count under the company root). The trend groups closable resolutions by the
// month of their due date over the `months` months ending with as_of's month.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "engine/scope.h"
#include "model/entities.h"

namespace sl::analytics {

struct LoopFigures {
  int resolutions = 0, closable = 0, done = 0, done_on_time = 0;
  int overdue_resolutions = 0, overdue_actions = 0;
  std::optional<double> closure_rate, on_time_rate, mean_days_to_close;
};

struct SeriesFigures {
  Id id = 0;
  std::string name;
  LoopFigures figures;
};

struct OverdueCount {
  Id id = 0;  // user id (by owner) or region id (by region)
  int resolutions = 0, actions = 0;
};

struct MonthFigures {
  Month month;
  LoopFigures figures;  // counts of resolutions due in the month (overdue counts stay 0)
};

struct ActFigures {
  LoopFigures overall;
  std::vector<SeriesFigures> by_series;  // series with at least one counted resolution
  std::vector<OverdueCount> by_owner;    // most overdue first (resolutions + actions), then id
  std::vector<OverdueCount> by_region;   // same order
  std::vector<MonthFigures> trend;       // oldest first
};

struct FiguresParams {
  Date as_of;
  Id series = 0;  // 0 = every series given
  int months = 12;
  std::set<Id> goal_met;  // resolutions whose metric goal was checked at their due date and met
};

// The status an item had on a date, from its closed date (resolutions: done or cancelled
// since closed_date) or done date (action items). An item closed after `on` was open then;
// which open status it had (open or doing; todo, doing or blocked) is not recorded and does
// not change a figure, so the open status of the first kind is returned. Without a closed
// date the present status stands.
model::ResolutionStatus status_on(const model::Resolution& r, Date on);
model::ActionStatus status_on(const model::ActionItem& a, Date on);

// `meetings` must already be limited to what the caller may see (the API decides that from
// role and attendance); the Scope further limits the by-region rows to regions it sees
// (plus the company row, which only holds company meetings the caller was let see), and
// `dims` names the regions.
ActFigures act_figures(const engine::Dims& dims, const engine::Scope& scope,
                       const std::vector<model::MeetingSeries>& series, const std::vector<model::Meeting>& meetings,
                       const std::vector<model::Resolution>& resolutions, const std::vector<model::ActionItem>& actions,
                       const FiguresParams& p);

}  // namespace sl::analytics
