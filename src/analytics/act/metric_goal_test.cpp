// Metric goals on a hand-made fixture. Every expected value is summed by hand from the
// rows below (window for due 2026-06-15 = 06-01..06-15).
#include "analytics/act/metric_goal.h"

#include <gtest/gtest.h>

#include "core/error.h"

using namespace sl;
using namespace sl::analytics;
using model::OwnerKind;
using model::TargetMetric;

namespace {

Date D(const char* s) { return *parse_date(s); }

// 公司(1) → 华东(2) → 上海(4); 公司(1) → 华南(3) → 广东(5). Reps 10, 11 in 上海; 12 in 广东.
model::Dataset fixture() {
  model::Dataset d;
  d.regions = {{1, "公司", 0, 0}, {2, "华东", 1, 1}, {3, "华南", 1, 1}, {4, "上海", 2, 2}, {5, "广东", 3, 2}};
  d.reps = {{10, "张三", 4, 0, D("2020-01-01"), std::nullopt},
            {11, "李四", 4, 0, D("2020-01-01"), std::nullopt},
            {12, "王五", 5, 0, D("2020-01-01"), std::nullopt}};
  for (Id c = 1; c <= 4; ++c)
    d.customers.push_back(
        {c, "C" + std::to_string(c), "客户", "制造", model::CustomerSize::large, 4, 10, D("2020-01-01"), ""});
  auto contract = [&](Id id, const char* date, Id rep, Id cust, Money amount) {
    model::Contract c;
    c.id = id;
    c.customer = cust;
    c.rep = rep;
    c.signed_date = D(date);
    c.amount = amount;
    d.contracts.push_back(c);
  };
  contract(1, "2026-05-20", 10, 1, 30000);  // May; customer 1's first contract
  contract(2, "2026-06-03", 10, 1, 20000);  // not a new customer
  contract(3, "2026-06-10", 11, 2, 50000);  // customer 2 new in June
  contract(4, "2026-06-20", 12, 3, 40000);  // after the due date
  contract(5, "2026-06-01", 12, 4, 10000);  // customer 4 new in June (first day of the window)
  d.payments = {{1, 1, D("2026-06-05"), 15000}, {2, 3, D("2026-06-15"), 25000}, {3, 5, D("2026-06-16"), 10000}};
  model::Opportunity o1, o2;
  o1.id = 1, o1.customer = 1, o1.rep = 10, o1.category = "A", o1.created = D("2026-01-01");
  o2.id = 2, o2.customer = 4, o2.rep = 12, o2.category = "A", o2.created = D("2026-01-01");
  d.opportunities = {o1, o2};
  d.bids = {{1, 1, D("2026-06-01"), 100, model::BidResult::won, D("2026-06-08")},
            {2, 2, D("2026-06-01"), 100, model::BidResult::won, D("2026-06-14")},
            {3, 1, D("2026-05-01"), 100, model::BidResult::won, D("2026-05-30")},    // May
            {4, 1, D("2026-06-01"), 100, model::BidResult::lost, D("2026-06-09")}};  // lost
  d.targets = {{*parse_month("2026-06"), TargetMetric::sales, OwnerKind::company, 0, 200000},
               {*parse_month("2026-06"), TargetMetric::sales, OwnerKind::region, 2, 100000},
               {*parse_month("2026-06"), TargetMetric::sales, OwnerKind::rep, 10, 40000}};
  return d;
}

struct Goal : ::testing::Test {
  std::shared_ptr<const engine::Snapshot> snap = engine::build_snapshot(fixture(), 1);
  engine::Scope all = engine::scope_all(*snap->dims);
  std::optional<double> v(GoalMetric m, const char* scope, const char* due = "2026-06-15") {
    return measure_goal(*snap, all, m, *parse_goal_scope(scope), D(due)).value;
  }
};

}  // namespace

TEST_F(Goal, Window) {
  Period w = goal_window(D("2026-06-15"));
  EXPECT_EQ(format_date(w.first), "2026-06-01");
  EXPECT_EQ(format_date(w.last), "2026-06-15");
}

TEST_F(Goal, SalesAndCollections) {
  EXPECT_EQ(*v(GoalMetric::sales, "company"), 80000);   // 20000 + 50000 + 10000
  EXPECT_EQ(*v(GoalMetric::sales, "region:2"), 70000);  // 华东: 20000 + 50000
  EXPECT_EQ(*v(GoalMetric::sales, "region:4"), 70000);  // 上海 holds both 华东 reps
  EXPECT_EQ(*v(GoalMetric::sales, "region:3"), 10000);
  EXPECT_EQ(*v(GoalMetric::sales, "rep:10"), 20000);
  EXPECT_EQ(*v(GoalMetric::sales, "company", "2026-06-30"), 120000);  // + contract 4
  EXPECT_EQ(*v(GoalMetric::collections, "company"), 40000);           // 15000 + 25000
  EXPECT_EQ(*v(GoalMetric::collections, "region:3"), 0);
}

TEST_F(Goal, CompletionAndRates) {
  EXPECT_DOUBLE_EQ(*v(GoalMetric::completion, "company"), 0.4);       // 80000 / 200000
  EXPECT_DOUBLE_EQ(*v(GoalMetric::completion, "region:2"), 0.7);      // 70000 / 100000
  EXPECT_DOUBLE_EQ(*v(GoalMetric::completion, "rep:10"), 0.5);        // 20000 / 40000
  EXPECT_FALSE(v(GoalMetric::completion, "region:3").has_value());    // no target
  EXPECT_DOUBLE_EQ(*v(GoalMetric::collection_rate, "company"), 0.5);  // 40000 / 80000
  EXPECT_DOUBLE_EQ(*v(GoalMetric::collection_rate, "rep:10"), 0.75);  // 15000 / 20000
  EXPECT_DOUBLE_EQ(*v(GoalMetric::collection_rate, "region:3"), 0.0);
  EXPECT_FALSE(v(GoalMetric::collection_rate, "rep:10", "2026-07-15").has_value());  // no July sales
}

TEST_F(Goal, Counts) {
  EXPECT_EQ(*v(GoalMetric::bids_won, "company"), 2);  // 06-08, 06-14
  EXPECT_EQ(*v(GoalMetric::bids_won, "region:2"), 1);
  EXPECT_EQ(*v(GoalMetric::bids_won, "rep:12"), 1);
  EXPECT_EQ(*v(GoalMetric::new_customers, "company"), 2);  // customers 2 and 4
  EXPECT_EQ(*v(GoalMetric::new_customers, "region:2"), 1);
  EXPECT_EQ(*v(GoalMetric::new_customers, "company", "2026-06-30"), 3);  // + customer 3
}

TEST_F(Goal, EvaluateAndCompare) {
  auto g = evaluate_goal(*snap, all, "completion", "region:2", ">=", 0.7, D("2026-06-15"));
  EXPECT_TRUE(g.met);  // exactly 0.7
  EXPECT_FALSE(evaluate_goal(*snap, all, "completion", "region:2", ">", 0.7, D("2026-06-15")).met);
  EXPECT_TRUE(evaluate_goal(*snap, all, "sales", "company", "<", 80001, D("2026-06-15")).met);
  EXPECT_FALSE(evaluate_goal(*snap, all, "completion", "region:3", ">=", 0, D("2026-06-15")).met);  // undefined
  EXPECT_TRUE(evaluate_goal(*snap, all, "bids_won", "company", "<=", 2, D("2026-06-15")).met);
  EXPECT_THROW(evaluate_goal(*snap, all, "churn", "company", ">=", 1, D("2026-06-15")), AppError);
  EXPECT_THROW(evaluate_goal(*snap, all, "sales", "region:x", ">=", 1, D("2026-06-15")), AppError);
  EXPECT_THROW(evaluate_goal(*snap, all, "sales", "company", "==", 1, D("2026-06-15")), AppError);
}

TEST_F(Goal, ScopeChecks) {
  const engine::Dims& d = *snap->dims;
  engine::Scope mgr = engine::scope_region(d, d.find_region(2));
  engine::Scope rep = engine::scope_rep(d, d.find_rep(10));
  auto status = [&](const engine::Scope& s, const char* g) {
    try {
      check_goal_scope(*snap, s, *parse_goal_scope(g));
      return 0;
    } catch (const AppError& e) {
      return e.status;
    }
  };
  EXPECT_EQ(status(mgr, "region:2"), 0);
  EXPECT_EQ(status(mgr, "region:4"), 0);
  EXPECT_EQ(status(mgr, "rep:11"), 0);
  EXPECT_EQ(status(mgr, "company"), 403);
  EXPECT_EQ(status(mgr, "region:3"), 403);
  EXPECT_EQ(status(mgr, "rep:12"), 403);
  EXPECT_EQ(status(rep, "rep:10"), 0);
  EXPECT_EQ(status(rep, "rep:11"), 403);
  EXPECT_EQ(status(rep, "region:2"), 403);
  EXPECT_EQ(status(all, "region:99"), 404);
  EXPECT_EQ(status(all, "rep:99"), 404);
  EXPECT_FALSE(parse_goal_scope("region:").has_value());
  EXPECT_FALSE(parse_goal_scope("region:0").has_value());
  EXPECT_FALSE(parse_goal_scope("rep:3x").has_value());
  // A manager measuring 华东 gets the same value as an executive.
  EXPECT_EQ(*measure_goal(*snap, mgr, GoalMetric::sales, *parse_goal_scope("region:2"), D("2026-06-15")).value, 70000);
}
