#include <map>

#include "demo/demo.h"

namespace sl::demo {

namespace {

// The 大区 (level-1 region) a region lies in, or 0 above that level.
Id daqu_of(const model::Dataset& d, Id region) {
  std::map<Id, const model::Region*> by_id;
  for (const auto& r : d.regions) by_id[r.id] = &r;
  for (auto it = by_id.find(region); it != by_id.end(); it = by_id.find(it->second->parent))
    if (it->second->level == 1) return it->second->id;
  return 0;
}

}  // namespace

void assign_meeting_people(model::Dataset& d, const std::vector<MeetingPerson>& people) {
  std::vector<Id> executives, managers;
  std::map<Id, std::vector<Id>> region_managers, region_reps;  // by 大区
  for (const auto& p : people) {
    if (p.role == model::Role::executive) executives.push_back(p.user);
    if (p.role == model::Role::manager) {
      managers.push_back(p.user);
      region_managers[daqu_of(d, p.region)].push_back(p.user);
    }
    if (p.role == model::Role::rep)
      for (const auto& r : d.reps)
        if (r.id == p.rep) region_reps[daqu_of(d, r.region)].push_back(p.user);
  }
  if (executives.empty()) return;

  struct Roles {
    Id chair = 0;
    std::vector<Id> attendees, owners, doers;
  };
  std::map<Id, Roles> by_series;
  for (const auto& s : d.meeting_series) {
    Roles r;
    if (s.level == "company") {
      r.chair = executives.front();
      r.attendees = executives;
      r.attendees.insert(r.attendees.end(), managers.begin(), managers.end());
      r.owners = managers.empty() ? executives : managers;
      // The managers' teams do the work of company decisions too.
      r.doers = r.owners;
      for (auto& [daqu, reps] : region_reps) r.doers.insert(r.doers.end(), reps.begin(), reps.end());
    } else {
      Id daqu = daqu_of(d, s.region);
      const auto& mgrs = region_managers[daqu];
      const auto& reps = region_reps[daqu];
      r.chair = mgrs.empty() ? executives.front() : mgrs.front();
      r.attendees = {r.chair};
      r.attendees.insert(r.attendees.end(), reps.begin(), reps.end());
      r.owners = reps;
      r.owners.push_back(r.chair);
      r.doers = reps.empty() ? std::vector<Id>{r.chair} : reps;
    }
    by_series[s.id] = r;
  }

  std::map<Id, const Roles*> meeting_roles;
  std::map<Id, Id> meeting_series;
  for (auto& m : d.meetings) {
    meeting_series[m.id] = m.series;
    const Roles& r = by_series[m.series];
    m.chair = r.chair;
    m.attendees = r.attendees;
    meeting_roles[m.id] = &r;
  }
  std::map<Id, Id> series_turn;  // rotates owners within a series
  std::map<Id, const Roles*> resolution_roles;
  for (auto& x : d.resolutions) {
    const Roles& r = *meeting_roles[x.meeting];
    x.owner = r.owners[series_turn[meeting_series[x.meeting]]++ % r.owners.size()];
    resolution_roles[x.id] = &r;
  }
  std::map<const Roles*, size_t> doer_turn;
  for (auto& a : d.action_items) {
    const Roles& r = *resolution_roles[a.resolution];
    a.owner = r.doers[doer_turn[&r]++ % r.doers.size()];
  }
}

}  // namespace sl::demo
