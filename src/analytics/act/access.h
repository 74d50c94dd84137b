// Who may read and write meeting series, meetings, resolutions and action items (A1,
// issue 5). Pure rules over the region tree (engine::Dims), the entities and one user, so
// that the API, the jobs and the coming forms and import decide the same way.
//
// Executives and admins manage every series; a manager the region and team series inside
// their region subtree (never company ones); reps none. A meeting is seen by whoever may
// manage its series, its chair, its attendees and the owners of its resolutions and action
// items; a resolution or action item also by its own owner. The owner of an action item who
// does not manage the series changes only its status and progress log.
#pragma once
#include <set>
#include <string_view>
#include <vector>

#include "engine/dims.h"
#include "engine/scope.h"
#include "model/entities.h"

namespace sl::analytics {

bool may_manage(const engine::Dims& d, const model::User& u, const model::MeetingSeries& s);
// Whether the role manages any series at all (reps never do): refused before the body is read.
bool may_manage_some(const model::User& u);
// The chair of a meeting: an active user who may manage its series.
bool may_chair(const engine::Dims& d, const model::User& u, const model::MeetingSeries& s);
// Attendees and the owners of resolutions and action items: people of the series' region.
// Company series take everyone, as do executives and admins; a manager's region is inside
// the series' region or contains it; a rep is placed inside it. A region the tree does not
// know belongs to nobody else.
bool in_series_region(const engine::Dims& d, const model::User& u, const model::MeetingSeries& s);

// The meetings in which `user` owns a resolution, or an action item under one of them.
std::set<Id> meetings_with_items_of(Id user, const std::vector<model::Resolution>& resolutions,
                                    const std::vector<model::ActionItem>& actions);
// `owns_in`: meetings_with_items_of(u.id, …). `s` is the series of `m`.
bool may_see_meeting(const engine::Dims& d, const model::User& u, const model::MeetingSeries& s,
                     const model::Meeting& m, const std::set<Id>& owns_in);
// A series: who may manage it, or see one of its meetings (any of `meetings`, of any series).
bool may_see_series(const engine::Dims& d, const model::User& u, const model::MeetingSeries& s,
                    const std::vector<model::Meeting>& meetings, const std::set<Id>& owns_in);
// A resolution or action item: its owner, and whoever sees its meeting `m` (of series `s`).
bool may_see_resolution(const engine::Dims& d, const model::User& u, const model::MeetingSeries& s,
                        const model::Meeting& m, const model::Resolution& r, const std::set<Id>& owns_in);
bool may_see_action(const engine::Dims& d, const model::User& u, const model::MeetingSeries& s, const model::Meeting& m,
                    const model::ActionItem& a, const std::set<Id>& owns_in);

// Changing a resolution: who manages its series; its owner (not a rep) the status alone.
bool may_update_resolution(const model::User& u, const model::Resolution& r, bool manages, bool status_only);
// Changing an action item or adding to its progress log: who manages its series, or its owner.
bool may_update_action(const model::User& u, const model::ActionItem& a, bool manages);
// The fields an owner who does not manage the series may change: "status" and "note".
bool owner_may_change(std::string_view field);

// The people a user may pick as chair, attendee or owner: everyone for executives and
// admins (scope.everything); for a manager executives and the managers and reps of their
// subtree; always oneself.
bool may_pick(const engine::Dims& d, const engine::Scope& scope, const model::User& caller, const model::User& u);

}  // namespace sl::analytics
