// P3 stage probabilities (the 12-month window, the company fallback at 19 / 20 closed), the
// weighted pipeline by expected close month, and created-and-won for P6's run-rate.
#include "analytics/plan/pipeline.h"

#include <gtest/gtest.h>

#include "analytics/plan/funnel_fixture_test_util.h"

using namespace sl;
using namespace sl::analytics;
using namespace sl::funnel_test;

namespace {

// Rep 11: `mine` closed opportunities, the first 10 won, the rest lost at lead; rep 10: 20
// lost at lead. All closed in May 2026.
model::Dataset closed_set(int mine) {
  model::Dataset d = check_test::org();
  const int day = D("2026-05-01").days;
  Id id = 1;
  for (int k = 0; k < mine; ++k)
    d.opportunities.push_back(k < 10 ? won(id++, 11, 100, day) : lost(id++, 11, 100, day));
  for (int k = 0; k < 20; ++k) d.opportunities.push_back(lost(id++, 10, 100, day));
  return d;
}

StageProbabilities probs_of(const model::Dataset& d, Id rep, const char* as_of = "2026-06-15") {
  auto s = engine::build_snapshot(d, 1);
  return stage_probabilities(*s, engine::scope_rep(*s->dims, s->dims->find_rep(rep)), {D(as_of), {}});
}

}  // namespace

TEST(StageProbabilities, CompanyFallbackBelowTwentyClosed) {
  // 19 closed in rep 11's book: below 20, so p(lead) is the company's: 10 won / 39 closed.
  const auto p19 = probs_of(closed_set(19), 11);
  EXPECT_EQ(p19[0].closed, 19);
  EXPECT_EQ(p19[0].won, 10);
  EXPECT_EQ(p19[0].basis, ProbabilityBasis::company);
  EXPECT_DOUBLE_EQ(*p19[0].p, 10.0 / 39.0);
  // Stages past lead: only the 10 won reached them, below 20 as well; company 10 / 10.
  EXPECT_EQ(p19[3].basis, ProbabilityBasis::company);
  EXPECT_DOUBLE_EQ(*p19[3].p, 1.0);
  // 20 closed: the book's own 10 / 20.
  const auto p20 = probs_of(closed_set(20), 11);
  EXPECT_EQ(p20[0].basis, ProbabilityBasis::scope);
  EXPECT_DOUBLE_EQ(*p20[0].p, 0.5);
  EXPECT_EQ(p20[1].basis, ProbabilityBasis::company);  // 10 reached qualified
  // Rep 10: 20 closed, none won.
  EXPECT_EQ(probs_of(closed_set(20), 10)[0].basis, ProbabilityBasis::scope);
  EXPECT_DOUBLE_EQ(*probs_of(closed_set(20), 10)[0].p, 0.0);
}

TEST(StageProbabilities, TrailingTwelveMonthsWindow) {
  model::Dataset d = check_test::org();
  const int as_of = D("2026-06-15").days;
  d.opportunities.push_back(won(1, 10, 100, as_of - 364 - 5));   // won on as_of − 364: in
  d.opportunities.push_back(lost(2, 10, 100, as_of - 365 - 1));  // lost on as_of − 365: out
  d.opportunities.push_back(lost(3, 10, 100, as_of - 1));        // lost on as_of: in
  d.opportunities.push_back(lost(4, 10, 100, as_of));            // lost the day after: not yet
  const auto p = probs_of(d, 10);
  EXPECT_EQ(p[0].closed, 2);
  EXPECT_EQ(p[0].won, 1);
  EXPECT_EQ(p[0].basis, ProbabilityBasis::company);  // 2 < 20; the company is the same two
  EXPECT_DOUBLE_EQ(*p[0].p, 0.5);
  // Nothing closed company-wide at an early as_of: no probability.
  const auto none = probs_of(d, 10, "2024-01-01");
  EXPECT_EQ(none[0].basis, ProbabilityBasis::none);
  EXPECT_FALSE(none[0].p);
}

TEST(WeightedPipeline, OpenAmountTimesStageProbabilityByCloseMonth) {
  model::Dataset d = check_test::org();
  // Closed: 2 won through every stage, 2 lost at proposal → p(proposal) = 2 / 4, p(negotiation) = 1.
  const int day = D("2026-04-01").days;
  d.opportunities.push_back(won(1, 10, 100, day));
  d.opportunities.push_back(won(2, 10, 100, day));
  for (Id id : {3, 4})
    d.opportunities.push_back(opp(id, 1, 10, 100,
                                  {{Stage::lead, "2026-04-01"},
                                   {Stage::qualified, "2026-04-02"},
                                   {Stage::proposal, "2026-04-03"},
                                   {Stage::lost, "2026-04-04"}}));
  // Open on 06-15: 1000 in proposal closing in July, 2000 in negotiation closing in August.
  d.opportunities.push_back(
      opp(5, 1, 10, 1000, {{Stage::lead, "2026-05-01"}, {Stage::proposal, "2026-05-10"}}, "2026-07-10"));
  d.opportunities.push_back(
      opp(6, 1, 10, 2000, {{Stage::lead, "2026-05-01"}, {Stage::negotiation, "2026-05-10"}}, "2026-08-01"));
  // Won after as_of: open on 06-15, in proposal.
  d.opportunities.push_back(
      opp(7, 1, 10, 400, {{Stage::lead, "2026-05-01"}, {Stage::proposal, "2026-05-10"}, {Stage::won, "2026-06-20"}},
          "2026-07-31"));
  auto s = engine::build_snapshot(d, 1);
  const auto scope = engine::scope_all(*s->dims);
  const auto probs = stage_probabilities(*s, scope, {D("2026-06-15"), {}, 1});
  EXPECT_DOUBLE_EQ(*probs[2].p, 0.5);
  EXPECT_DOUBLE_EQ(*probs[4].p, 1.0);
  const Pipeline p = weighted_pipeline(*s, scope, {D("2026-06-15"), {}}, probs);
  EXPECT_EQ(p.count, 3);
  EXPECT_EQ(p.amount, 3400);
  EXPECT_DOUBLE_EQ(p.weighted, 1000 * 0.5 + 2000 * 1.0 + 400 * 0.5);
  ASSERT_EQ(p.months.size(), 2u);
  EXPECT_EQ(p.months[0].month, Month::of(2026, 7));
  EXPECT_DOUBLE_EQ(p.months[0].weighted, 700);
  EXPECT_EQ(p.months[1].count, 1);
  EXPECT_DOUBLE_EQ(p.stages[2].weighted, 700);
  EXPECT_DOUBLE_EQ(pipeline_expected(p, Month::of(2026, 7), Month::of(2026, 7)), 700);
  EXPECT_DOUBLE_EQ(pipeline_expected(p, Month::of(2026, 7), Month::of(2026, 9)), 2700);
  EXPECT_DOUBLE_EQ(pipeline_expected(p, Month::of(2026, 9), Month::of(2026, 12)), 0);
}

TEST(CreatedAndWon, WonWithinThePeriod) {
  model::Dataset d = check_test::org();
  d.opportunities.push_back(
      opp(1, 1, 10, 100, {{Stage::lead, "2026-04-01"}, {Stage::won, "2026-04-20"}}));  // created and won in Q2
  d.opportunities.push_back(
      opp(2, 1, 10, 200, {{Stage::lead, "2026-05-01"}, {Stage::won, "2026-07-02"}}));  // won after Q2
  d.opportunities.push_back(opp(3, 1, 10, 400, {{Stage::lead, "2026-03-31"}, {Stage::won, "2026-04-02"}}));  // created before
  d.opportunities.push_back(opp(4, 1, 11, 800, {{Stage::lead, "2026-06-01"}, {Stage::lost, "2026-06-03"}}));
  auto s = engine::build_snapshot(d, 1);
  const auto c = created_and_won(*s, engine::scope_all(*s->dims), {D("2026-04-01"), D("2026-06-30"), D("2026-12-31"), {}});
  EXPECT_EQ(c.created, 3);
  EXPECT_EQ(c.created_amount, 1100);
  EXPECT_EQ(c.won, 1);
  EXPECT_EQ(c.won_amount, 100);
  // As of 04-10 the period is cut there: 1 created, none won yet.
  const auto early = created_and_won(*s, engine::scope_all(*s->dims), {D("2026-04-01"), D("2026-06-30"), D("2026-04-10"), {}});
  EXPECT_EQ(early.created, 1);
  EXPECT_EQ(early.won, 0);
}
