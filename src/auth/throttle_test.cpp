#include "auth/throttle.h"

#include <gtest/gtest.h>

#include "auth/fake_store_test_util.h"

namespace sl::auth {
namespace {

TEST(Throttle, DelaysDoubleAfterTheFreeFailuresUpToTheCap) {
  testing::FakeStore store;
  Throttle t(store, ThrottlePolicy{3, 100, 1000, 3600, 60});
  int64_t now = 10'000;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(t.wait("a", "ip", now), 0);
    t.fail("a", "ip", now);
  }
  // n failures → wait 2^(n-2) s after the last, capped at 60.
  const int64_t expected[] = {2, 4, 8, 16, 32, 60, 60, 60};
  for (int64_t want : expected) {
    EXPECT_EQ(t.wait("a", "ip", now), want);
    EXPECT_EQ(t.wait("a", "ip", now + want), 0);
    now += want;
    t.fail("a", "ip", now);
  }
  EXPECT_EQ(t.wait("b", "ip", now), 0);   // another login from the address
  EXPECT_EQ(t.wait("a", "ip2", now), 0);  // the login from another address
}

TEST(Throttle, FailuresLeaveTheWindow) {
  testing::FakeStore store;
  Throttle t(store, ThrottlePolicy{3, 5, 1000, 900, 300});
  for (int i = 0; i < 5; ++i) t.fail("a", "ip", 100 * i);  // 0 … 400: five → locked
  EXPECT_EQ(t.wait("a", "ip", 400), 900);
  EXPECT_EQ(t.wait("a", "ip", 1299), 1);
  // The lock lasts a window from the fifth failure, though the first four left the window.
  EXPECT_EQ(t.wait("a", "ip", 1300), 0);  // at 1300 only the failure at 400 is in it: free
  t.fail("a", "ip", 2000);                // recording forgets what left the window
  EXPECT_EQ(store.failures.size(), 2u);   // the pair's and the address's row of the new failure
}

TEST(Throttle, SucceedClearsThePairNotTheAddress) {
  testing::FakeStore store;
  Throttle t(store, ThrottlePolicy{1, 10, 2, 900, 300});
  t.fail("a", "ip", 0);
  t.fail("a", "ip", 0);
  EXPECT_GT(t.wait("a", "ip", 0), 0);
  t.succeed("a", "ip");
  EXPECT_EQ(t.wait("a", "ip2", 0), 0);
  EXPECT_EQ(t.wait("c", "ip", 0), 900);  // the address spent its budget of 2
}

}  // namespace
}  // namespace sl::auth
