// Expected run times are worked out by hand from a calendar (2026-06-15 is a Monday,
// 2028 is a leap year, 2027 is not).
#include "jobs/schedule.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

#include "core/error.h"

using sl::from_ymd;
using sl::jobs::LocalTime;

namespace {

LocalTime at(int y, int m, int d, int hh, int mm) { return {from_ymd(y, m, d), hh * 60 + mm}; }

std::vector<std::string> runs(const std::string& text, LocalTime after, int n = 5) {
  std::vector<std::string> out;
  for (const auto& t : sl::jobs::next_runs(sl::jobs::parse_schedule(text), after, n))
    out.push_back(sl::jobs::format_local(t));
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST(Schedule, MonthlyOn31stTakesTheLastDayOfShortMonths) {
  EXPECT_EQ(runs("monthly 31 09:00", at(2026, 1, 31, 9, 0)),
            (V{"2026-02-28 09:00", "2026-03-31 09:00", "2026-04-30 09:00", "2026-05-31 09:00", "2026-06-30 09:00"}));
}

TEST(Schedule, MonthlyOn29thInLeapAndCommonYears) {
  EXPECT_EQ(runs("monthly 29 08:00", at(2028, 1, 30, 0, 0), 2), (V{"2028-02-29 08:00", "2028-03-29 08:00"}));
  EXPECT_EQ(runs("monthly 29 08:00", at(2027, 1, 30, 0, 0), 2), (V{"2027-02-28 08:00", "2027-03-29 08:00"}));
}

TEST(Schedule, CronFeb29RunsOnlyInLeapYears) {
  EXPECT_EQ(runs("0 12 29 2 *", at(2026, 3, 1, 0, 0), 2), (V{"2028-02-29 12:00", "2032-02-29 12:00"}));
}

TEST(Schedule, WeeklyOnChosenDaysStrictlyAfter) {
  EXPECT_EQ(runs("weekly mon,thu 07:30", at(2026, 6, 15, 7, 30)),
            (V{"2026-06-18 07:30", "2026-06-22 07:30", "2026-06-25 07:30", "2026-06-29 07:30", "2026-07-02 07:30"}));
}

TEST(Schedule, QuarterlyAcrossTheYearEnd) {
  EXPECT_EQ(runs("quarterly 08:00", at(2026, 12, 15, 0, 0)),
            (V{"2027-01-01 08:00", "2027-04-01 08:00", "2027-07-01 08:00", "2027-10-01 08:00", "2028-01-01 08:00"}));
}

TEST(Schedule, DailyAcrossTheYearEnd) {
  EXPECT_EQ(runs("daily 23:59", at(2026, 12, 31, 23, 59), 2), (V{"2027-01-01 23:59", "2027-01-02 23:59"}));
}

TEST(Schedule, CronStepsRangesAndNames) {
  // Friday 2026-06-19 10:50: the next weekday slots are Monday's.
  EXPECT_EQ(runs("*/20 9-10 * * mon-fri", at(2026, 6, 19, 10, 50)),
            (V{"2026-06-22 09:00", "2026-06-22 09:20", "2026-06-22 09:40", "2026-06-22 10:00", "2026-06-22 10:20"}));
  EXPECT_EQ(runs("30 8 * jan,jul 7", at(2026, 6, 15, 0, 0), 2), (V{"2026-07-05 08:30", "2026-07-12 08:30"}));
}

TEST(Schedule, CronDomOrDowWhenBothAreRestricted) {
  EXPECT_EQ(runs("0 0 1,15 * sun", at(2026, 6, 1, 0, 0)),
            (V{"2026-06-07 00:00", "2026-06-14 00:00", "2026-06-15 00:00", "2026-06-21 00:00", "2026-06-28 00:00"}));
}

TEST(Schedule, BadSchedulesAre422OnTheScheduleField) {
  for (const char* bad : {"", "61 * * * *", "* * *", "*/0 * * * *", "1-2-3 * * * *", "0 0 32 * *", "0 0 * 13 *",
                          "0 0 * * 8", "daily 25:00", "daily 8:00", "weekly xyz 08:00", "monthly 32 08:00",
                          "quarterly", "hourly 08:00", "5-1 * * * *"}) {
    try {
      sl::jobs::parse_schedule(bad);
      ADD_FAILURE() << "accepted: " << bad;
    } catch (const sl::AppError& e) {
      EXPECT_EQ(e.status, 422) << bad;
      EXPECT_EQ(e.field, "schedule") << bad;
    }
  }
}

TEST(Schedule, WallClockOfTheServerZone) {
  setenv("TZ", "Asia/Shanghai", 1);
  tzset();
  EXPECT_EQ(sl::jobs::unix_time(at(2026, 6, 15, 8, 30)), 1781483400);  // python datetime, +08:00
  EXPECT_EQ(sl::jobs::format_local(sl::jobs::local_time(1781483400)), "2026-06-15 08:30");
}
