// Opportunities for the P3 tests, on the C-area organisation (check_fixture_test_util.h):
// rep 10 in 上海, rep 11 in 广东, customers 1..6 of rep 10.
#pragma once
#include <utility>
#include <vector>

#include "analytics/check/check_fixture_test_util.h"

namespace sl::funnel_test {

using check_test::D;
using model::Stage;

// An opportunity whose history is `events` (stage, date); created on the first event, closed on
// the last when that is won or lost.
inline model::Opportunity opp(Id id, Id customer, Id rep, Money amount, std::vector<std::pair<Stage, const char*>> events,
                              const char* expected_close = "2026-12-31", const char* category = "") {
  model::Opportunity o;
  o.id = id, o.customer = customer, o.rep = rep, o.amount = amount, o.category = category;
  for (auto& [s, d] : events) o.history.push_back({s, D(d)});
  o.created = o.history.front().date;
  o.expected_close = D(expected_close);
  o.stage = o.history.back().stage;
  if (o.stage == Stage::won || o.stage == Stage::lost) o.closed = o.history.back().date;
  return o;
}

// Lead to won through every stage, one step a day from `day` (so 6 events).
inline model::Opportunity won(Id id, Id rep, Money amount, int day) {
  model::Opportunity o = opp(id, 1, rep, amount, {{Stage::lead, "2026-01-01"}});
  o.history.clear();
  for (int s = 0; s <= static_cast<int>(Stage::won); ++s) o.history.push_back({static_cast<Stage>(s), Date{day + s}});
  o.created = o.history.front().date;
  o.stage = Stage::won;
  o.closed = o.history.back().date;
  return o;
}

// Lead then lost on the next day.
inline model::Opportunity lost(Id id, Id rep, Money amount, int day) {
  model::Opportunity o = won(id, rep, amount, day);
  o.history = {{Stage::lead, Date{day}}, {Stage::lost, Date{day + 1}}};
  o.stage = Stage::lost;
  o.closed = Date{day + 1};
  return o;
}

}  // namespace sl::funnel_test
