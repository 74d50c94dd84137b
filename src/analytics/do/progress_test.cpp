// D3 on a hand-made fixture. Every expected value below was worked out by hand from the
// fixture (see the comments), not taken from the code's output.
#include "analytics/do/progress.h"

#include <gtest/gtest.h>

#include "core/error.h"

using namespace sl;
using namespace sl::analytics;
using model::OwnerKind;
using model::TargetMetric;

namespace {

Date D(const char* s) { return *parse_date(s); }

model::Contract contract(Id id, const char* date, Id rep, Money amount) {
  model::Contract c;
  c.id = id;
  c.customer = 1;
  c.rep = rep;
  c.signed_date = D(date);
  c.amount = amount;
  return c;
}

model::Target target(const char* month, TargetMetric m, OwnerKind k, Id owner, int64_t v) {
  return model::Target{*parse_month(month), m, k, owner, v};
}

// 公司(1) → 华东(2) → 上海(4);  公司(1) → 华南(3) → 广东(5)
// reps: 张三(10) and 李四(11) in 上海; 王五(12) in 广东, left 2026-06-20; 赵六(13) in 广东, left 2025-12-31.
model::Dataset fixture() {
  model::Dataset d;
  d.regions = {{1, "公司", 0, 0}, {2, "华东", 1, 1}, {3, "华南", 1, 1}, {4, "上海", 2, 2}, {5, "广东", 3, 2}};
  d.reps = {{10, "张三", 4, 0, D("2020-01-01"), std::nullopt},
            {11, "李四", 4, 0, D("2021-01-01"), std::nullopt},
            {12, "王五", 5, 0, D("2022-01-01"), D("2026-06-20")},
            {13, "赵六", 5, 0, D("2022-01-01"), D("2025-12-31")}};
  d.customers = {{1, "C1", "客户一", "制造", model::CustomerSize::large, 4, 10, D("2020-01-01"), ""}};
  d.contracts = {
      contract(1, "2026-06-01", 10, 30000),  contract(2, "2026-06-15", 10, 20000),
      contract(3, "2026-06-16", 10, 100000),                                        // after as_of: not counted
      contract(4, "2026-06-10", 11, 15000),  contract(5, "2026-05-31", 11, 99900),  // May: outside June, inside Q2
      contract(6, "2026-06-05", 12, 40000)};
  d.payments = {{1, 1, D("2026-06-02"), 10000}, {2, 4, D("2026-06-20"), 15000}};
  d.targets = {target("2026-06", TargetMetric::sales, OwnerKind::company, 0, 200000),
               target("2026-06", TargetMetric::sales, OwnerKind::region, 2, 100000),
               target("2026-06", TargetMetric::sales, OwnerKind::region, 3, 80000),
               target("2026-06", TargetMetric::sales, OwnerKind::rep, 10, 60000),
               target("2026-05", TargetMetric::sales, OwnerKind::rep, 10, 50000),
               target("2026-06", TargetMetric::sales, OwnerKind::rep, 11, 40000),
               target("2026-06", TargetMetric::sales, OwnerKind::rep, 12, 80000),
               target("2026-06", TargetMetric::collection, OwnerKind::rep, 10, 20000)};
  return d;
}

struct D3 : ::testing::Test {
  std::shared_ptr<const engine::Snapshot> snap = engine::build_snapshot(fixture(), 1);
  engine::Scope all = engine::scope_all(*snap->dims);
  ProgressParams params(const char* period, ProgressLevel level, Id region = 0) {
    ProgressParams p;
    p.period = *parse_period(period);
    p.as_of = D("2026-06-15");
    p.level = level;
    p.region = region;
    return p;
  }
};

const ProgressRow& row(const ProgressResult& r, const std::string& name) {
  for (const auto& x : r.rows)
    if (x.name == name) return x;
  throw std::runtime_error("no row " + name);
}

}  // namespace

TEST_F(D3, RepRowsInJune) {
  auto r = target_progress(*snap, all, params("2026-06", ProgressLevel::rep, 1));
  // 赵六 left before June and has no target or sale in June: not listed.
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.elapsed_days, 15);
  // 张三: actual 30000 + 20000 (the 16th is after as_of); target 60000; 15/30 elapsed.
  const auto& z = row(r, "张三");
  EXPECT_EQ(z.actual, 50000);
  EXPECT_EQ(*z.target, 60000);
  EXPECT_NEAR(*z.completion, 50000.0 / 60000.0, 1e-12);
  EXPECT_DOUBLE_EQ(z.time_progress, 0.5);
  EXPECT_NEAR(*z.gap, 5.0 / 6.0 - 0.5, 1e-12);
  EXPECT_EQ(z.status, ProgressStatus::ahead);
  EXPECT_NEAR(*z.required_daily, 10000.0 / 15.0, 1e-9);  // (60000 − 50000) / 15 days left
  EXPECT_NEAR(*z.projected, 100000.0, 1e-9);             // 50000 / 15 × 30
  // 李四: 15000 of 40000 = 37.5% against 50% time: gap −12.5 points → behind.
  const auto& l = row(r, "李四");
  EXPECT_EQ(l.actual, 15000);
  EXPECT_NEAR(*l.gap, -0.125, 1e-12);
  EXPECT_EQ(l.status, ProgressStatus::behind);
  EXPECT_NEAR(*l.projected, 30000.0, 1e-9);
  // 王五: 40000 of 80000 = 50% = time progress: gap 0 → ahead.
  EXPECT_EQ(row(r, "王五").status, ProgressStatus::ahead);
  // Parent is the company row: 50000 + 15000 + 40000 = 105000 of 200000.
  ASSERT_TRUE(r.parent);
  EXPECT_EQ(r.parent->actual, 105000);
  EXPECT_NEAR(*r.parent->completion, 0.525, 1e-12);
}

TEST_F(D3, RegionRowsRollUpProvinces) {
  auto r = target_progress(*snap, all, params("2026-06", ProgressLevel::region));
  ASSERT_EQ(r.rows.size(), 2u);
  // 华东 = 张三 50000 + 李四 15000 of 100000; 华南 = 王五 40000 of 80000.
  EXPECT_EQ(row(r, "华东").actual, 65000);
  EXPECT_NEAR(*row(r, "华东").completion, 0.65, 1e-12);
  EXPECT_NEAR(*row(r, "华东").required_daily, 35000.0 / 15.0, 1e-9);
  EXPECT_EQ(row(r, "华南").actual, 40000);
  EXPECT_NEAR(*row(r, "华南").gap, 0.0, 1e-12);
  EXPECT_EQ(r.parent->name, "公司");
}

TEST_F(D3, QuarterSumsMonthsOfTargetAndActual) {
  auto r = target_progress(*snap, all, params("2026-Q2", ProgressLevel::rep, 2));
  // Q2 = 91 days; elapsed = 30 (Apr) + 31 (May) + 15 = 76.
  EXPECT_EQ(r.elapsed_days, 76);
  const auto& z = row(r, "张三");
  EXPECT_EQ(*z.target, 110000);              // May 50000 + June 60000; April has none
  EXPECT_EQ(row(r, "李四").actual, 114900);  // 99900 on 31 May + 15000 in June
  EXPECT_NEAR(z.time_progress, 76.0 / 91.0, 1e-12);
  EXPECT_NEAR(*z.required_daily, (110000.0 - 50000.0) / 15.0, 1e-9);
}

TEST_F(D3, CollectionsUsePaymentDates) {
  auto p = params("2026-06", ProgressLevel::rep, 2);
  p.metric = TargetMetric::collection;
  auto r = target_progress(*snap, all, p);
  // 张三: 10000 paid on 2 June of a 20000 target. 李四's payment on 20 June is after as_of.
  EXPECT_EQ(row(r, "张三").actual, 10000);
  EXPECT_NEAR(*row(r, "张三").completion, 0.5, 1e-12);
  EXPECT_EQ(row(r, "李四").actual, 0);
  EXPECT_FALSE(row(r, "李四").target);
  EXPECT_EQ(row(r, "李四").status, ProgressStatus::no_target);
}

TEST_F(D3, PastAndFuturePeriods) {
  auto past = target_progress(*snap, all, params("2026-05", ProgressLevel::rep, 2));
  EXPECT_DOUBLE_EQ(row(past, "张三").time_progress, 1.0);
  EXPECT_FALSE(row(past, "张三").required_daily);  // no day left
  auto future = target_progress(*snap, all, params("2026-07", ProgressLevel::rep, 2));
  EXPECT_DOUBLE_EQ(row(future, "张三").time_progress, 0.0);
  EXPECT_FALSE(row(future, "张三").projected);  // nothing elapsed to project from
  // A period that has not started has no status (not "ahead" for a gap of 0 − 0).
  for (const auto& x : future.rows) EXPECT_EQ(x.status, ProgressStatus::none) << x.name;
  EXPECT_EQ(future.parent->status, ProgressStatus::none);
  EXPECT_EQ(row(past, "张三").status, ProgressStatus::behind);  // May: 0 of 50,000 with the month over
}

TEST(D3Row, StatusBoundaries) {
  Period june = *parse_period("2026-06");
  Date mid = D("2026-06-15");                                                   // time progress exactly 0.5
  EXPECT_EQ(progress_row(100, 40, june, mid).status, ProgressStatus::at_risk);  // gap −10 points
  EXPECT_EQ(progress_row(100, 39, june, mid).status, ProgressStatus::behind);   // −11
  EXPECT_EQ(progress_row(100, 45, june, mid).status, ProgressStatus::at_risk);  // −5
  EXPECT_EQ(progress_row(100, 50, june, mid).status, ProgressStatus::ahead);    // 0
  EXPECT_EQ(progress_row(0, 50, june, mid).status, ProgressStatus::no_target);
  EXPECT_EQ(*progress_row(100, 150, june, mid).required_daily, 0.0);        // already above target
  EXPECT_DOUBLE_EQ(*progress_row(100, 70, june, mid).required_daily, 2.0);  // 30 left over 15 days
  // July seen on 15 June: no status with or without a target; the whole target over 31 days.
  Period july = *parse_period("2026-07");
  EXPECT_EQ(progress_row(310, 0, july, mid).status, ProgressStatus::none);
  EXPECT_EQ(progress_row(std::nullopt, 0, july, mid).status, ProgressStatus::none);
  EXPECT_DOUBLE_EQ(*progress_row(310, 0, july, mid).required_daily, 10.0);
  EXPECT_STREQ(status_code(ProgressStatus::none), "none");
  // 1 of 30 days elapsed on the 1st: the first day counts.
  EXPECT_NEAR(progress_row(300, 10, june, D("2026-06-01")).time_progress, 1.0 / 30.0, 1e-12);
}

TEST_F(D3, ManagerSeesOnlyTheirRegion) {
  auto mgr = engine::scope_region(*snap->dims, snap->dims->find_region(2));
  auto regions = target_progress(*snap, mgr, params("2026-06", ProgressLevel::region));
  ASSERT_EQ(regions.rows.size(), 1u);
  EXPECT_EQ(regions.rows[0].name, "华东");
  EXPECT_FALSE(regions.parent);  // the company total is not theirs to see
  auto reps = target_progress(*snap, mgr, params("2026-06", ProgressLevel::rep, 0));
  EXPECT_EQ(reps.rows.size(), 2u);
  EXPECT_EQ(reps.parent->actual, 65000);
  EXPECT_THROW(target_progress(*snap, mgr, params("2026-06", ProgressLevel::rep, 3)), AppError);
  EXPECT_THROW(target_progress(*snap, mgr, params("2026-06", ProgressLevel::company)), AppError);
  EXPECT_THROW(target_progress(*snap, all, params("2026-06", ProgressLevel::rep, 99)), AppError);
}

TEST_F(D3, RepSeesOnlyOwnRow) {
  auto me = engine::scope_rep(*snap->dims, snap->dims->find_rep(11));
  auto r = target_progress(*snap, me, params("2026-06", ProgressLevel::rep));
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].name, "李四");
  EXPECT_EQ(r.rows[0].actual, 15000);
  EXPECT_FALSE(r.parent);
  EXPECT_THROW(target_progress(*snap, me, params("2026-06", ProgressLevel::region)), AppError);
  EXPECT_THROW(target_progress(*snap, me, params("2026-06", ProgressLevel::rep, 2)), AppError);
}

TEST_F(D3, SavedTargetShowsInTheNextSnapshot) {
  auto rows = *snap->target_rows;
  rows.push_back(target("2026-06", TargetMetric::collection, OwnerKind::rep, 11, 30000));
  auto next = engine::with_targets(*snap, rows, 2);
  auto p = params("2026-06", ProgressLevel::rep, 2);
  p.metric = TargetMetric::collection;
  auto r = target_progress(*next, all, p);
  EXPECT_EQ(*row(r, "李四").target, 30000);
  EXPECT_EQ(next->facts, snap->facts);  // facts shared, not rebuilt
}

// A database just made by `salesloop init`: no regions, no reps, no data. Whoever sees
// everything gets empty rows at every level (not 403); a manager of a region that does not
// exist still sees nothing.
TEST(D3Empty, EmptyCompanyAnswersWithNoRows) {
  auto empty = engine::build_snapshot(model::Dataset{}, 1);
  auto all = engine::scope_all(*empty->dims);
  ProgressParams p;
  p.as_of = D("2026-06-15");
  p.period = *parse_period("2026-06");
  for (auto level : {ProgressLevel::company, ProgressLevel::region, ProgressLevel::rep}) {
    p.level = level;
    auto r = target_progress(*empty, all, p);
    EXPECT_TRUE(r.rows.empty());
    EXPECT_FALSE(r.parent);
    EXPECT_EQ(r.elapsed_days, 15);
  }
  p.level = ProgressLevel::region;
  EXPECT_THROW(target_progress(*empty, engine::scope_none(*empty->dims), p), AppError);
}

// The early-days rule (kEarlySharePercent = 20): the projection and the required daily rate
// show from the day 20 % of the period's days have passed, rounded up. Counted by hand.
TEST(D3Row, EarlyDaysOfMonthsQuartersYears) {
  EXPECT_EQ(early_days(*parse_period("2026-06")), 6);     // 30 × 0.2 = 6
  EXPECT_EQ(early_days(*parse_period("2026-12")), 7);     // 31 × 0.2 = 6.2 → 7
  EXPECT_EQ(early_days(*parse_period("2026-02")), 6);     // 28 × 0.2 = 5.6 → 6
  EXPECT_EQ(early_days(*parse_period("2026-Q4")), 19);    // 92 × 0.2 = 18.4 → 19
  EXPECT_EQ(early_days(*parse_period("2026")), 73);       // 365 × 0.2 = 73
  EXPECT_EQ(early_days(*parse_period("2028")), 74);       // 366 × 0.2 = 73.2 → 74
  Period june = *parse_period("2026-06");
  EXPECT_FALSE(too_early(june, D("2026-05-31")));  // not started: a basis of its own
  EXPECT_TRUE(too_early(june, D("2026-06-01")));   // day 1
  EXPECT_TRUE(too_early(june, D("2026-06-04")));   // day 4
  EXPECT_TRUE(too_early(june, D("2026-06-05")));   // day 5 of 30: under 6
  EXPECT_FALSE(too_early(june, D("2026-06-06")));  // day 6
  EXPECT_FALSE(too_early(june, D("2026-06-30")));  // last day
  Period q4 = *parse_period("2026-Q4");
  EXPECT_TRUE(too_early(q4, D("2026-10-18")));   // 18 days
  EXPECT_FALSE(too_early(q4, D("2026-10-19")));  // 19 days
  EXPECT_FALSE(too_early(q4, D("2026-12-01")));  // 31 + 30 + 1 = 62 days
  Period y = *parse_period("2026");
  EXPECT_TRUE(too_early(y, D("2026-03-13")));   // 31 + 28 + 13 = 72 days
  EXPECT_FALSE(too_early(y, D("2026-03-14")));  // 73
}

TEST(D3Row, ProjectionAndRequiredRateWaitForEnoughDays) {
  Period dec = *parse_period("2026-12");
  // 1 December: one day of 31 — no projection, no required rate, and the answer says why.
  auto day1 = progress_row(3100, 200, dec, D("2026-12-01"));
  EXPECT_FALSE(day1.projected);
  EXPECT_FALSE(day1.required_daily);
  EXPECT_EQ(day1.projection_basis, FigureBasis::too_early);
  EXPECT_EQ(day1.required_basis, FigureBasis::too_early);
  EXPECT_EQ(day1.status, ProgressStatus::ahead);  // completion and status are still shown
  EXPECT_STREQ(basis_code(day1.projection_basis), "too_early");
  // 7 December: 7 of 31 days — both shown: 700 / 7 × 31 = 3100; (3100 − 700) / 24 = 100.
  auto day7 = progress_row(3100, 700, dec, D("2026-12-07"));
  EXPECT_DOUBLE_EQ(*day7.projected, 3100.0);
  EXPECT_DOUBLE_EQ(*day7.required_daily, 100.0);
  EXPECT_EQ(day7.projection_basis, FigureBasis::normal);
  // 20 December: 2000 / 20 × 31 = 3100; (3100 − 2000) / 11 = 100.
  auto day20 = progress_row(3100, 2000, dec, D("2026-12-20"));
  EXPECT_DOUBLE_EQ(*day20.projected, 3100.0);
  EXPECT_DOUBLE_EQ(*day20.required_daily, 100.0);
  // The last day: the projection is the actual; no day remains to require anything of.
  auto last = progress_row(3100, 3000, dec, D("2026-12-31"));
  EXPECT_DOUBLE_EQ(*last.projected, 3000.0);
  EXPECT_FALSE(last.required_daily);
  EXPECT_EQ(last.required_basis, FigureBasis::over);
  // Not started: nothing to project; the whole target over 31 days is still the plan rate.
  auto before = progress_row(3100, 0, dec, D("2026-11-30"));
  EXPECT_EQ(before.projection_basis, FigureBasis::not_started);
  EXPECT_DOUBLE_EQ(*before.required_daily, 100.0);
  // No target: a projection, but no required rate.
  auto none = progress_row(std::nullopt, 2000, dec, D("2026-12-20"));
  EXPECT_EQ(none.required_basis, FigureBasis::no_target);
  EXPECT_TRUE(none.projected);
  // A quarter on 1 December is 62 days in: shown (Q4 2026, 92 days): 6200 / 62 × 92 = 9200.
  EXPECT_DOUBLE_EQ(*progress_row(9200, 6200, *parse_period("2026-Q4"), D("2026-12-01")).projected, 9200.0);
}
