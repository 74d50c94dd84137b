#include "jobs/scheduler.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>

using namespace std::chrono_literals;

TEST(Scheduler, RunsAtStartRepeatsAndSurvivesErrors) {
  std::atomic<int> runs{0};
  std::atomic<int> errors{0};
  {
    sl::jobs::Scheduler s(
        [&] {
          if (++runs == 2) throw std::runtime_error("boom");
        },
        5ms, [&](const std::string&) { ++errors; });
    for (int i = 0; i < 400 && runs < 4; ++i) std::this_thread::sleep_for(5ms);
  }
  EXPECT_GE(runs.load(), 4);
  EXPECT_EQ(errors.load(), 1);
}

TEST(Scheduler, StopsPromptlyDuringALongPeriod) {
  std::atomic<int> runs{0};
  auto t0 = std::chrono::steady_clock::now();
  {
    sl::jobs::Scheduler s([&] { ++runs; }, 1h, nullptr);
    for (int i = 0; i < 400 && runs < 1; ++i) std::this_thread::sleep_for(5ms);
  }
  EXPECT_EQ(runs.load(), 1);  // the tick at start, then the destructor ends the wait
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 5s);
}

TEST(Scheduler, WakeRunsTheNextTickNow) {
  std::atomic<int> runs{0};
  sl::jobs::Scheduler s([&] { ++runs; }, 1h, nullptr);
  for (int i = 0; i < 400 && runs < 1; ++i) std::this_thread::sleep_for(5ms);
  ASSERT_EQ(runs.load(), 1);
  s.wake();
  for (int i = 0; i < 400 && runs < 2; ++i) std::this_thread::sleep_for(5ms);
  EXPECT_EQ(runs.load(), 2);  // not an hour later
}
