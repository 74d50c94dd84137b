// D4 ranking, rank change, the rep view, the KPI score and per-capita sales, by hand.
#include "analytics/do/leaderboard.h"

#include <gtest/gtest.h>

#include "analytics/do/do_fixture_test_util.h"
#include "analytics/do/per_capita.h"

using namespace sl;
using namespace sl::analytics;
using namespace sl::analytics::testing;

TEST(D4, CompetitionRanksShareTiesAndSkip) {
  auto r = competition_ranks({100.0, 50.0, 100.0, std::nullopt, 20.0});
  EXPECT_EQ(r[0], 1);
  EXPECT_EQ(r[2], 1);
  EXPECT_EQ(r[1], 3);
  EXPECT_EQ(r[4], 4);
  EXPECT_FALSE(r[3]);
}

namespace {
model::Dataset board_company() {
  auto d = base_company();
  d.reps[1].hire_date = D("2020-01-01");
  d.reps[2].leave_date.reset();
  // May: 10 → 100, 11 → 100 (a tie), 12 → 50. April: 12 → 300, 10 → 200, 11 → 0.
  d.contracts = {contract(1, "2026-05-02", 10, 100), contract(2, "2026-05-03", 11, 100),
                 contract(3, "2026-05-04", 12, 50, 2), contract(4, "2026-04-02", 12, 300, 2),
                 contract(5, "2026-04-03", 10, 200)};
  return d;
}
}  // namespace

TEST(D4, RanksTiesAndChange) {
  auto s = engine::build_snapshot(board_company(), 1);
  auto b =
      leaderboard(*s, engine::scope_all(*s->dims), {*parse_period("2026-05"), D("2026-06-15"), BoardMetric::sales});
  ASSERT_EQ(b.reps.size(), 3u);
  // 10 and 11 tie at rank 1 (id order kept), 12 is third.
  EXPECT_EQ(b.reps[0].id, 10);
  EXPECT_EQ(b.reps[1].id, 11);
  EXPECT_EQ(*b.reps[0].rank, 1);
  EXPECT_EQ(*b.reps[1].rank, 1);
  EXPECT_EQ(*b.reps[2].rank, 3);
  // April ranks: 12 first, 10 second, 11 third → changes +1, +2, −2.
  EXPECT_EQ(*b.reps[0].change, 1);
  EXPECT_EQ(*b.reps[1].change, 2);
  EXPECT_EQ(*b.reps[2].change, -2);
  EXPECT_DOUBLE_EQ(*b.reps[2].value, 50);
  // 大区: 华东 200, 华南 50; April 华东 200, 华南 300.
  ASSERT_EQ(b.regions.size(), 2u);
  EXPECT_EQ(b.regions[0].name, "华东");
  EXPECT_EQ(*b.regions[0].change, 1);
}

TEST(D4, ARepSeesPeersRanksButOnlyOwnFigures) {
  auto s = engine::build_snapshot(board_company(), 1);
  auto me = engine::scope_rep(*s->dims, s->dims->find_rep(11));
  auto b = leaderboard(*s, me, {*parse_period("2026-05"), D("2026-06-15"), BoardMetric::sales});
  ASSERT_EQ(b.reps.size(), 2u);  // the 华东 peers only
  EXPECT_TRUE(b.regions.empty());
  for (const auto& row : b.reps) {
    EXPECT_EQ(*row.rank, 1);
    if (row.id == 11) {
      EXPECT_TRUE(row.own);
      EXPECT_DOUBLE_EQ(*row.value, 100);
      EXPECT_TRUE(row.figures);
    } else {
      EXPECT_FALSE(row.visible);
      EXPECT_FALSE(row.value);
      EXPECT_FALSE(row.figures);
    }
  }
}

TEST(D1, KpiScoreCapsAndRescales) {
  // Sales 150% capped at 120%, collections 50%, no new-customer target, forecast 80%:
  // (40·1.2 + 30·0.5 + 15·0.8) / 85 · 100 = 75 / 85 · 100 = 88.235…
  std::array<KpiPart, 4> parts{KpiPart{"sales_completion", 40, 1.5}, KpiPart{"collection_completion", 30, 0.5},
                               KpiPart{"new_customers", 15, std::nullopt}, KpiPart{"forecast_accuracy", 15, 0.8}};
  EXPECT_NEAR(*kpi_score(parts), 7500.0 / 85.0, 1e-9);
  for (auto& p : parts) p.value.reset();
  EXPECT_FALSE(kpi_score(parts));
}

TEST(D1, RepFiguresFromTargetsForecastsAndDeals) {
  using model::OwnerKind;
  using model::TargetMetric;
  auto d = board_company();
  d.payments = {{1, 1, D("2026-05-20"), 60}};
  d.targets = {target("2026-05", TargetMetric::sales, OwnerKind::rep, 10, 80),
               target("2026-05", TargetMetric::collection, OwnerKind::rep, 10, 120),
               target("2026-05", TargetMetric::new_customers, OwnerKind::rep, 10, 2)};
  // Forecast for May: 125 before the lock, A = 100 → accuracy 1 − 25/100 = 0.75.
  d.forecasts = {{1, Month::of(2026, 5), 10, 125, static_cast<int64_t>(D("2026-05-01").days) * 86400}};
  model::Opportunity won, lost, open;
  won.id = 1, won.rep = 10, won.stage = model::Stage::won, won.closed = D("2026-05-10");
  lost.id = 2, lost.rep = 10, lost.stage = model::Stage::lost, lost.closed = D("2026-05-11");
  open.id = 3, open.rep = 10, open.stage = model::Stage::proposal;
  auto lost2 = lost;
  lost2.id = 4, lost2.closed = D("2026-04-30");  // April: not in May's win rate
  d.opportunities = {won, lost, open, lost2};
  auto s = engine::build_snapshot(d, 1);
  std::vector<bool> one(3, false);
  one[s->dims->find_rep(10)] = true;
  auto f = rep_figures(*s, one, s->targets->rep_slot(s->dims->find_rep(10)), *parse_period("2026-05"), D("2026-06-15"));
  EXPECT_EQ(f.sales, 100);
  EXPECT_DOUBLE_EQ(*f.completion, 1.25);
  EXPECT_DOUBLE_EQ(*f.collection_completion, 0.5);
  EXPECT_DOUBLE_EQ(*f.collection_rate, 0.6);
  // Customer 1's first contract ever is contract 5 (April), so May has no new customer: 0 / 2.
  EXPECT_EQ(f.new_customers, 0);
  EXPECT_DOUBLE_EQ(*f.parts[2].value, 0);
  EXPECT_DOUBLE_EQ(*f.win_rate, 0.5);
  EXPECT_DOUBLE_EQ(*f.forecast_accuracy, 0.75);
  // (40·1.2 + 30·0.5 + 15·0 + 15·0.75) / 100 · 100 = 48 + 15 + 0 + 11.25 = 74.25
  EXPECT_NEAR(*f.kpi_score, 74.25, 1e-9);
}

TEST(D4, PerCapitaWithARepWhoJoinedMidMonth) {
  auto d = base_company();  // 11 joins 2026-06-11, 12 leaves 2026-06-10
  d.contracts = {contract(1, "2026-06-05", 10, 100), contract(2, "2026-06-20", 11, 50),
                 contract(3, "2026-06-02", 12, 30, 2)};
  auto s = engine::build_snapshot(d, 1);
  auto r = per_capita(*s, engine::scope_all(*s->dims), D("2026-06-30"), 2);
  ASSERT_EQ(r.months.size(), 2u);
  EXPECT_FALSE(r.last_partial);
  // 华东: 10 all 30 days + 11 from the 11th (20 days) → 50 / 30 heads; (100 + 50) / (5/3) = 90.
  EXPECT_NEAR(r.regions[0].headcount[1], 50.0 / 30.0, 1e-12);
  EXPECT_NEAR(*r.regions[0].per_capita[1], 90.0, 1e-9);
  // 华南: 12 employed 1..10 June inclusive → 10/30 heads; 30 / (1/3) = 90.
  EXPECT_NEAR(r.regions[1].headcount[1], 10.0 / 30.0, 1e-12);
  // May: 11 not hired yet → 华东 1 head.
  EXPECT_NEAR(r.regions[0].headcount[0], 1.0, 1e-12);
  // Company: (30 + 20 + 10) / 30 = 2 heads, 180 / 2 = 90.
  EXPECT_NEAR(*r.total.per_capita[1], 90.0, 1e-9);
  // Read on 15 June: 15 days; 10 for 15, 11 from the 11th (5), 12 for 10 → (15 + 5 + 10) / 15 = 2.
  auto mid = per_capita(*s, engine::scope_all(*s->dims), D("2026-06-15"), 1);
  EXPECT_TRUE(mid.last_partial);
  EXPECT_NEAR(mid.total.headcount[0], 2.0, 1e-12);
  EXPECT_THROW(per_capita(*s, engine::scope_rep(*s->dims, 0), D("2026-06-15")), std::exception);
}

TEST(D4, OnlyRepsEmployedOnTheReadingDayAreRanked) {
  // base_company: 12 left on 2026-06-10, 11 joined on 2026-06-11. As of 2026-06-15 the month,
  // its quarter and its year read through 15 June, when 10 and 11 are employed: the same two
  // are ranked for each (12's sales still count in 华南's row). May 2026 reads 31 May: 10 and 12.
  auto d = base_company();
  d.contracts = {contract(1, "2026-06-02", 12, 500, 2), contract(2, "2026-06-12", 11, 100),
                 contract(3, "2026-05-04", 12, 50, 2)};
  auto s = engine::build_snapshot(d, 1);
  auto all = engine::scope_all(*s->dims);
  for (const char* period : {"2026-06", "2026-Q2", "2026"}) {
    auto b = leaderboard(*s, all, {*parse_period(period), D("2026-06-15"), BoardMetric::sales});
    ASSERT_EQ(b.peers, 2) << period;
    EXPECT_EQ(b.reps[0].id, 11) << period;  // 100 > 0
    EXPECT_EQ(b.reps[1].id, 10) << period;
    ASSERT_EQ(b.regions.size(), 2u);
    EXPECT_EQ(b.regions[0].name, "华南") << period;  // 500 (+50 in Q2 and the year) from the rep who left
  }
  auto may = leaderboard(*s, all, {*parse_period("2026-05"), D("2026-06-15"), BoardMetric::sales});
  ASSERT_EQ(may.peers, 2);
  EXPECT_EQ(may.reps[0].id, 12);
  EXPECT_EQ(may.reps[1].id, 10);
  EXPECT_TRUE(ranked_in(*s->dims, s->dims->find_rep(12), *parse_period("2026-06"), D("2026-06-10")));  // their last day
  EXPECT_FALSE(ranked_in(*s->dims, s->dims->find_rep(12), *parse_period("2026-06"), D("2026-06-11")));
}
