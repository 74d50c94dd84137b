#include "core/date.h"

#include <charconv>
#include <algorithm>
#include <cstdio>

namespace sl {

// Howard Hinnant's days_from_civil / civil_from_days.
Date from_ymd(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return Date{era * 146097 + static_cast<int>(doe) - 719468};
}

Ymd to_ymd(Date date) {
  int z = date.days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Ymd{y + (m <= 2), static_cast<int>(m), static_cast<int>(d)};
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool valid_ymd(int y, int m, int d) {
  return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

namespace {
bool parse_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc();
}
}  // namespace

std::optional<Date> parse_date(std::string_view s) {
  int y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!parse_int(s.substr(0, 4), y) || !parse_int(s.substr(5, 2), m) || !parse_int(s.substr(8, 2), d))
    return std::nullopt;
  if (!valid_ymd(y, m, d)) return std::nullopt;
  return from_ymd(y, m, d);
}

std::string format_date(Date d) {
  Ymd v = to_ymd(d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.year, v.month, v.day);
  return buf;
}

Month Month::of(Date d) {
  Ymd v = to_ymd(d);
  return Month::of(v.year, v.month);
}
Date Month::first_day() const { return from_ymd(year(), month(), 1); }
Date Month::last_day() const { return from_ymd(year(), month(), days_in_month(year(), month())); }

std::optional<Month> parse_month(std::string_view s) {
  int y, m;
  if (s.size() != 7 || s[4] != '-') return std::nullopt;
  if (!parse_int(s.substr(0, 4), y) || !parse_int(s.substr(5, 2), m)) return std::nullopt;
  if (!valid_ymd(y, m, 1)) return std::nullopt;
  return Month::of(y, m);
}

std::string format_month(Month m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", m.year(), m.month());
  return buf;
}

Period month_period(Month m) { return Period{PeriodKind::month, m.first_day(), m.last_day()}; }
Period quarter_period(int y, int q) {
  Month a = Month::of(y, (q - 1) * 3 + 1);
  return Period{PeriodKind::quarter, a.first_day(), Month{a.index + 2}.last_day()};
}
Period year_period(int y) { return Period{PeriodKind::year, from_ymd(y, 1, 1), from_ymd(y, 12, 31)}; }

std::optional<Period> parse_period(std::string_view s) {
  int y, q;
  if (s.size() == 4) {
    if (!parse_int(s, y) || !valid_ymd(y, 1, 1)) return std::nullopt;
    return year_period(y);
  }
  if (s.size() == 7 && s[4] == '-' && (s[5] == 'Q' || s[5] == 'q')) {
    if (!parse_int(s.substr(0, 4), y) || !parse_int(s.substr(6, 1), q) || q < 1 || q > 4 || !valid_ymd(y, 1, 1))
      return std::nullopt;
    return quarter_period(y, q);
  }
  if (auto m = parse_month(s)) return month_period(*m);
  return std::nullopt;
}

std::string Period::label() const {
  Ymd a = to_ymd(first);
  switch (kind) {
    case PeriodKind::month: return format_month(Month::of(first));
    case PeriodKind::quarter: return std::to_string(a.year) + "-Q" + std::to_string((a.month - 1) / 3 + 1);
    case PeriodKind::year: return std::to_string(a.year);
    case PeriodKind::custom: return format_date(first) + ".." + format_date(last);
  }
  return {};
}

Period Period::previous() const {
  Month m = Month::of(first);
  switch (kind) {
    case PeriodKind::month: return month_period(Month{m.index - 1});
    case PeriodKind::quarter: {
      Month p{m.index - 3};
      return quarter_period(p.year(), (p.month() - 1) / 3 + 1);
    }
    case PeriodKind::year: return year_period(m.year() - 1);
    case PeriodKind::custom: return Period{kind, Date{first.days - days()}, Date{first.days - 1}};
  }
  return *this;
}

Period Period::year_earlier() const {
  Month m = Month::of(first);
  switch (kind) {
    case PeriodKind::month: return month_period(Month{m.index - 12});
    case PeriodKind::quarter: return quarter_period(m.year() - 1, (m.month() - 1) / 3 + 1);
    case PeriodKind::year: return year_period(m.year() - 1);
    case PeriodKind::custom: {
      // Same calendar days a year earlier; 29 Feb maps to 28 Feb.
      auto shift = [](Date d) {
        Ymd v = to_ymd(d);
        int day = std::min(v.day, days_in_month(v.year - 1, v.month));
        return from_ymd(v.year - 1, v.month, day);
      };
      return Period{kind, shift(first), shift(last)};
    }
  }
  return *this;
}

int elapsed_days(const Period& p, Date as_of) {
  if (as_of < p.first) return 0;
  if (as_of >= p.last) return p.days();
  return as_of.days - p.first.days + 1;
}

double time_progress(const Period& p, Date as_of) { return static_cast<double>(elapsed_days(p, as_of)) / p.days(); }

}  // namespace sl
