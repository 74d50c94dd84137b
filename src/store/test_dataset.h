// A tiny hand-made data set touching every entity and every optional field, and the checks
// of it read back: shared by the store tests of both backends (sqlite/sqlite_store_test.cpp,
// postgres/pg_store_test.cpp), so each backend is held to the same hand-written values.
#pragma once
#include <gtest/gtest.h>

#include "model/entities.h"

namespace sl::store::testing {

using namespace sl::model;

inline Date d(int y, int m, int day) { return from_ymd(y, m, day); }

// A tiny hand-made data set touching every entity and every optional field.
inline Dataset small_dataset() {
  Dataset x;
  x.regions = {{1, "总部", 0, 0}, {2, "华东", 1, 1}, {3, "上海", 2, 2}};
  // rep 10's manager (11) is listed after it: write order must not matter.
  x.reps = {{10, "张三", 3, 11, d(2022, 3, 1), std::nullopt}, {11, "李四", 2, 0, d(2021, 1, 4), d(2024, 6, 30)}};
  x.customers = {{100, "C100", "上海某制造", "制造", CustomerSize::large, 3, 10, d(2022, 4, 1), ""},
                 {101, "C101", "某医院", "医疗", CustomerSize::small, 3, 0, d(2022, 5, 1), "价格"}};
  x.products = {{200, "P200", "服务器A", "服务器", d(2020, 1, 1), 100000, 60000}};
  x.competitors = {{300, "竞品甲"}};
  x.competitor_products = {{310, 300, "服务器", "甲服务器"}};
  x.market_stats = {{Month::of(2023, 1), "制造", 2, "服务器", 5000000}};
  x.competitor_sales = {{Month::of(2023, 1), 310, 2, 120000}};
  Opportunity o;
  o.id = 400;
  o.customer = 100;
  o.rep = 10;
  o.category = "服务器";
  o.amount = 300000;
  o.created = d(2023, 1, 5);
  o.expected_close = d(2023, 3, 31);
  o.stage = Stage::won;
  o.closed = d(2023, 3, 20);
  o.history = {{Stage::lead, d(2023, 1, 5)}, {Stage::bidding, d(2023, 2, 1)}, {Stage::won, d(2023, 3, 20)}};
  Opportunity o2;
  o2.id = 401;
  o2.customer = 101;
  o2.rep = 11;
  o2.category = "服务器";
  o2.amount = 5000;
  o2.created = d(2023, 2, 5);
  o2.expected_close = d(2023, 5, 1);
  o2.stage = Stage::lost;
  o2.closed = d(2023, 4, 2);
  o2.lost_reason = "价格";
  o2.history = {{Stage::lead, d(2023, 2, 5)}, {Stage::lost, d(2023, 4, 2)}};
  x.opportunities = {o, o2};
  x.bids = {{500, 400, d(2023, 2, 1), 300000, BidResult::won, d(2023, 3, 1)},
            {501, 400, d(2023, 2, 2), 1, BidResult::pending, std::nullopt}};
  Contract c;
  c.id = 600;
  c.code = "HT-600";
  c.customer = 100;
  c.rep = 10;
  c.opportunity = 400;
  c.signed_date = d(2023, 3, 20);
  c.amount = 300000;
  c.lines = {{200, 2, 200000, 120000}, {200, 1, 100000, 60000}};
  c.plan = {{d(2023, 4, 20), 100000}, {d(2023, 6, 20), 200000}};
  Contract c2 = c;
  c2.id = 601;
  c2.code = "HT-601";
  c2.opportunity = 0;
  c2.plan = {};
  c2.lines = {{200, 3, 300000, 180000}};
  x.contracts = {c, c2};
  x.payments = {{700, 600, d(2023, 4, 25), 100000}};
  x.targets = {{Month::of(2023, 3), TargetMetric::sales, OwnerKind::rep, 10, 250000},
               {Month::of(2023, 3), TargetMetric::sales, OwnerKind::company, 0, 900000}};
  x.forecasts = {{800, Month::of(2023, 3), 10, 280000, 1677600000}};
  x.finance_months = {{Month::of(2023, 3), 300000, 180000, 20000, 10000, 500, -300}};
  x.activities = {{900, 10, 100, d(2023, 1, 10), ActivityType::demo}, {901, 10, 0, d(2023, 1, 11), ActivityType::call}};
  x.meeting_series = {{1000, "华东周会", "weekly", "region", 2}};
  Meeting m;
  m.id = 1100;
  m.series = 1000;
  m.date = d(2023, 3, 6);
  m.agenda = "回款";
  m.minutes = "纪要";
  m.status = MeetingStatus::closed;
  x.meetings = {m};
  Resolution r;
  r.id = 1200;
  r.meeting = 1100;
  r.title = "提升回款";
  r.description = "说明";
  r.expected = "回款率90%";
  r.goal_metric = "collection_rate";
  r.goal_scope = "region:2";
  r.goal_comparator = ">=";
  r.goal_value = 0.9;
  r.due_date = d(2023, 4, 30);
  r.status = ResolutionStatus::done;
  r.closed_date = d(2023, 4, 28);
  x.resolutions = {r};
  x.action_items = {{1300, 1200, "催款", 0, d(2023, 4, 15), ActionStatus::done, d(2023, 4, 14)},
                    {1301, 1200, "拜访", 0, d(2023, 4, 20), ActionStatus::todo, std::nullopt}};
  return x;
}

// What small_dataset() reads back as (load_dataset): every field that can go wrong.
inline void expect_small_dataset(const Dataset& out) {
  ASSERT_EQ(out.regions.size(), 3u);
  EXPECT_EQ(out.regions[0].parent, 0);
  EXPECT_EQ(out.regions[2].name, "上海");
  ASSERT_EQ(out.reps.size(), 2u);
  EXPECT_EQ(out.reps[0].manager, 11);
  EXPECT_FALSE(out.reps[0].leave_date);
  EXPECT_EQ(out.reps[1].leave_date, d(2024, 6, 30));
  EXPECT_EQ(out.customers[1].owner_rep, 0);
  EXPECT_EQ(out.customers[1].lost_reason, "价格");
  EXPECT_EQ(out.customers[1].size, CustomerSize::small);
  EXPECT_EQ(out.products[0].unit_cost, 60000);
  EXPECT_EQ(out.competitor_products[0].competitor, 300);
  EXPECT_EQ(out.market_stats[0].month, Month::of(2023, 1));
  EXPECT_EQ(out.market_stats[0].market_size, 5000000);
  EXPECT_EQ(out.competitor_sales[0].amount, 120000);
  ASSERT_EQ(out.opportunities.size(), 2u);
  ASSERT_EQ(out.opportunities[0].history.size(), 3u);
  EXPECT_EQ(out.opportunities[0].history[1].stage, Stage::bidding);
  EXPECT_EQ(out.opportunities[0].history[2].date, d(2023, 3, 20));
  EXPECT_EQ(out.opportunities[1].lost_reason, "价格");
  EXPECT_EQ(out.opportunities[1].closed, d(2023, 4, 2));
  EXPECT_EQ(out.bids[0].result, BidResult::won);
  EXPECT_FALSE(out.bids[1].result_date);
  ASSERT_EQ(out.contracts.size(), 2u);
  EXPECT_EQ(out.contracts[0].lines.size(), 2u);
  EXPECT_EQ(out.contracts[0].lines[1].amount, 100000);
  EXPECT_EQ(out.contracts[0].plan[1].due_date, d(2023, 6, 20));
  EXPECT_EQ(out.contracts[1].opportunity, 0);
  EXPECT_TRUE(out.contracts[1].plan.empty());
  EXPECT_EQ(out.payments[0].contract, 600);
  ASSERT_EQ(out.targets.size(), 2u);
  EXPECT_EQ(out.targets[1].owner_kind, OwnerKind::company);
  EXPECT_EQ(out.forecasts[0].submitted_at, 1677600000);
  EXPECT_EQ(out.finance_months[0].other_income, -300);
  EXPECT_EQ(out.activities[1].customer, 0);
  EXPECT_EQ(out.activities[0].type, ActivityType::demo);
  EXPECT_EQ(out.meeting_series[0].region, 2);
  EXPECT_EQ(out.meetings[0].chair, 0);
  EXPECT_EQ(out.meetings[0].minutes, "纪要");
  EXPECT_EQ(out.meetings[0].status, MeetingStatus::closed);
  EXPECT_EQ(out.resolutions[0].status, ResolutionStatus::done);
  EXPECT_DOUBLE_EQ(out.resolutions[0].goal_value, 0.9);
  EXPECT_EQ(out.resolutions[0].closed_date, d(2023, 4, 28));
  EXPECT_EQ(out.action_items[1].status, ActionStatus::todo);
  EXPECT_FALSE(out.action_items[1].done_date);
}

}  // namespace sl::store::testing
