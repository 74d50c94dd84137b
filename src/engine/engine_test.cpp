#include <gtest/gtest.h>

#include "engine/aggregate.h"
#include "engine/scope.h"
#include "engine/snapshot.h"

using namespace sl;
using namespace sl::engine;

namespace {
Date D(const char* s) { return *parse_date(s); }

// 公司(1) → 华北(2) → 北京(3), 天津(4); 公司(1) → 西南(5)
Dims dims() {
  return build_dims({{1, "公司", 0, 0}, {2, "华北", 1, 1}, {3, "北京", 2, 2}, {4, "天津", 2, 2}, {5, "西南", 1, 1}},
                    {{7, "甲", 3, 0, D("2020-01-01"), std::nullopt},
                     {8, "乙", 4, 0, D("2020-01-01"), std::nullopt},
                     {9, "丙", 5, 0, D("2020-01-01"), D("2024-02-15")}});
}
}  // namespace

TEST(FactTable, PeriodIsARowRange) {
  auto t = build_facts({{D("2024-03-02").days, 0, 0, 0, 5},
                        {D("2024-03-01").days, 1, 0, 0, 7},
                        {D("2024-04-01").days, 0, 0, 0, 11},
                        {D("2024-02-29").days, 2, 0, 0, 13}});
  // Sorted: 02-29, 03-01, 03-02, 04-01.
  auto r = t.range(D("2024-03-01"), D("2024-03-31"));
  EXPECT_EQ(r.begin, 1u);
  EXPECT_EQ(r.end, 3u);
  EXPECT_EQ(t.amount[1], 7);
  auto none = t.range(D("2025-01-01"), D("2025-12-31"));
  EXPECT_EQ(none.begin, none.end);
  auto inverted = t.range(D("2024-04-01"), D("2024-03-01"));
  EXPECT_EQ(inverted.begin, inverted.end);
}

TEST(Scope, RegionSubtreeAndRollUp) {
  Dims d = dims();
  Scope north = scope_region(d, d.find_region(2));
  EXPECT_TRUE(north.sees_region(d.find_region(3)));
  EXPECT_FALSE(north.sees_region(d.find_region(5)));
  EXPECT_FALSE(north.sees_region(d.find_region(1)));
  EXPECT_TRUE(north.sees_rep(d.find_rep(8)));
  EXPECT_FALSE(north.sees_rep(d.find_rep(9)));
  EXPECT_EQ(d.region_top[d.find_region(4)], d.find_region(2));

  auto t = build_facts({{10, d.find_rep(7), 0, 0, 100}, {11, d.find_rep(8), 0, 0, 20}, {12, d.find_rep(9), 0, 0, 3}});
  auto by_rep = sum_by_rep(t, north, Date{0}, Date{100});
  EXPECT_EQ(by_rep[d.find_rep(9)], 0);  // outside the scope: not summed
  auto by_region = roll_up_regions(d, by_rep);
  EXPECT_EQ(by_region[d.find_region(2)], 120);
  EXPECT_EQ(by_region[d.find_region(1)], 120);
  auto everything = roll_up_regions(d, sum_by_rep(t, scope_all(d), Date{0}, Date{100}));
  EXPECT_EQ(everything[d.find_region(1)], 123);
  EXPECT_EQ(everything[d.find_region(5)], 3);
}

TEST(Dims, RepActivity) {
  Dims d = dims();
  int32_t bing = d.find_rep(9);
  EXPECT_TRUE(d.rep_active(bing, D("2024-02-01"), D("2024-02-29")));
  EXPECT_FALSE(d.rep_active(bing, D("2024-03-01"), D("2024-03-31")));
  EXPECT_FALSE(d.rep_active(d.find_rep(7), D("2019-01-01"), D("2019-12-31")));
}

TEST(TargetCube, SumsSetMonthsAndTellsUnsetFromZero) {
  Dims d = dims();
  using model::OwnerKind;
  using model::TargetMetric;
  TargetCube c(d, {{Month::of(2024, 1), TargetMetric::sales, OwnerKind::rep, 7, 10},
                   {Month::of(2024, 3), TargetMetric::sales, OwnerKind::rep, 7, 0},
                   {Month::of(2024, 2), TargetMetric::sales, OwnerKind::region, 2, 50}});
  EXPECT_EQ(*c.sum(TargetMetric::sales, c.rep_slot(d.find_rep(7)), Month::of(2024, 1), Month::of(2024, 3)), 10);
  EXPECT_EQ(*c.sum(TargetMetric::sales, c.rep_slot(d.find_rep(7)), Month::of(2024, 3), Month::of(2024, 3)), 0);
  EXPECT_FALSE(c.sum(TargetMetric::sales, c.rep_slot(d.find_rep(8)), Month::of(2024, 1), Month::of(2024, 12)));
  EXPECT_FALSE(c.sum(TargetMetric::collection, c.rep_slot(d.find_rep(7)), Month::of(2024, 1), Month::of(2024, 3)));
  EXPECT_EQ(*c.sum(TargetMetric::sales, c.region_slot(d.find_region(2)), Month::of(2023, 1), Month::of(2025, 1)), 50);
}

TEST(Snapshot, WonBidsAndFirstContracts) {
  model::Dataset d;
  d.regions = {{1, "公司", 0, 0}, {2, "华北", 1, 1}};
  d.reps = {{7, "甲", 2, 0, D("2020-01-01"), std::nullopt}, {8, "乙", 2, 0, D("2020-01-01"), std::nullopt}};
  d.customers = {{1, "C1", "一", "制造", model::CustomerSize::large, 2, 7, D("2020-01-01"), ""},
                 {2, "C2", "二", "能源", model::CustomerSize::small, 2, 8, D("2020-01-01"), ""}};
  auto contract = [](Id id, Id customer, Id rep, const char* date, Money amount) {
    model::Contract c;
    c.id = id;
    c.customer = customer;
    c.rep = rep;
    c.signed_date = D(date);
    c.amount = amount;
    return c;
  };
  // Customer 1 first buys on 2024-03-05 (contract 11, not the later-listed 10);
  // customer 2 buys twice on 2024-04-01: the lower id (12) is its first contract.
  d.contracts = {contract(10, 1, 7, "2024-05-01", 100), contract(11, 1, 8, "2024-03-05", 50),
                 contract(13, 2, 8, "2024-04-01", 70), contract(12, 2, 7, "2024-04-01", 30)};
  model::Opportunity o;
  o.id = 5;
  o.customer = 1;
  o.rep = 8;
  d.opportunities = {o};
  d.bids = {{1, 5, D("2024-02-01"), 900, model::BidResult::won, D("2024-02-10")},
            {2, 5, D("2024-02-01"), 800, model::BidResult::lost, D("2024-02-10")},
            {3, 5, D("2024-02-01"), 700, model::BidResult::pending, std::nullopt}};
  auto s = build_snapshot(d, 1);
  const auto& won = s->facts->bids_won;
  ASSERT_EQ(won.size(), 1u);
  EXPECT_EQ(won.amount[0], 900);
  EXPECT_EQ(won.rep[0], s->dims->find_rep(8));
  const auto& first = s->facts->first_contracts;
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(format_date(Date{first.day[0]}), "2024-03-05");
  EXPECT_EQ(first.amount[0], 50);
  EXPECT_EQ(first.rep[0], s->dims->find_rep(8));
  EXPECT_EQ(format_date(Date{first.day[1]}), "2024-04-01");
  EXPECT_EQ(first.amount[1], 30);
}

TEST(Snapshot, RecordsForTheDoDashboards) {
  model::Dataset d;
  d.regions = {{1, "公司", 0, 0}, {2, "华北", 1, 1}};
  d.reps = {{7, "甲", 2, 0, D("2020-01-01"), std::nullopt}, {8, "乙", 2, 0, D("2020-01-01"), std::nullopt}};
  d.customers = {{5, "C5", "五", "能源", model::CustomerSize::small, 2, 8, D("2020-01-01"), ""},
                 {1, "C1", "一", "制造", model::CustomerSize::large, 2, 7, D("2020-01-01"), ""}};
  d.products = {{1, "P1", "产品", "软件", D("2020-01-01"), 0, 0}};
  model::Opportunity o;
  o.id = 3;
  o.customer = 1;
  o.rep = 7;
  o.category = "软件";
  o.amount = 500;
  o.created = D("2024-01-10");
  o.expected_close = D("2024-03-31");
  o.stage = model::Stage::won;
  o.closed = D("2024-03-01");
  o.history = {{model::Stage::lead, D("2024-01-10")},
               {model::Stage::proposal, D("2024-02-01")},
               {model::Stage::won, D("2024-03-01")}};
  d.opportunities = {o};
  d.bids = {{1, 3, D("2024-02-20"), 450, model::BidResult::won, D("2024-02-25")}};
  model::Contract c;
  c.id = 9;
  c.customer = 1;
  c.rep = 7;
  c.signed_date = D("2024-03-01");
  c.amount = 450;
  c.plan = {{D("2024-05-01"), 150}, {D("2024-04-01"), 300}};  // out of order on purpose
  d.contracts = {c};
  d.payments = {{2, 9, D("2024-04-20"), 100}, {1, 9, D("2024-04-02"), 200}};
  d.forecasts = {
      {1, Month::of(2024, 4), 8, 90, 300}, {2, Month::of(2024, 4), 7, 80, 200}, {3, Month::of(2024, 4), 7, 70, 100}};
  d.activities = {{1, 7, 1, D("2024-03-02"), model::ActivityType::demo},
                  {2, 8, 5, D("2024-03-01"), model::ActivityType::call}};
  auto s = build_snapshot(d, 1);
  const auto& f = *s->facts;

  // Customers keep input order (index 0 is customer 5), industries get codes in first-seen order.
  ASSERT_EQ(f.customers.size_count(), 2u);
  EXPECT_EQ(f.customers.industries[f.customers.industry[0]], "能源");
  EXPECT_EQ(f.customers.owner[1], s->dims->find_rep(7));

  // The stage on a date is the last history event on or before it.
  const auto& op = f.opportunities;
  ASSERT_EQ(op.size(), 1u);
  EXPECT_EQ(op.stage_at(0, D("2024-01-09")), kNone);
  EXPECT_EQ(op.stage_at(0, D("2024-01-31")), (int)model::Stage::lead);
  EXPECT_EQ(op.stage_at(0, D("2024-02-29")), (int)model::Stage::proposal);
  EXPECT_TRUE(op.open_at(0, D("2024-02-29")));
  EXPECT_FALSE(op.open_at(0, D("2024-03-01")));
  EXPECT_EQ(op.customer[0], 1);  // customer 1 is index 1

  // Won bids carry the opportunity's customer and category.
  ASSERT_EQ(f.bids_won.size(), 1u);
  EXPECT_EQ(f.bids_won.customer[0], 1);
  EXPECT_EQ(f.categories[f.bids_won.category[0]], "软件");

  // Plan by due date, payments by date.
  const auto& ct = f.contracts;
  ASSERT_EQ(ct.size(), 1u);
  ASSERT_EQ(ct.plan_begin[1], 2u);
  EXPECT_EQ(ct.plan_amount[0], 300);
  EXPECT_EQ(format_date(Date{ct.plan_due[1]}), "2024-05-01");
  EXPECT_EQ(ct.pay_amount[0], 200);
  EXPECT_EQ(ct.pay_amount[1], 100);

  // Forecasts by (rep, month, submitted_at): rep 7's two submissions first, oldest first.
  ASSERT_EQ(f.forecasts.size(), 3u);
  EXPECT_EQ(f.forecasts.value[0], 70);
  EXPECT_EQ(f.forecasts.value[1], 80);
  EXPECT_EQ(f.forecasts.rep[2], s->dims->find_rep(8));

  // Activities by date, typed by category.
  ASSERT_EQ(f.activities.size(), 2u);
  EXPECT_EQ(f.activities.category[0], (int)model::ActivityType::call);
  EXPECT_EQ(f.activities.category[1], (int)model::ActivityType::demo);
}
