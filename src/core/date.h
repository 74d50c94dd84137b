// Calendar dates as days since 1970-01-01, months and reporting periods.
// Everything here is pure: "today" is always passed in as an explicit as-of date.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sl {

struct Date {
  int32_t days = 0;  // days since 1970-01-01 (proleptic Gregorian)
  friend auto operator<=>(Date, Date) = default;
};

struct Ymd {
  int year, month, day;
};

Date from_ymd(int year, int month, int day);  // assumes a valid calendar date
Ymd to_ymd(Date d);
bool is_leap(int year);
int days_in_month(int year, int month);
bool valid_ymd(int year, int month, int day);

// Strict "YYYY-MM-DD"; nullopt on any other shape or an impossible date.
std::optional<Date> parse_date(std::string_view s);
std::string format_date(Date d);

// A calendar month, comparable and usable as a dense index (year*12 + month-1).
struct Month {
  int32_t index = 0;
  static Month of(int year, int month) { return Month{year * 12 + month - 1}; }
  static Month of(Date d);
  int year() const { return index / 12; }
  int month() const { return index % 12 + 1; }
  Date first_day() const;
  Date last_day() const;
  friend auto operator<=>(Month, Month) = default;
};
// Strict "YYYY-MM".
std::optional<Month> parse_month(std::string_view s);
std::string format_month(Month m);

enum class PeriodKind { month, quarter, year, custom };

// An inclusive date range with the kind it was named by.
struct Period {
  PeriodKind kind = PeriodKind::month;
  Date first, last;
  int days() const { return last.days - first.days + 1; }
  bool contains(Date d) const { return first <= d && d <= last; }
  std::string label() const;  // "2026-06", "2026-Q2", "2026", "2026-01-05..2026-02-01"
  // The same kind of period immediately before / one year earlier.
  Period previous() const;
  Period year_earlier() const;
};

Period month_period(Month m);
Period quarter_period(int year, int quarter);
Period year_period(int year);
// "2026-06", "2026-Q2" or "2026"; nullopt otherwise.
std::optional<Period> parse_period(std::string_view s);

// Days of p elapsed as of as_of, counting p.first through as_of inclusive; 0 before p, all after.
int elapsed_days(const Period& p, Date as_of);
// elapsed_days / days, in [0, 1].
double time_progress(const Period& p, Date as_of);

}  // namespace sl
