#include "jobs/schedule.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <sstream>

#include "core/error.h"

namespace sl::jobs {

namespace {

AppError bad(const std::string& text, const std::string& why_zh, const std::string& why_en) {
  return invalid_field("schedule", "推送时间无效（" + why_zh + "）：" + text,
                       "The schedule is not valid (" + why_en + "): " + text);
}

std::vector<std::string> words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) {
    for (auto& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    out.push_back(w);
  }
  return out;
}

const char* const kDays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

// A whole number, or a name of the field (names[i] = base + i); -1 when neither.
int value_of(const std::string& s, const char* const* names, int count, int base) {
  if (!s.empty() && s.size() <= 3 && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(c); }))
    return std::stoi(s);
  for (int i = 0; i < count && names; ++i)
    if (s == names[i]) return base + i;
  return -1;
}

// One cron field into the bits [lo, hi]; false on anything else.
template <size_t N>
bool read_field(const std::string& field, int lo, int hi, const char* const* names, int count, int base,
                std::bitset<N>& bits) {
  std::stringstream parts(field);
  for (std::string part; std::getline(parts, part, ',');) {
    int step = 1;
    if (auto slash = part.find('/'); slash != std::string::npos) {
      step = value_of(part.substr(slash + 1), nullptr, 0, 0);
      if (step < 1) return false;
      part = part.substr(0, slash);
    }
    int a = lo, b = hi;
    if (part != "*") {
      auto dash = part.find('-');
      a = value_of(part.substr(0, dash), names, count, base);
      b = dash == std::string::npos ? (step > 1 ? hi : a) : value_of(part.substr(dash + 1), names, count, base);
      if (a < lo || b > hi || a > b) return false;
    }
    for (int v = a; v <= b; v += step) bits.set(static_cast<size_t>(v));
  }
  return field.size() > 0 && field.back() != ',';
}

// Weekdays 0..7 (7 = Sunday again) into s.dows.
bool read_dows(const std::string& field, Schedule& s) {
  std::bitset<8> d;
  if (!read_field(field, 0, 7, kDays, 7, 0, d)) return false;
  s.dows.reset();
  for (size_t i = 0; i < 7; ++i) s.dows[i] = d[i];
  if (d[7]) s.dows.set(0);
  return true;
}

bool read_hhmm(const std::string& s, Schedule& out) {
  int h = -1, m = -1;
  char tail = 0;
  if (s.size() != 5 || std::sscanf(s.c_str(), "%2d:%2d%c", &h, &m, &tail) != 2) return false;
  if (h < 0 || h > 23 || m < 0 || m > 59) return false;
  out.hours.set(static_cast<size_t>(h));
  out.minutes.set(static_cast<size_t>(m));
  return true;
}

void all_days(Schedule& s) {
  for (int d = 1; d <= 31; ++d) s.doms.set(static_cast<size_t>(d));
  for (int m = 1; m <= 12; ++m) s.months.set(static_cast<size_t>(m));
  s.dows.set();
}

Schedule parse_preset(const std::vector<std::string>& w, const std::string& text) {
  Schedule s;
  all_days(s);
  const std::string& kind = w[0];
  const auto time_bad = [&] { return bad(text, "时间应为 HH:MM", "the time must be HH:MM"); };
  if (kind == "daily") {
    if (w.size() != 2 || !read_hhmm(w[1], s)) throw time_bad();
  } else if (kind == "weekly") {
    if (w.size() != 3 || !read_hhmm(w[2], s)) throw time_bad();
    if (!read_dows(w[1], s)) throw bad(text, "星期应为 mon…sun", "days must be mon…sun");
    s.dow_any = false;
  } else if (kind == "monthly") {
    const int n = w.size() == 3 ? value_of(w[1], nullptr, 0, 0) : -1;
    if (n < 1 || n > 31) throw bad(text, "日期应为 1 到 31", "the day must be 1 to 31");
    if (!read_hhmm(w[2], s)) throw time_bad();
    s.doms.reset();
    s.doms.set(static_cast<size_t>(n));
    s.dom_any = false;
    s.clamp_dom = n;
  } else {  // quarterly
    if (w.size() != 2 || !read_hhmm(w[1], s)) throw time_bad();
    s.doms.reset();
    s.doms.set(1);
    s.dom_any = false;
    s.months.reset();
    for (int m : {1, 4, 7, 10}) s.months.set(static_cast<size_t>(m));
  }
  return s;
}

bool day_matches(const Schedule& s, Date d) {
  const Ymd y = to_ymd(d);
  if (!s.months[static_cast<size_t>(y.month)]) return false;
  const int dow = ((d.days % 7) + 7 + 4) % 7;  // 1970-01-01 was a Thursday
  bool dom = s.doms[static_cast<size_t>(y.day)];
  if (s.clamp_dom > 0) {
    const int last = days_in_month(y.year, y.month);
    dom = y.day == std::min(s.clamp_dom, last);
  }
  const bool wd = s.dows[static_cast<size_t>(dow)];
  if (s.dom_any && s.dow_any) return true;
  if (s.dom_any) return wd;
  if (s.dow_any) return dom;
  return dom || wd;
}

}  // namespace

Schedule parse_schedule(const std::string& text) {
  const auto w = words(text);
  if (w.empty()) throw bad(text, "为空", "it is empty");
  if (w[0] == "daily" || w[0] == "weekly" || w[0] == "monthly" || w[0] == "quarterly") return parse_preset(w, text);
  if (w.size() != 5)
    throw bad(text, "应为预设或 5 段 cron 表达式", "expected a preset or a 5-field cron expression");
  Schedule s;
  const bool ok = read_field(w[0], 0, 59, nullptr, 0, 0, s.minutes) && read_field(w[1], 0, 23, nullptr, 0, 0, s.hours) &&
                  read_field(w[2], 1, 31, nullptr, 0, 0, s.doms) && read_field(w[3], 1, 12, kMonths, 12, 1, s.months) &&
                  read_dows(w[4], s);
  if (!ok) throw bad(text, "cron 字段超出范围或格式错误", "a cron field is out of range or malformed");
  s.dom_any = w[2] == "*";
  s.dow_any = w[4] == "*";
  return s;
}

std::vector<LocalTime> next_runs(const Schedule& s, LocalTime after, int n) {
  std::vector<LocalTime> out;
  for (Date d = after.day; static_cast<int>(out.size()) < n && d.days <= after.day.days + 8 * 366; d.days++) {
    if (!day_matches(s, d)) continue;
    for (int h = 0; h < 24 && static_cast<int>(out.size()) < n; ++h) {
      if (!s.hours[static_cast<size_t>(h)]) continue;
      for (int m = 0; m < 60 && static_cast<int>(out.size()) < n; ++m) {
        const LocalTime t{d, h * 60 + m};
        if (s.minutes[static_cast<size_t>(m)] && after < t) out.push_back(t);
      }
    }
  }
  return out;
}

LocalTime local_time(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  localtime_r(&t, &tm);
  return {from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), tm.tm_hour * 60 + tm.tm_min};
}

int64_t unix_time(LocalTime t) {
  const Ymd y = to_ymd(t.day);
  std::tm tm{};
  tm.tm_year = y.year - 1900;
  tm.tm_mon = y.month - 1;
  tm.tm_mday = y.day;
  tm.tm_hour = t.minute / 60;
  tm.tm_min = t.minute % 60;
  tm.tm_isdst = -1;
  return static_cast<int64_t>(std::mktime(&tm));
}

std::string format_local(LocalTime t) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", t.minute / 60, t.minute % 60);
  return format_date(t.day) + " " + buf;
}

}  // namespace sl::jobs
