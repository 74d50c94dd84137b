// A1 metric goals of resolutions: "华东 collection rate >= 0.9 by 2026-06-30", measured with
// the same fact tables, targets and D3 completion the dashboards use.
//
// The window of a goal is the calendar month of its due date, from the month's first day
// through the due date inclusive (month to date). Values:
//   sales, collections   Σ contract amount by signed date / Σ payments by payment date (fen)
//   completion           D3 completion of sales for that month as of the due date:
//                        sales in the window / the month's sales target (nullopt without one)
//   collection_rate      collections / sales in the window (nullopt when sales = 0)
//   bids_won             number of bids won (by result date) in the window
//   new_customers        number of customers whose first contract ever falls in the window
// A goal whose value is nullopt is not met.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

enum class GoalMetric { sales, collections, completion, collection_rate, bids_won, new_customers };
std::optional<GoalMetric> parse_goal_metric(std::string_view s);
const char* goal_metric_code(GoalMetric m);

// "company", "region:ID" or "rep:ID".
struct GoalScope {
  model::OwnerKind kind = model::OwnerKind::company;
  Id id = 0;
};
std::optional<GoalScope> parse_goal_scope(std::string_view s);

// ">=", "<=", ">" or "<".
bool valid_comparator(std::string_view c);
bool compare(double measured, std::string_view comparator, double goal);

Period goal_window(Date due);

// Throws AppError 404 when the scope's region or rep does not exist and 403 when the
// caller's scope does not see all of it (a rep sees only rep:<own>, a manager regions and
// reps of their subtree, an executive everything).
void check_goal_scope(const engine::Snapshot& s, const engine::Scope& scope, const GoalScope& g);

struct GoalMeasure {
  Period window;
  std::optional<double> value;
};
GoalMeasure measure_goal(const engine::Snapshot& s, const engine::Scope& scope, GoalMetric m, const GoalScope& g,
                         Date due);

struct GoalOutcome {
  std::optional<double> measured;
  bool met = false;
};
// The goal of resolution-like fields; the scope check of check_goal_scope applies.
GoalOutcome evaluate_goal(const engine::Snapshot& s, const engine::Scope& scope, const std::string& metric,
                          const std::string& goal_scope, const std::string& comparator, double value, Date due);

}  // namespace sl::analytics
