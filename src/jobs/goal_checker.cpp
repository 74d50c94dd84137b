#include "jobs/goal_checker.h"

#include <map>

#include "analytics/act/metric_goal.h"
#include "core/error.h"
#include "engine/scope.h"

namespace sl::jobs {

GoalCheckRun check_due_goals(store::Store& store, const engine::Snapshot& snap, Date today, int64_t now) {
  GoalCheckRun run;
  auto book = store.load_meeting_book();
  std::map<Id, Date> checked_at;
  for (const auto& c : book.goal_checks) checked_at[c.resolution] = c.as_of;
  const engine::Scope all = engine::scope_all(*snap.dims);
  std::vector<store::Store::GoalCheck> out;
  for (const auto& r : book.resolutions) {
    if (r.goal_metric.empty() || r.status == model::ResolutionStatus::cancelled || !(r.due_date < today)) continue;
    auto it = checked_at.find(r.id);
    if (it != checked_at.end() && it->second == r.due_date) continue;
    store::Store::GoalCheck c{r.id, r.due_date, now, std::nullopt, false};
    try {
      auto g =
          analytics::evaluate_goal(snap, all, r.goal_metric, r.goal_scope, r.goal_comparator, r.goal_value, r.due_date);
      c.measured = g.measured;
      c.met = g.met;
    } catch (const AppError& e) {
      run.errors.push_back("resolution " + std::to_string(r.id) + ": " + e.en);
    }
    out.push_back(c);
  }
  if (!out.empty()) store.record_goal_checks(out);
  run.checked = static_cast<int>(out.size());
  return run;
}

}  // namespace sl::jobs
