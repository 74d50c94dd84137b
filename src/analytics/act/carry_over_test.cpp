// Carry-over selection and overdue/to-do rules on hand-made fixtures; expected values are
// worked out by hand in the comments.
#include "analytics/act/carry_over.h"

#include <gtest/gtest.h>

#include "analytics/act/overdue.h"

using namespace sl;
using namespace sl::analytics;

namespace {

Date D(const char* s) { return *parse_date(s); }

model::Meeting meeting(Id id, Id series, const char* date) {
  model::Meeting m;
  m.id = id;
  m.series = series;
  m.date = D(date);
  return m;
}

using RS = model::ResolutionStatus;
using AS = model::ActionStatus;

model::Resolution res(Id id, Id meeting, RS status, const char* due = "2026-06-30", Id owner = 0) {
  model::Resolution r;
  r.id = id;
  r.meeting = meeting;
  r.title = "R" + std::to_string(id);
  r.status = status;
  r.due_date = D(due);
  r.owner = owner;
  return r;
}

}  // namespace

// Series 1: m1 05-01, m2 05-08, m3 05-15 (+ m4 on 05-15 with a larger id); series 2: m9 05-02.
TEST(CarryOver, AcrossThreeMeetings) {
  std::vector<model::Meeting> ms = {meeting(1, 1, "2026-05-01"), meeting(2, 1, "2026-05-08"),
                                    meeting(3, 1, "2026-05-15"), meeting(4, 1, "2026-05-15"),
                                    meeting(9, 2, "2026-05-02")};
  std::vector<model::Resolution> rs = {res(1, 1, RS::open),      res(2, 1, RS::done), res(3, 1, RS::doing),
                                       res(4, 2, RS::cancelled), res(5, 2, RS::open), res(6, 3, RS::open),
                                       res(7, 9, RS::open)};
  // The first meeting has nothing before it.
  EXPECT_EQ(carry_over_for(ms[0], ms, rs), std::vector<Id>{});
  // m2: the unresolved ones of m1 (r2 done is left behind).
  EXPECT_EQ(carry_over_for(ms[1], ms, rs), (std::vector<Id>{1, 3}));
  // m3: still r1 and r3 from m1, plus r5 of m2 (r4 cancelled); never r7 of the other series.
  EXPECT_EQ(carry_over_for(ms[2], ms, rs), (std::vector<Id>{1, 3, 5}));
  // Same date, larger id: m3 counts as earlier, so r6 comes along.
  EXPECT_EQ(carry_over_for(ms[3], ms, rs), (std::vector<Id>{1, 3, 5, 6}));
  // r1 gets done in m2's follow-up: m3 no longer carries it.
  rs[0].status = RS::done;
  EXPECT_EQ(carry_over_for(ms[2], ms, rs), (std::vector<Id>{3, 5}));
  // The meeting's own resolutions are never carry-over.
  EXPECT_EQ(carry_over_for(ms[4], ms, rs), std::vector<Id>{});
}

TEST(Overdue, DayBoundaries) {
  Date today = D("2026-06-15");
  EXPECT_TRUE(overdue(D("2026-06-14"), today, true));   // due yesterday
  EXPECT_FALSE(overdue(D("2026-06-15"), today, true));  // due today: not yet
  EXPECT_FALSE(overdue(D("2026-06-16"), today, true));
  EXPECT_FALSE(overdue(D("2026-01-01"), today, false));  // closed items are never overdue
  // Across a month and a year end.
  EXPECT_TRUE(overdue(D("2026-05-31"), D("2026-06-01"), true));
  EXPECT_TRUE(overdue(D("2025-12-31"), D("2026-01-01"), true));
  EXPECT_FALSE(overdue(D("2026-01-01"), D("2026-01-01"), true));
  EXPECT_TRUE(resolution_open(RS::open));
  EXPECT_TRUE(resolution_open(RS::doing));
  EXPECT_FALSE(resolution_open(RS::done));
  EXPECT_FALSE(resolution_open(RS::cancelled));
  EXPECT_TRUE(action_open(AS::blocked));
  EXPECT_FALSE(action_open(AS::done));
}

TEST(Todos, OverdueFirstThenDueDate) {
  Date today = D("2026-06-15");
  std::vector<model::Resolution> rs = {res(1, 1, RS::open, "2026-06-20", 7), res(2, 1, RS::doing, "2026-06-10", 7),
                                       res(3, 1, RS::done, "2026-06-01", 7), res(4, 1, RS::open, "2026-06-01", 8),
                                       res(5, 2, RS::cancelled, "2026-06-01", 8)};
  auto act = [](Id id, Id r, const char* due, AS st, Id owner) {
    model::ActionItem a;
    a.id = id;
    a.resolution = r;
    a.title = "A" + std::to_string(id);
    a.due_date = *parse_date(due);
    a.status = st;
    a.owner = owner;
    return a;
  };
  std::vector<model::ActionItem> as = {act(1, 4, "2026-06-15", AS::todo, 7),     // due today: not overdue
                                       act(2, 4, "2026-06-12", AS::blocked, 7),  // overdue
                                       act(3, 1, "2026-06-12", AS::done, 7),     // done: not a to-do
                                       act(4, 5, "2026-06-01", AS::todo, 7),     // cancelled resolution: left out
                                       act(5, 1, "2026-06-10", AS::doing, 8)};   // someone else's
  auto t = todos_for(7, rs, as, today);
  // overdue: r2 (06-10), a2 (06-12); then a1 (06-15), r1 (06-20).
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].kind, Todo::resolution);
  EXPECT_EQ(t[0].id, 2);
  EXPECT_TRUE(t[0].overdue);
  EXPECT_EQ(t[1].kind, Todo::action);
  EXPECT_EQ(t[1].id, 2);
  EXPECT_TRUE(t[1].overdue);
  EXPECT_EQ(t[1].meeting, 1);
  EXPECT_EQ(t[2].kind, Todo::action);
  EXPECT_EQ(t[2].id, 1);
  EXPECT_FALSE(t[2].overdue);
  EXPECT_EQ(t[3].kind, Todo::resolution);
  EXPECT_EQ(t[3].id, 1);
  EXPECT_TRUE(todos_for(0, rs, as, today).empty());  // user 0 = nobody
}

// Issue 9 item 12: a resolution whose metric goal was checked and met is not overdue.
TEST(Overdue, GoalMetIsNotOverdue) {
  Date today = D("2026-06-15");
  model::Resolution r = res(1, 1, RS::open, "2026-06-10", 7);  // due 5 days ago, still 未开始
  EXPECT_TRUE(resolution_overdue(r, today, false));
  EXPECT_FALSE(resolution_overdue(r, today, true));             // goal met: awaiting confirmation
  EXPECT_FALSE(resolution_overdue(r, D("2026-06-10"), false));  // due today: not yet
  r.status = RS::done;
  EXPECT_FALSE(resolution_overdue(r, today, false));  // closed: never
  // In the to-do list: still listed (the owner must confirm), marked goal met, not overdue;
  // it sorts among the not-overdue ones by due date, before r2 (due 06-20).
  std::vector<model::Resolution> rs = {res(1, 1, RS::open, "2026-06-10", 7), res(2, 1, RS::open, "2026-06-20", 7),
                                       res(3, 1, RS::doing, "2026-06-12", 7)};
  auto t = todos_for(7, rs, {}, today, {1});
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].id, 3);  // overdue (06-12)
  EXPECT_TRUE(t[0].overdue);
  EXPECT_FALSE(t[0].goal_met);
  EXPECT_EQ(t[1].id, 1);
  EXPECT_FALSE(t[1].overdue);
  EXPECT_TRUE(t[1].goal_met);
  EXPECT_EQ(t[2].id, 2);
}
