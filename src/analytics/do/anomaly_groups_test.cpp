// D2's anomaly groups on a hand-made flat list; every expected value is worked out in the comments.
#include "analytics/do/anomaly_groups.h"

#include <gtest/gtest.h>

using namespace sl;
using namespace sl::analytics;

namespace {
Anomaly make(const char* unit, Id id, const char* name, DoMetric metric, int month, std::vector<std::string> rules,
             const char* severity, Money value) {
  Anomaly a;
  a.unit = unit;
  a.id = id;
  a.name = name;
  a.metric = metric;
  a.month = Month::of(2026, month);
  a.rules = std::move(rules);
  a.severity = severity;
  a.value = value;
  return a;
}

// The fixture, in the detector's order (severity, then the most recent month); the stake of each:
std::vector<Anomaly> fixture() {
  std::vector<Anomaly> v;
  // 0. region 2 sales March, yoy + completion: |6000 − 5000| = 1000 vs |10000 × 1.0 − 5000| = 5000 → 5000.
  v.push_back(make("region", 2, "华东", DoMetric::sales, 3, {"yoy", "completion"}, "high", 5000));
  v.back().last_year = 6000;
  v.back().target = 10000;
  v.back().time_progress = 1.0;
  v.back().completion = 0.5;
  // 1. rep 7 sales March, yoy: |1000 − 300| = 700.
  v.push_back(make("rep", 7, "张三", DoMetric::sales, 3, {"yoy"}, "high", 300));
  v.back().last_year = 1000;
  // 2. rep 11 sales January, yoy to nothing: 400.
  v.push_back(make("rep", 11, "王五", DoMetric::sales, 1, {"yoy"}, "high", 0));
  v.back().last_year = 400;
  // 3. rep 13 collections January, z: |100 − 500| = 400 (ties with rep 11: same stake, same count).
  v.push_back(make("rep", 13, "赵六", DoMetric::collection, 1, {"z"}, "high", 100));
  v.back().median = 500;
  // 4. rep 9 bids won May, completion: pace 10 × 0.5 = 5 bids, 3 won → 2 missing × 900 / 3 = 600.
  v.push_back(make("rep", 9, "李四", DoMetric::bids_won, 5, {"completion"}, "medium", 900));
  v.back().count = 3;
  v.back().target = 10;
  v.back().time_progress = 0.5;
  v.back().completion = 0.3;
  // 5. rep 7 collections April, z below the median: |50 − 250.4 → 250| = 200.
  v.push_back(make("rep", 7, "张三", DoMetric::collection, 4, {"z"}, "medium", 50));
  v.back().median = 250.4;
  // 6. rep 9 sales February, z above the median (a spike): |2000 − 500| = 1500.
  v.push_back(make("rep", 9, "李四", DoMetric::sales, 2, {"z"}, "medium", 2000));
  v.back().median = 500;
  // 7. rep 12 bids won March, completion with no bid won: no mean bid to value the gap → 0.
  v.push_back(make("rep", 12, "钱七", DoMetric::bids_won, 3, {"completion"}, "medium", 0));
  v.back().count = 0;
  v.back().target = 4;
  v.back().time_progress = 1.0;
  v.back().completion = 0;
  return v;
}
}  // namespace

TEST(AnomalyStake, LargestGapOfTheRulesThatFired) {
  auto v = fixture();
  std::vector<Money> want = {5000, 700, 400, 400, 600, 200, 1500, 0};
  for (size_t i = 0; i < v.size(); ++i) EXPECT_EQ(amount_at_stake(v[i]), want[i]) << i;
  EXPECT_EQ(*pace_target(v[4]), 5);  // 10 bids × 0.5
  EXPECT_EQ(*pace_target(v[0]), 10000);
  EXPECT_FALSE(pace_target(v[1]));  // no target
  // A rule that did not fire does not count: the same figures with only yoy → 1000.
  Anomaly yoy_only = v[0];
  yoy_only.rules = {"yoy"};
  EXPECT_EQ(amount_at_stake(yoy_only), 1000);
}

TEST(AnomalyGroups, OneGroupPerUnitRankedBySeverityThenStake) {
  auto v = fixture();
  auto g = group_anomalies(v);
  // High groups: region 2 (5000), rep 7 (700 + 200 = 900), rep 11 (400), rep 13 (400; id after 11);
  // then medium: rep 9 (600 + 1500 = 2100), rep 12 (0). Rep 9 has the larger stake than rep 7
  // but only medium anomalies.
  ASSERT_EQ(g.size(), 6u);
  std::vector<std::pair<std::string, Id>> order;
  for (const auto& x : g) order.emplace_back(x.unit, x.id);
  std::vector<std::pair<std::string, Id>> want = {{"region", 2}, {"rep", 7}, {"rep", 11},
                                                  {"rep", 13},   {"rep", 9}, {"rep", 12}};
  EXPECT_EQ(order, want);
  EXPECT_EQ(g[0].at_stake, 5000);
  EXPECT_EQ(g[1].at_stake, 900);
  EXPECT_EQ(g[4].at_stake, 2100);
  EXPECT_EQ(g[5].at_stake, 0);
  // Rep 7: worst severity high, one high and one medium, both rules, both metrics, both months.
  EXPECT_EQ(g[1].severity, "high");
  EXPECT_EQ(g[1].name, "张三");
  EXPECT_EQ(g[1].high, 1u);
  EXPECT_EQ(g[1].medium, 1u);
  EXPECT_EQ(g[1].rules, (std::vector<std::string>{"yoy", "z"}));
  EXPECT_EQ(g[1].metrics, (std::vector<DoMetric>{DoMetric::sales, DoMetric::collection}));
  EXPECT_EQ(g[1].months, (std::vector<Month>{Month::of(2026, 3), Month::of(2026, 4)}));
  EXPECT_EQ(g[1].anomalies, (std::vector<size_t>{1, 5}));
  // Rep 9: medium; its rules in the fixed order (completion came first in the list); inside, the
  // larger stake first: the February spike (1500) before the May bids (600).
  EXPECT_EQ(g[4].severity, "medium");
  EXPECT_EQ(g[4].rules, (std::vector<std::string>{"z", "completion"}));
  EXPECT_EQ(g[4].metrics, (std::vector<DoMetric>{DoMetric::bids_won, DoMetric::sales}));
  EXPECT_EQ(g[4].anomalies, (std::vector<size_t>{6, 4}));
  // Every anomaly in exactly one group.
  std::vector<int> seen(v.size(), 0);
  for (const auto& x : g)
    for (size_t i : x.anomalies) seen[i]++;
  EXPECT_EQ(seen, std::vector<int>(v.size(), 1));
}

TEST(AnomalyGroups, HighInsideAGroupComesFirstWhateverTheStake) {
  // One rep: a medium anomaly at stake 900 listed before a high one at stake 10.
  std::vector<Anomaly> v;
  v.push_back(make("rep", 3, "甲", DoMetric::sales, 6, {"yoy"}, "medium", 100));
  v.back().last_year = 1000;
  v.push_back(make("rep", 3, "甲", DoMetric::sales, 5, {"yoy"}, "high", 0));
  v.back().last_year = 10;
  auto g = group_anomalies(v);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].severity, "high");
  EXPECT_EQ(g[0].at_stake, 910);
  EXPECT_EQ(g[0].anomalies, (std::vector<size_t>{1, 0}));
  EXPECT_TRUE(group_anomalies({}).empty());
}
