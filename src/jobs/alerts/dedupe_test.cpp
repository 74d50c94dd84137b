#include "jobs/alerts/dedupe.h"

#include <gtest/gtest.h>

namespace sl::jobs::alerts {
namespace {

using Alert = store::AlertStore::Alert;

Alert alert(Id id, const std::string& key, const std::string& state) {
  Alert a;
  a.id = id;
  a.key = key;
  a.state = state;
  return a;
}
Finding found(const std::string& key) { return Finding{key, -0.3, "", "", "", ""}; }

TEST(AlertDedupe, FirstBreachOpensOne) {
  const auto p = plan_alerts("threshold", {}, {found("region:3/2026-06")});
  ASSERT_EQ(p.open.size(), 1u);
  EXPECT_EQ(p.open[0].key, "region:3/2026-06");
  EXPECT_TRUE(p.close.empty());
}

TEST(AlertDedupe, StillBreachingOpensNothingMore) {
  const auto p = plan_alerts("threshold", {alert(1, "region:3/2026-06", "open")}, {found("region:3/2026-06")});
  EXPECT_TRUE(p.open.empty());
  EXPECT_TRUE(p.close.empty());
}

TEST(AlertDedupe, SameKeyTwiceInOneCheckOpensOnce) {
  const auto p = plan_alerts("threshold", {}, {found("k"), found("k")});
  EXPECT_EQ(p.open.size(), 1u);
}

TEST(AlertDedupe, ClearedBreachCloses) {
  const auto p = plan_alerts("threshold", {alert(1, "region:3/2026-06", "open")}, {});
  EXPECT_TRUE(p.open.empty());
  ASSERT_EQ(p.close.size(), 1u);
  EXPECT_EQ(p.close[0], 1);
}

TEST(AlertDedupe, BreachAfterClearOpensANewOne) {
  const auto p = plan_alerts("threshold", {alert(1, "k", "closed")}, {found("k")});
  ASSERT_EQ(p.open.size(), 1u);
  EXPECT_TRUE(p.close.empty());
}

TEST(AlertDedupe, NewPeriodClosesTheOldKeyAndOpensTheNew) {
  const auto p = plan_alerts("threshold", {alert(1, "region:3/2026-05", "open")}, {found("region:3/2026-06")});
  ASSERT_EQ(p.open.size(), 1u);
  EXPECT_EQ(p.open[0].key, "region:3/2026-06");
  ASSERT_EQ(p.close.size(), 1u);
  EXPECT_EQ(p.close[0], 1);
}

TEST(AlertDedupe, AnAnomalyAlertsOnceEver) {
  EXPECT_EQ(plan_alerts("anomaly", {}, {found("rep:7/sales/2026-05/yoy")}).open.size(), 1u);
  EXPECT_TRUE(plan_alerts("anomaly", {alert(1, "rep:7/sales/2026-05/yoy", "closed")}, {found("rep:7/sales/2026-05/yoy")})
                  .open.empty());
  const auto p = plan_alerts("anomaly", {alert(1, "a", "open")}, {found("b")});
  ASSERT_EQ(p.open.size(), 1u);
  EXPECT_EQ(p.open[0].key, "b");
  ASSERT_EQ(p.close.size(), 1u);  // a is no longer found
}

}  // namespace
}  // namespace sl::jobs::alerts
