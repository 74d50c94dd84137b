#include "auth/throttle.h"

#include <gtest/gtest.h>

namespace sl::auth {
namespace {

TEST(Throttle, LocksAfterFiveAndReleasesAfterWindow) {
  Throttle t;  // 5 failures, 15 min = 900 s
  for (int i = 0; i < 4; ++i) t.fail("k", 1000 + i);
  EXPECT_EQ(t.locked_for("k", 1004), 0);
  t.fail("k", 1004);  // fifth failure at t=1004 locks until 1004+900 = 1904
  EXPECT_EQ(t.locked_for("k", 1004), 900);
  EXPECT_EQ(t.locked_for("k", 1903), 1);
  EXPECT_EQ(t.locked_for("k", 1904), 0);
  EXPECT_EQ(t.locked_for("other", 1004), 0);
}

TEST(Throttle, FailuresSpreadBeyondWindowDoNotLock) {
  Throttle t;
  for (int i = 0; i < 4; ++i) t.fail("k", 0 + i);
  t.fail("k", 900);  // the run that began at 0 is over; this starts a new run of 1
  EXPECT_EQ(t.locked_for("k", 900), 0);
}

TEST(Throttle, ResetClears) {
  Throttle t;
  for (int i = 0; i < 4; ++i) t.fail("k", 10);
  t.reset("k");
  t.fail("k", 11);
  EXPECT_EQ(t.locked_for("k", 11), 0);
}

TEST(Throttle, BoundedButKeepsLockouts) {
  Throttle t(5, 900, 3);
  for (int i = 0; i < 5; ++i) t.fail("locked", 0);
  for (int k = 0; k < 100; ++k) t.fail("spray" + std::to_string(k), 1);
  EXPECT_EQ(t.locked_for("locked", 1), 899);
}

}  // namespace
}  // namespace sl::auth
