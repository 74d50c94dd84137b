// When a subscription runs (issue 14): a preset or a 5-field cron expression, read once into
// sets of minutes, hours, days, months and weekdays, and the next run times after a moment.
// Times are wall-clock times in the server's time zone (a LocalTime); the zone is taken to
// have no daylight-saving shifts (Asia/Shanghai), so every wall-clock minute exists once.
//
// Presets:  "daily HH:MM"
//           "weekly mon,thu HH:MM"        (days by name, at least one)
//           "monthly N HH:MM"             (N = 1..31; in a month shorter than N: its last day)
//           "quarterly HH:MM"             (the 1st of January, April, July and October)
// Cron:     "m h dom mon dow" with *, lists, ranges, steps (*/15, 1-10/2) and names (jan, mon);
//           dow 0 or 7 = Sunday; when both dom and dow are restricted a day matching either runs
//           (as in Vixie cron).
#pragma once
#include <bitset>
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"

namespace sl::jobs {

struct LocalTime {
  Date day;
  int minute = 0;  // minute of the day, 0..1439
  friend auto operator<=>(const LocalTime&, const LocalTime&) = default;
};

struct Schedule {
  std::bitset<60> minutes;
  std::bitset<24> hours;
  std::bitset<32> doms;    // 1..31
  std::bitset<13> months;  // 1..12
  std::bitset<7> dows;     // 0 = Sunday
  bool dom_any = true, dow_any = true;
  int clamp_dom = 0;  // monthly N: in a month with fewer days, its last day runs instead
};

// Reads a preset or a cron expression; AppError 422 on field "schedule" (bilingual) otherwise.
Schedule parse_schedule(const std::string& text);

// The first `n` run times strictly after `after` (fewer only if none within eight years: Feb 29 recurs within that).
std::vector<LocalTime> next_runs(const Schedule& s, LocalTime after, int n);

// Unix seconds ↔ the server's wall clock (localtime_r / mktime).
LocalTime local_time(int64_t unix_seconds);
int64_t unix_time(LocalTime t);
std::string format_local(LocalTime t);  // "2026-06-15 08:30"

}  // namespace sl::jobs
