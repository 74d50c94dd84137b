// D2 on hand-made fixtures; every expected value is worked out in the comments.
#include "analytics/do/process.h"

#include <gtest/gtest.h>

#include "analytics/do/do_fixture_test_util.h"
#include "core/error.h"

using namespace sl;
using namespace sl::analytics;
using namespace sl::analytics::testing;
using model::OwnerKind;
using model::TargetMetric;

namespace {
ProcessResult run(const model::Dataset& d, const char* period, const char* as_of, const engine::Scope* scope = nullptr,
                  DoFilter f = {}) {
  auto s = engine::build_snapshot(d, 1);
  auto all = engine::scope_all(*s->dims);
  return performance_process(*s, scope ? *scope : all, {*parse_period(period), D(as_of), f});
}
const MetricFigures& sales(const ProcessResult& r) { return r.totals[1]; }
}  // namespace

TEST(D2Windows, LeapDayYoYAndPreviousPeriod) {
  // Q1 2024 read through 29 Feb: YoY ends on 28 Feb 2023, PoP covers the first 60 days of Q4 2023.
  Period q1 = *parse_period("2024-Q1");
  auto y = yoy_window(q1, D("2024-02-29"));
  EXPECT_EQ(format_date(y.first), "2023-01-01");
  EXPECT_EQ(format_date(y.last), "2023-02-28");
  auto p = pop_window(q1, D("2024-02-29"));
  EXPECT_EQ(format_date(p.last), "2023-11-29");  // 1 Oct + 59 days
  // A finished period compares with the whole of last year's, 29 Feb 2024 included.
  auto full = yoy_window(*parse_period("2025-02"), D("2025-03-05"));
  EXPECT_EQ(format_date(full.last), "2024-02-29");
  EXPECT_EQ(format_date(one_year_earlier(D("2024-02-29"))), "2023-02-28");
}

TEST(D2, YoYAcrossALeapDay) {
  auto d = base_company();
  d.contracts = {contract(1, "2024-01-10", 10, 100),  contract(2, "2024-02-29", 10, 50),
                 contract(3, "2023-01-05", 10, 60),   contract(4, "2023-02-28", 10, 40),
                 contract(5, "2023-03-01", 10, 1000),  // after the YoY window's end (28 Feb 2023)
                 contract(6, "2023-11-29", 11, 200),  contract(7, "2023-11-30", 11, 999),  // PoP: only the first
                 contract(8, "2025-02-10", 10, 75)};
  d.targets = {target("2024-01", TargetMetric::sales, OwnerKind::company, 0, 200),
               target("2024-02", TargetMetric::sales, OwnerKind::company, 0, 100)};
  auto r = run(d, "2024-Q1", "2024-02-29");
  EXPECT_EQ(sales(r).amount, 150);       // 100 + 50
  EXPECT_EQ(sales(r).yoy_amount, 100);   // 60 + 40
  EXPECT_DOUBLE_EQ(*sales(r).yoy, 0.5);  // (150 − 100) / 100
  EXPECT_EQ(sales(r).pop_amount, 200);
  EXPECT_DOUBLE_EQ(*sales(r).pop, -0.25);  // (150 − 200) / 200
  EXPECT_EQ(*sales(r).target, 300);
  EXPECT_DOUBLE_EQ(*sales(r).completion, 0.5);
  EXPECT_EQ(*sales(r).count, 2);
  // February 2025 against the whole of February 2024, leap day included: 75 vs 50.
  auto feb = run(d, "2025-02", "2025-03-05");
  EXPECT_EQ(sales(feb).yoy_amount, 50);
  EXPECT_DOUBLE_EQ(*sales(feb).yoy, 0.5);
  // Trend of 2024 as of 29 Feb: Jan 100, Feb 150 − 100 = 50, March not yet (null); last year Mar 1000.
  EXPECT_EQ(r.trend_year, 2024);
  EXPECT_EQ(*r.trend[0].this_year[1], 100);
  EXPECT_EQ(*r.trend[1].this_year[1], 50);
  EXPECT_FALSE(r.trend[2].this_year[1]);
  EXPECT_EQ(r.trend[2].last_year[1], 1000);
}

TEST(D2, RegionsRepsAndScope) {
  auto d = base_company();
  d.contracts = {contract(1, "2026-05-03", 10, 100), contract(2, "2026-05-04", 12, 70, 2)};
  d.payments = {{1, 1, D("2026-05-20"), 30}};
  model::Opportunity o;
  o.id = 1, o.customer = 1, o.rep = 10, o.category = "软件";
  d.opportunities = {o};
  d.bids = {{1, 1, D("2026-05-01"), 90, model::BidResult::won, D("2026-05-02")}};
  d.targets = {target("2026-05", TargetMetric::bids_won, OwnerKind::region, 2, 4),
               target("2026-05", TargetMetric::sales, OwnerKind::region, 2, 400)};
  auto r = run(d, "2026-05", "2026-06-15");
  ASSERT_EQ(r.regions.size(), 2u);
  EXPECT_EQ(r.regions[0].name, "华东");
  EXPECT_EQ(r.regions[0].metrics[0].amount, 90);
  EXPECT_DOUBLE_EQ(*r.regions[0].metrics[0].completion, 0.25);  // 1 bid won of a target of 4
  EXPECT_DOUBLE_EQ(*r.regions[0].metrics[1].completion, 0.25);  // 100 / 400
  EXPECT_EQ(r.regions[0].metrics[2].amount, 30);
  EXPECT_EQ(r.regions[1].metrics[1].amount, 70);
  EXPECT_EQ(sales(r).amount, 170);
  // A 华东 manager: totals are the sum of their region rows, 华南 is not there.
  auto s = engine::build_snapshot(d, 1);
  auto east = engine::scope_region(*s->dims, s->dims->find_region(2));
  auto m = performance_process(*s, east, {*parse_period("2026-05"), D("2026-06-15"), {}});
  ASSERT_EQ(m.regions.size(), 1u);
  EXPECT_EQ(m.totals[1].amount, 100);
  EXPECT_EQ(*m.totals[1].target, 400);  // the manager's root region's target
  // Filters: industry 能源 keeps only customer 2's contract; a rep filter outside the scope is 403.
  auto energy = performance_process(*s, engine::scope_all(*s->dims),
                                    {*parse_period("2026-05"), D("2026-06-15"), {0, 0, "能源", ""}});
  EXPECT_EQ(energy.totals[1].amount, 70);
  EXPECT_FALSE(energy.totals[1].target);  // targets do not apply to a slice
  EXPECT_THROW(performance_process(*s, east, {*parse_period("2026-05"), D("2026-06-15"), {0, 12, "", ""}}), AppError);
  EXPECT_THROW(performance_process(*s, east, {*parse_period("2026-05"), D("2026-06-15"), {3, 0, "", ""}}), AppError);
  auto one = performance_process(*s, east, {*parse_period("2026-05"), D("2026-06-15"), {0, 10, "", ""}});
  EXPECT_EQ(one.totals[1].amount, 100);
  EXPECT_TRUE(one.regions.empty());
}

TEST(D2Anomalies, RobustZAndMadZero) {
  // 1..12: median 6.5, |deviations| sorted 0.5 0.5 1.5 1.5 2.5 2.5 3.5 3.5 4.5 4.5 5.5 5.5 → MAD 3.
  std::vector<double> h;
  for (int i = 1; i <= 12; ++i) h.push_back(i);
  auto z = robust_z(20, h);
  EXPECT_DOUBLE_EQ(z.median, 6.5);
  EXPECT_DOUBLE_EQ(z.mad, 3);
  EXPECT_NEAR(*z.z, 13.5 / (1.4826 * 3), 1e-12);  // 3.0351…
  // Ten 10s, one 20, one 30: MAD = 0 → mean absolute deviation (0·10 + 10 + 20) / 12 = 2.5.
  auto m0 = robust_z(100, {10, 10, 10, 10, 10, 10, 10, 20, 30, 10, 10, 10});
  EXPECT_DOUBLE_EQ(m0.mad, 0);
  EXPECT_NEAR(*m0.z, 90 / (1.2533 * 2.5), 1e-12);
  // A constant history: no scale, no z.
  EXPECT_FALSE(robust_z(100, std::vector<double>(12, 7)).z);
  EXPECT_FALSE(robust_z(7, std::vector<double>(12, 7)).z);
}

namespace {
// Rep 10 signs `history[k]` in each month from 2024-03 to 2025-02 and `march` in 2025-03.
model::Dataset monthly(const std::vector<Money>& history, Money march, std::optional<int64_t> march_target) {
  auto d = base_company();
  Id id = 1;
  for (int k = 0; k < 12; ++k) {
    Month m{Month::of(2024, 3).index + k};
    auto c = contract(id++, "2024-01-01", 10, history[k]);
    c.signed_date = Date{m.first_day().days + 4};
    d.contracts.push_back(c);
  }
  d.contracts.push_back(contract(id, "2025-03-05", 10, march));
  if (march_target) d.targets = {target("2025-03", TargetMetric::sales, OwnerKind::rep, 10, *march_target)};
  d.reps[1].hire_date = D("2020-01-01");  // rep 11 employed throughout, never selling
  d.reps[2].leave_date.reset();
  return d;
}
}  // namespace

TEST(D2Anomalies, YoYAndCompletionFireHigh) {
  // Flat 100 a month, March 40: YoY = (40 − 100) / 100 = −60% (fires, and < −50% → high);
  // z: constant history → none; completion 40 / 100 = 40% against time progress 100% → −60 points.
  auto r = run(monthly(std::vector<Money>(12, 100), 40, 100), "2025-03", "2025-04-10");
  std::vector<std::string> keys;
  for (const auto& a : r.anomalies) keys.push_back(a.key() + " " + a.severity);
  ASSERT_EQ(keys.size(), 2u) << ::testing::PrintToString(keys);
  // Both high; same month; stable order keeps the 大区 (listed first) before the rep.
  EXPECT_EQ(keys[0], "region:2/sales/2025-03/yoy high");
  EXPECT_EQ(keys[1], "rep:10/sales/2025-03/yoy+completion high");
  EXPECT_DOUBLE_EQ(*r.anomalies[1].yoy, -0.6);
  EXPECT_EQ(*r.anomalies[1].last_year, 100);
  EXPECT_DOUBLE_EQ(*r.anomalies[1].completion, 0.4);
}

TEST(D2Anomalies, RobustZFiresMedium) {
  // History 100..1200: median 650, MAD 300; March 2000 → z = 1350 / 444.78 = 3.035 > 3 (medium);
  // YoY against March 2024 (100) is a rise. No target: no completion rule.
  std::vector<Money> h;
  for (int i = 1; i <= 12; ++i) h.push_back(100 * i);
  auto r = run(monthly(h, 2000, std::nullopt), "2025-03", "2025-04-10");
  ASSERT_EQ(r.anomalies.size(), 2u);
  for (const auto& a : r.anomalies) {
    EXPECT_EQ(a.rules, std::vector<std::string>{"z"});
    EXPECT_EQ(a.severity, "medium");
    EXPECT_NEAR(*a.z, 1350 / (1.4826 * 300), 1e-9);
  }
  // The same March seen on 15 March (not over): neither YoY nor z judges a partial month.
  EXPECT_TRUE(run(monthly(h, 2000, std::nullopt), "2025-03", "2025-03-15").anomalies.empty());
}

TEST(D2Anomalies, ThresholdsAreSettings) {
  // The case of YoYAndCompletionFireHigh (YoY −60 %, completion 60 points behind) judged with
  // other thresholds: a YoY fall must pass 70 % and completion 70 points behind to fire.
  auto s = engine::build_snapshot(monthly(std::vector<Money>(12, 100), 40, 100), 1);
  auto all = engine::scope_all(*s->dims);
  const Month march = Month::of(2025, 3);
  AnomalyRules strict;
  strict.yoy_fall_points = 70;
  strict.completion_behind_points = 70;
  EXPECT_TRUE(detect_anomalies(*s, all, RowFilter{}, march, march, D("2025-04-10"), strict).empty());
  // Severity: −60 % is high by default (below −50 %) and medium when high needs −65 % and
  // completion 70 points behind, with one rule firing.
  AnomalyRules milder;
  milder.completion_behind_points = 70;
  milder.high_yoy_fall_points = 65;
  milder.high_completion_behind_points = 70;
  auto found = detect_anomalies(*s, all, RowFilter{}, march, march, D("2025-04-10"), milder);
  ASSERT_EQ(found.size(), 2u);
  for (const auto& a : found) {
    EXPECT_EQ(a.rules, std::vector<std::string>{"yoy"});
    EXPECT_EQ(a.severity, "medium");
  }
  auto dflt = detect_anomalies(*s, all, RowFilter{}, march, march, D("2025-04-10"));
  ASSERT_EQ(dflt.size(), 2u);
  EXPECT_EQ(dflt[1].severity, "high");
}

TEST(D2Anomalies, AnUnfinishedMonthHasNoYoYAndItsSeverityIgnoresOne) {
  // Flat 100 a month, March 40 with a target of 200, seen on 16 March (the month not over).
  // Half a month against the whole of last March would read −60 % (high); it is not judged:
  // yoy null (basis partial), z not judged, completion 40 / 200 = 20 % against time progress
  // 16/31 = 51.6 % → 31.6 points behind: fires (> 20), medium (not > 40). The 大区 has no
  // target and nothing else fires: one anomaly.
  auto r = run(monthly(std::vector<Money>(12, 100), 40, 200), "2025-03", "2025-03-16");
  ASSERT_EQ(r.anomalies.size(), 1u);
  const Anomaly& a = r.anomalies[0];
  EXPECT_EQ(a.key(), "rep:10/sales/2025-03/completion");
  EXPECT_EQ(a.severity, "medium");
  EXPECT_FALSE(a.yoy);
  EXPECT_EQ(a.yoy_basis, YoyBasis::partial);
  EXPECT_FALSE(a.z);
  EXPECT_NEAR(*a.completion - *a.time_progress, 0.2 - 16.0 / 31, 1e-12);
  // The same month once over (10 April): YoY −60 % fires and makes it high, as before.
  auto over = run(monthly(std::vector<Money>(12, 100), 40, 200), "2025-03", "2025-04-10");
  ASSERT_EQ(over.anomalies.size(), 2u);
  EXPECT_EQ(over.anomalies[1].key(), "rep:10/sales/2025-03/yoy+completion");
  EXPECT_EQ(over.anomalies[1].yoy_basis, YoyBasis::normal);
}

TEST(D2Anomalies, NoYoYRuleOnATinyBase) {
  // History March 2024 = 10, then 1,000 a month to February 2025: mean 11,010 / 12 = 917.5,
  // minimum base 10 % of it = 91.75 > 10. March 2025 = 5: "−50 %" from 10 is no fall to judge: basis small, no
  // yoy rule. z: deviations 990 and eleven 0 → MAD 0, mean AD 990/12 = 82.5 →
  // z = (5 − 1000) / (1.2533 · 82.5) = −9.62: z fires, high (|z| > 5).
  std::vector<Money> h(12, 1000);
  h[0] = 10;
  auto r = run(monthly(h, 5, std::nullopt), "2025-03", "2025-04-10");
  ASSERT_EQ(r.anomalies.size(), 2u);  // 华东 and rep 10, the same numbers
  for (const auto& a : r.anomalies) {
    EXPECT_EQ(a.rules, std::vector<std::string>{"z"});
    EXPECT_FALSE(a.yoy);
    EXPECT_EQ(a.yoy_basis, YoyBasis::small);
    EXPECT_NEAR(*a.z, (5 - 1000) / (1.2533 * 82.5), 1e-9);
    EXPECT_EQ(a.severity, "high");
  }
}

TEST(D2, YoYOnATinyBaseIsNewNotAPercentage) {
  // As above with March 2025 = 2,000. Totals: the 12 months before March 2025 have a mean of
  // 917.5; the YoY window is all of March 2024 (31 days = 31/30.4375 months), so the minimum
  // base = 0.1 × 917.5 × 31/30.4375 = 93.4 > 10: basis new, yoy null (not +19900 %).
  // PoP: February 2025 = 1,000 ≥ 0.1 × 917.5 × 28/30.4375 = 84.4: (2000 − 1000) / 1000 = +100 %.
  std::vector<Money> h(12, 1000);
  h[0] = 10;
  auto r = run(monthly(h, 2000, std::nullopt), "2025-03", "2025-04-10");
  EXPECT_EQ(sales(r).yoy_amount, 10);
  EXPECT_FALSE(sales(r).yoy);
  EXPECT_EQ(sales(r).yoy_basis, YoyBasis::new_base);
  EXPECT_EQ(sales(r).pop_basis, YoyBasis::normal);
  EXPECT_DOUBLE_EQ(*sales(r).pop, 1.0);
  ASSERT_FALSE(r.reps.empty());
  EXPECT_EQ(r.reps[0].id, 10);
  EXPECT_EQ(r.reps[0].metrics[1].yoy_basis, YoyBasis::new_base);
  // Collections: nothing this year nor last: small, and the anomaly z rule of the rise is there.
  EXPECT_EQ(r.totals[2].yoy_basis, YoyBasis::small);
  // A base of 100 (mean 925, minimum 0.1 × 925 × 31/30.4375 = 94.2) against 900: a
  // percentage again, (900 − 100) / 100 = +800 %; against 2,000 the base is under a tenth of
  // this year's amount (200): new, not +1900 %.
  h[0] = 100;
  auto n = run(monthly(h, 900, std::nullopt), "2025-03", "2025-04-10");
  EXPECT_EQ(sales(n).yoy_basis, YoyBasis::normal);
  EXPECT_DOUBLE_EQ(*sales(n).yoy, 8.0);
  EXPECT_EQ(sales(run(monthly(h, 2000, std::nullopt), "2025-03", "2025-04-10")).yoy_basis, YoyBasis::new_base);
}
