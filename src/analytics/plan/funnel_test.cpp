// P3 funnel on hand-built cohorts: reached-or-later, a skipped stage, lost not a later stage,
// conversion, win rate, mean days in stage and the as_of cut.
#include "analytics/plan/funnel.h"

#include <gtest/gtest.h>

#include "analytics/plan/funnel_fixture_test_util.h"

using namespace sl;
using namespace sl::analytics;
using namespace sl::funnel_test;

namespace {

Funnel run(const model::Dataset& d, const char* first, const char* last, const char* as_of,
           const engine::Scope* scope = nullptr) {
  auto s = engine::build_snapshot(d, 1);
  const engine::Scope all = engine::scope_all(*s->dims);
  return funnel(*s, scope ? *scope : all, {D(first), D(last), D(as_of), {}});
}

model::Dataset cohort() {
  model::Dataset d = check_test::org();
  // A: lead 01-01 → qualified 01-11 → proposal 01-31, open.
  d.opportunities.push_back(
      opp(1, 1, 10, 300, {{Stage::lead, "2026-01-01"}, {Stage::qualified, "2026-01-11"}, {Stage::proposal, "2026-01-31"}}));
  // B: lead 01-05 → lost 01-09: reached lead only (lost is an end, not a stage after won).
  d.opportunities.push_back(opp(2, 2, 10, 100, {{Stage::lead, "2026-01-05"}, {Stage::lost, "2026-01-09"}}));
  // C: every stage, won on 03-01.
  d.opportunities.push_back(opp(3, 3, 10, 500,
                                {{Stage::lead, "2026-02-01"},
                                 {Stage::qualified, "2026-02-03"},
                                 {Stage::proposal, "2026-02-07"},
                                 {Stage::bidding, "2026-02-13"},
                                 {Stage::negotiation, "2026-02-21"},
                                 {Stage::won, "2026-03-01"}}));
  // Outside the cohort (created in 2025).
  d.opportunities.push_back(opp(4, 1, 10, 900, {{Stage::lead, "2025-12-31"}}));
  return d;
}

}  // namespace

TEST(Funnel, ReachedOrLaterAndLostIsNotLater) {
  const Funnel f = run(cohort(), "2026-01-01", "2026-06-30", "2026-06-15");
  EXPECT_EQ(f.cohort, 3);
  const int64_t reached[] = {3, 2, 2, 1, 1, 1};
  for (int k = 0; k < kFunnelStages; ++k) EXPECT_EQ(f.stages[k].reached, reached[k]) << k;
  EXPECT_FALSE(f.stages[0].conversion);
  EXPECT_DOUBLE_EQ(*f.stages[1].conversion, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(*f.stages[2].conversion, 1.0);
  EXPECT_DOUBLE_EQ(*f.stages[3].conversion, 0.5);
  EXPECT_DOUBLE_EQ(*f.stages[5].conversion, 1.0);
  EXPECT_EQ(f.won, 1);
  EXPECT_EQ(f.lost, 1);
  EXPECT_EQ(f.open, 1);
  EXPECT_DOUBLE_EQ(*f.win_rate, 0.5);  // 1 won / (1 won + 1 lost)
  EXPECT_EQ(f.amount, 900);
  // Rows by amount: C 500, A 300, B 100; the lead list holds all three, bidding only C.
  ASSERT_EQ(f.rows.size(), 3u);
  EXPECT_EQ(f.rows[0].row, 2u);
  EXPECT_EQ(reached_rows(f, 0).size(), 3u);
  ASSERT_EQ(reached_rows(f, 3).size(), 1u);
  EXPECT_EQ(reached_rows(f, 3)[0]->row, 2u);
}

TEST(Funnel, MeanDaysCountsStaysEndedByAsOf) {
  const Funnel f = run(cohort(), "2026-01-01", "2026-06-30", "2026-06-15");
  // lead: A 10 days, B 4 (lead → lost), C 2 → 16 / 3; qualified: A 20, C 4 → 12;
  // proposal: C 6 (A is still in it); bidding 8; negotiation 8; won none.
  EXPECT_DOUBLE_EQ(*f.stages[0].mean_days, 16.0 / 3.0);
  EXPECT_DOUBLE_EQ(*f.stages[1].mean_days, 12.0);
  EXPECT_DOUBLE_EQ(*f.stages[2].mean_days, 6.0);
  EXPECT_DOUBLE_EQ(*f.stages[3].mean_days, 8.0);
  EXPECT_DOUBLE_EQ(*f.stages[4].mean_days, 8.0);
  EXPECT_FALSE(f.stages[5].mean_days);
  // A is in proposal since 01-31.
  EXPECT_EQ(f.rows[1].stage, static_cast<int>(Stage::proposal));
  EXPECT_EQ(f.rows[1].entered, D("2026-01-31").days);
}

TEST(Funnel, SkippedStageCountsAsReached) {
  model::Dataset d = check_test::org();
  // lead → proposal → won: qualified, bidding and negotiation were skipped, yet reached.
  d.opportunities.push_back(
      opp(1, 1, 10, 100, {{Stage::lead, "2026-03-01"}, {Stage::proposal, "2026-03-05"}, {Stage::won, "2026-03-20"}}));
  const Funnel f = run(d, "2026-03-01", "2026-03-31", "2026-06-15");
  for (int k = 0; k < kFunnelStages; ++k) EXPECT_EQ(f.stages[k].reached, 1) << k;
  EXPECT_EQ(f.stages[1].stays, 0);  // never in qualified: no stay
  EXPECT_DOUBLE_EQ(*f.stages[0].mean_days, 4.0);
  EXPECT_DOUBLE_EQ(*f.stages[2].mean_days, 15.0);
}

TEST(Funnel, ReadAsItStoodOnAsOf) {
  // On 02-10, C has reached proposal only and is open; A is in proposal (01-31); B is lost.
  const Funnel f = run(cohort(), "2026-01-01", "2026-06-30", "2026-02-10");
  const int64_t reached[] = {3, 2, 2, 0, 0, 0};
  for (int k = 0; k < kFunnelStages; ++k) EXPECT_EQ(f.stages[k].reached, reached[k]) << k;
  EXPECT_EQ(f.open, 2);
  EXPECT_DOUBLE_EQ(*f.win_rate, 0.0);  // 0 won / (0 + 1 lost)
  EXPECT_DOUBLE_EQ(*f.stages[3].conversion, 0.0);  // 0 / 2
  EXPECT_FALSE(f.stages[4].conversion);           // 0 / 0
  // The cohort ends on as_of: nothing created after 02-10 would count (C was created 02-01).
  EXPECT_EQ(run(cohort(), "2026-01-01", "2026-06-30", "2026-01-31").cohort, 2);
}

TEST(Funnel, ScopeAndFilter) {
  model::Dataset d = cohort();
  d.customers[1].industry = "能源";  // customer 2 (B)
  d.opportunities.push_back(opp(5, 4, 11, 70, {{Stage::lead, "2026-01-02"}}));
  auto s = engine::build_snapshot(d, 1);
  const Funnel mine = funnel(*s, engine::scope_rep(*s->dims, s->dims->find_rep(11)),
                             {D("2026-01-01"), D("2026-06-30"), D("2026-06-15"), {}});
  EXPECT_EQ(mine.cohort, 1);
  EXPECT_FALSE(mine.win_rate);
  RowFilter rf;
  rf.industry = 1;  // 能源, the second industry seen
  ASSERT_EQ(s->facts->customers.industries[1], "能源");
  const Funnel energy = funnel(*s, engine::scope_all(*s->dims), {D("2026-01-01"), D("2026-06-30"), D("2026-06-15"), rf});
  EXPECT_EQ(energy.cohort, 1);
  EXPECT_EQ(energy.lost, 1);
}
