#include "analytics/act/overdue.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace sl::analytics {

bool resolution_open(model::ResolutionStatus s) { return !model::resolution_closed(s); }
bool action_open(model::ActionStatus s) { return !model::action_closed(s); }
bool overdue(Date due, Date today, bool open) { return open && due < today; }
bool resolution_overdue(const model::Resolution& r, Date today, bool goal_met) {
  return !goal_met && overdue(r.due_date, today, resolution_open(r.status));
}

std::vector<Todo> todos_for(Id user, const std::vector<model::Resolution>& resolutions,
                            const std::vector<model::ActionItem>& actions, Date today,
                            const std::set<Id>& goal_met) {
  std::vector<Todo> out;
  std::map<Id, const model::Resolution*> by_id;
  for (const auto& r : resolutions) {
    by_id[r.id] = &r;
    if (user == 0 || r.owner != user || !resolution_open(r.status)) continue;
    const bool met = goal_met.count(r.id) > 0;
    out.push_back({Todo::resolution, r.id, r.title, r.due_date, model::resolution_status_code(r.status),
                   resolution_overdue(r, today, met), r.meeting, r.id, met});
  }
  for (const auto& a : actions) {
    if (user == 0 || a.owner != user || !action_open(a.status)) continue;
    auto it = by_id.find(a.resolution);
    if (it == by_id.end() || it->second->status == model::ResolutionStatus::cancelled) continue;
    out.push_back({Todo::action, a.id, a.title, a.due_date, model::action_status_code(a.status),
                   overdue(a.due_date, today, true), it->second->meeting, a.resolution, false});
  }
  std::sort(out.begin(), out.end(), [](const Todo& x, const Todo& y) {
    return std::tuple(!x.overdue, x.due, static_cast<int>(x.kind), x.id) <
           std::tuple(!y.overdue, y.due, static_cast<int>(y.kind), y.id);
  });
  return out;
}

}  // namespace sl::analytics
