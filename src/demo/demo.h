// Deterministic demo data: a believable Chinese B2B company over four years up to as_of,
// with seasonality, growth, regional and rep differences, churn, pipeline leakage, late
// payments, biased forecasts and meeting history. Same seed + scale + as_of → same bytes.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model/entities.h"

namespace sl::demo {

struct DemoOptions {
  uint64_t seed = 1;
  std::string scale = "small";  // small | medium | large (benchmark: ≥ 10M contract lines)
  sl::Date as_of;
};

// Builds the data set. Nothing is dated after as_of except targets for the rest of
// as_of's year. Meeting chair/attendees and resolution/action-item owners are user ids
// and are left 0 (no users exist in a Dataset). Throws std::invalid_argument on an
// unknown scale.
model::Dataset generate(const DemoOptions& o);

struct DemoUser {
  std::string login, display_name;
  model::Role role;
  Id region = 0;
  Id rep = 0;
};

// admin, ceo, mgr.east (华东), mgr.south (华南), and three reps: two in 华东, one in 华南,
// each linked to a Rep still employed at the end of the data set.
std::vector<DemoUser> demo_users(const model::Dataset& d);

// A user placed for meetings: the ids the store gave the demo users.
struct MeetingPerson {
  Id user = 0;
  model::Role role = model::Role::rep;
  Id region = 0;  // managers
  Id rep = 0;     // reps
};

// Makes the generated meetings real once the users exist (A1): executives chair the
// company series with the managers attending; a 大区's manager chairs its weekly meeting
// with the 大区's reps attending (an executive chairs where the 大区 has no manager);
// resolutions go in turn to the attendees below the chair, action items to the 大区's reps.
// Deterministic: the same data set and people give the same assignment.
void assign_meeting_people(model::Dataset& d, const std::vector<MeetingPerson>& people);

// A canonical text rendering of every field of every row, for determinism checks and
// round-trip comparisons.
std::string canonical_dump(const model::Dataset& d);

}  // namespace sl::demo
