// A1 overdue and "my to-dos". Overdue is computed against an explicit today and never
// stored: an item is overdue from the day after its due date while it is still open.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "model/entities.h"

namespace sl::analytics {

// Open = not closed in model/'s sense (model::resolution_closed, model::action_closed):
// resolutions open | doing, action items todo | doing | blocked.
bool resolution_open(model::ResolutionStatus status);
bool action_open(model::ActionStatus status);
// Due on `today` is not yet overdue; due yesterday is.
bool overdue(Date due, Date today, bool open);
// A resolution: overdue as above, except while its metric goal stands met. `goal_met`: the
// system checked the goal at the resolution's (current) due date and found it met; the result
// is in, only the owner's confirmation is missing, so it shows "目标已达成，待确认完成" and is
// neither listed nor counted as overdue (issue 9 item 12, docs/metrics.md).
bool resolution_overdue(const model::Resolution& r, Date today, bool goal_met);

struct Todo {
  enum Kind { resolution, action } kind = resolution;
  Id id = 0;
  std::string title;
  Date due;
  std::string status;  // the item's status code (a resolution's or an action item's)
  bool overdue = false;
  Id meeting = 0;
  Id resolution_id = 0;  // the resolution itself, or the one an action item hangs under
  bool goal_met = false;  // a resolution whose metric goal was checked and met
};

// The open resolutions and action items owned by `user`: overdue first, then by due date,
// resolutions before action items on the same date, then by id. Action items under a
// cancelled resolution are left out (nothing is expected of them any more). `goal_met`: the
// resolutions whose metric goal was met (resolution_overdue).
std::vector<Todo> todos_for(Id user, const std::vector<model::Resolution>& resolutions,
                            const std::vector<model::ActionItem>& actions, Date today,
                            const std::set<Id>& goal_met = {});

}  // namespace sl::analytics
