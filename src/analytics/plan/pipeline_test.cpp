// P3 stage probabilities (the 12-month window, the company fallback at 19 / 20 closed), the
// weighted pipeline by expected close month, and created-and-won for P6's run-rate.
#include "analytics/plan/pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "analytics/plan/funnel_fixture_test_util.h"
#include "analytics/plan/pipeline_dates_test_util.h"

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

namespace {

// 400 opportunities of every shape over 2024-09 … 2026-06: histories of 1–6 steps with skipped
// stages, won, lost or still open, created before, between and after the dates, some without
// any history, two reps and two categories; plus closings on the window's edges.
model::Dataset mixed_set() {
  model::Dataset d = check_test::org();
  d.products = {{1, "P1", "P1", "A", D("2020-01-01"), 100, 50}, {2, "P2", "P2", "B", D("2020-01-01"), 100, 50}};
  const int base = D("2024-09-01").days;
  for (Id id = 1; id <= 400; ++id) {
    const int created = base + static_cast<int>((id * 37) % 640);
    const int step = static_cast<int>(id % 11) + 1;
    std::vector<std::pair<Stage, const char*>> none;
    model::Opportunity o = funnel_test::opp(id, 1 + id % 6, id % 3 ? 10 : 11, 100 * (id % 13 + 1), {{Stage::lead, "2026-01-01"}},
                                            "2026-12-31", id % 4 ? "A" : "B");
    o.history.clear();
    int day = created, stage = 0;
    const int steps = static_cast<int>(id % 6) + 1;
    for (int k = 0; k < steps && stage < kWon; ++k, day += step, stage += 1 + static_cast<int>((id + k) % 3 == 0))
      o.history.push_back({static_cast<Stage>(std::min(stage, kWon - 1)), Date{day}});
    const int end = static_cast<int>(id % 5);  // 0, 1: won; 2: lost; else open
    if (end < 2) o.history.push_back({Stage::won, Date{day}});
    if (end == 2) o.history.push_back({Stage::lost, Date{day}});
    o.created = Date{created};
    o.stage = o.history.back().stage;
    o.closed = end <= 2 ? std::optional<Date>(Date{day}) : std::nullopt;
    o.expected_close = Date{created + 30 * static_cast<int>(id % 9)};
    if (id % 17 == 0) o.history.clear();  // no history: in its current stage since creation
    d.opportunities.push_back(o);
  }
  const int as_of = D("2026-05-31").days;
  d.opportunities.push_back(won(1001, 10, 500, as_of - 364 - 5));  // won on as_of − 364
  d.opportunities.push_back(lost(1002, 10, 700, as_of - 365 - 1));  // lost on as_of − 365
  d.opportunities.push_back(lost(1003, 11, 900, as_of - 1));       // lost on as_of
  return d;
}

}  // namespace

TEST(PipelineAtDates, EqualsOneCallPerDate) {
  auto s = engine::build_snapshot(mixed_set(), 1);
  // 13 dates as P6 asks (as_of and 12 month ends), unsorted, with a repeat.
  std::vector<Date> dates{D("2026-06-15")};
  for (int m = 5; m <= 16; ++m) dates.push_back(Month::of(2025, 1 + (m % 12)).last_day());
  for (auto& x : dates)
    if (x > D("2026-06-15")) x = Date{x.days - 365};
  dates.push_back(D("2026-05-31"));
  const auto& dims = *s->dims;
  RowFilter category;
  const auto& names = s->facts->categories;
  category.category = static_cast<int32_t>(std::find(names.begin(), names.end(), "A") - names.begin());
  ASSERT_LT(category.category, static_cast<int32_t>(names.size()));
  for (const auto& [name, scope] : std::vector<std::pair<std::string, engine::Scope>>{
           {"company", engine::scope_all(dims)},
           {"rep 10", engine::scope_rep(dims, dims.find_rep(10))},
           {"rep 11", engine::scope_rep(dims, dims.find_rep(11))},
           {"华南", engine::scope_region(dims, dims.find_region(3))}})
    for (int min_closed : {1, 20, 60}) {
      pipeline_test::expect_same_at_dates(*s, scope, dates, {}, min_closed, name);
      pipeline_test::expect_same_at_dates(*s, scope, dates, category, min_closed, name + " category A");
    }
  // The fixture has something at every date: open and closed rows, both bases.
  const auto all = stage_probabilities_at(*s, engine::scope_all(dims), dates, {});
  const auto rep11 = stage_probabilities_at(*s, engine::scope_rep(dims, dims.find_rep(11)), dates, {});
  const auto open = weighted_pipelines_at(*s, engine::scope_all(dims), dates, {}, all);
  int fallbacks = 0, own = 0;
  for (size_t k = 0; k < dates.size(); ++k) {
    EXPECT_GT(all[k][0].closed, 20);
    EXPECT_EQ(all[k][0].basis, ProbabilityBasis::scope);
    EXPECT_GT(open[k].count, 10);
    for (const auto& x : rep11[k]) fallbacks += x.basis == ProbabilityBasis::company, own += x.basis == ProbabilityBasis::scope;
  }
  EXPECT_GT(fallbacks, 0);
  EXPECT_GT(own, 0);
  // No date; one date.
  EXPECT_TRUE(stage_probabilities_at(*s, engine::scope_all(dims), {}, {}).empty());
  pipeline_test::expect_same_at_dates(*s, engine::scope_all(dims), {D("2025-12-31")}, {}, 20, "one date");
}
