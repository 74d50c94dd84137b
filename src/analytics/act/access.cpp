#include "analytics/act/access.h"

#include <map>

namespace sl::analytics {

using engine::kNone;
using model::Role;

namespace {
bool sees_all(const model::User& u) { return u.role == Role::admin || u.role == Role::executive; }
}  // namespace

bool may_manage(const engine::Dims& d, const model::User& u, const model::MeetingSeries& s) {
  switch (u.role) {
    case Role::admin:
    case Role::executive: return true;
    case Role::manager: {
      if (s.level == "company") return false;
      int32_t root = d.find_region(u.region), sr = d.find_region(s.region);
      return root != kNone && sr != kNone && d.in_subtree(sr, root);
    }
    case Role::rep: return false;
  }
  return false;
}

bool may_manage_some(const model::User& u) { return u.role != Role::rep; }

bool may_chair(const engine::Dims& d, const model::User& u, const model::MeetingSeries& s) {
  return u.active && may_manage(d, u, s);
}

bool in_series_region(const engine::Dims& d, const model::User& u, const model::MeetingSeries& s) {
  if (s.level == "company" || sees_all(u)) return true;
  int32_t sr = d.find_region(s.region);
  if (sr == kNone) return false;
  if (u.role == Role::manager) {
    int32_t mr = d.find_region(u.region);
    return mr != kNone && (d.in_subtree(mr, sr) || d.in_subtree(sr, mr));
  }
  int32_t rep = d.find_rep(u.rep);
  return rep != kNone && d.in_subtree(d.rep_region[rep], sr);
}

std::set<Id> meetings_with_items_of(Id user, const std::vector<model::Resolution>& resolutions,
                                    const std::vector<model::ActionItem>& actions) {
  std::set<Id> out;
  std::map<Id, Id> meeting_of;  // resolution → meeting
  for (const auto& r : resolutions) {
    meeting_of[r.id] = r.meeting;
    if (r.owner == user) out.insert(r.meeting);
  }
  for (const auto& a : actions)
    if (a.owner == user)
      if (auto it = meeting_of.find(a.resolution); it != meeting_of.end()) out.insert(it->second);
  return out;
}

bool may_see_meeting(const engine::Dims& d, const model::User& u, const model::MeetingSeries& s,
                     const model::Meeting& m, const std::set<Id>& owns_in) {
  if (may_manage(d, u, s) || m.chair == u.id) return true;
  for (Id a : m.attendees)
    if (a == u.id) return true;
  return owns_in.count(m.id) > 0;
}

bool may_see_series(const engine::Dims& d, const model::User& u, const model::MeetingSeries& s,
                    const std::vector<model::Meeting>& meetings, const std::set<Id>& owns_in) {
  if (may_manage(d, u, s)) return true;
  for (const auto& m : meetings)
    if (m.series == s.id && may_see_meeting(d, u, s, m, owns_in)) return true;
  return false;
}

bool may_see_resolution(const engine::Dims& d, const model::User& u, const model::MeetingSeries& s,
                        const model::Meeting& m, const model::Resolution& r, const std::set<Id>& owns_in) {
  return r.owner == u.id || may_see_meeting(d, u, s, m, owns_in);
}

bool may_see_action(const engine::Dims& d, const model::User& u, const model::MeetingSeries& s, const model::Meeting& m,
                    const model::ActionItem& a, const std::set<Id>& owns_in) {
  return a.owner == u.id || may_see_meeting(d, u, s, m, owns_in);
}

bool may_update_resolution(const model::User& u, const model::Resolution& r, bool manages, bool status_only) {
  return manages || (status_only && r.owner == u.id && u.role != Role::rep);
}

bool may_update_action(const model::User& u, const model::ActionItem& a, bool manages) {
  return manages || a.owner == u.id;
}

bool owner_may_change(std::string_view field) { return field == "status" || field == "note"; }

bool may_pick(const engine::Dims& d, const engine::Scope& scope, const model::User& caller, const model::User& u) {
  if (scope.everything || u.id == caller.id) return true;
  if (caller.role != Role::manager) return false;
  switch (u.role) {
    case Role::executive: return true;
    case Role::manager: return scope.sees_region(d.find_region(u.region));
    case Role::rep: return scope.sees_rep(d.find_rep(u.rep));
    case Role::admin: return false;
  }
  return false;
}

}  // namespace sl::analytics
