#include "ingest/values.h"

#include <charconv>
#include <cmath>

#include "model/field_errors.h"

namespace sl::ingest {

namespace {

constexpr int64_t kMaxFen = (int64_t{1} << 53) - 1;  // what a JSON number keeps exactly in the web app

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

// The UTF-8 length of the space at the start of s (0 when none).
size_t space_at(std::string_view s) {
  if (s.empty()) return 0;
  const unsigned char c = s[0];
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  auto starts = [&](std::string_view p) { return s.substr(0, p.size()) == p; };
  if (starts("\u3000") || starts("\u200B") || starts("\uFEFF")) return 3;
  if (starts("\u00A0")) return 2;
  return 0;
}
// The UTF-8 length of the space at the end of s.
size_t space_before_end(std::string_view s) {
  for (size_t n : {size_t{1}, size_t{2}, size_t{3}})
    if (s.size() >= n && space_at(s.substr(s.size() - n)) == n) return n;
  return 0;
}

// A byte that may begin or end a space: ASCII white space, or a byte of the multi-byte ones.
bool may_be_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r') || c >= 0x80; }

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && may_be_space(s.front()))
    if (size_t n = space_at(s)) s.remove_prefix(n);
    else break;
  while (!s.empty() && may_be_space(s.back()))
    if (size_t n = space_before_end(s)) s.remove_suffix(n);
    else break;
  return s;
}

bool eat_prefix(std::string_view& s, std::string_view p) {
  if (s.substr(0, p.size()) != p) return false;
  s.remove_prefix(p.size());
  s = trim_view(s);
  return true;
}
bool eat_suffix(std::string_view& s, std::string_view p) {
  if (s.size() < p.size() || s.substr(s.size() - p.size()) != p) return false;
  s.remove_suffix(p.size());
  s = trim_view(s);
  return true;
}

// Digits with optional thousands separators: "1234", "1,234", "12,345,678"; commas only between
// groups of three, so "12,34" (a decimal comma elsewhere) is refused, not read as 1234.
bool grouped_digits(std::string_view s, std::string& digits) {
  digits.clear();
  if (s.find(',') == std::string_view::npos) {
    if (!all_digits(s)) return false;
    digits = s;
    return true;
  }
  size_t first = s.find(',');
  if (first == 0 || first > 3 || !all_digits(s.substr(0, first))) return false;
  digits = s.substr(0, first);
  for (size_t i = first; i < s.size(); i += 4) {
    if (s[i] != ',' || i + 4 > s.size() || !all_digits(s.substr(i + 1, 3))) return false;
    digits += s.substr(i + 1, 3);
  }
  return true;
}

// The cell's text, trimmed and with full-width forms made plain.
std::string normalized(std::string_view text) { return std::string(trim_view(to_halfwidth(trim_view(text)))); }

// A plain decimal: "-12", "0.125", "1.5e-3" (the last as XLSX numbers may read).
std::optional<double> plain_decimal(std::string_view s) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  std::string_view body = s.substr(!s.empty() && s[0] == '-');
  size_t e = body.find_first_of("eE");
  std::string_view mant = body.substr(0, e);
  size_t dot = mant.find('.');
  std::string_view ip = mant.substr(0, dot), fp = dot == std::string_view::npos ? "" : mant.substr(dot + 1);
  if ((ip.empty() && fp.empty()) || (!ip.empty() && !all_digits(ip)) || (!fp.empty() && !all_digits(fp))) return {};
  if (dot != std::string_view::npos && fp.empty() && ip.empty()) return {};
  if (e != std::string_view::npos) {
    std::string_view ex = body.substr(e + 1);
    if (!ex.empty() && (ex[0] == '-' || ex[0] == '+')) ex.remove_prefix(1);
    if (!all_digits(ex)) return {};
  }
  double v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v)) return {};
  return v;
}

// "YYYY", "M", "D" as numbers; false unless the shapes are right.
bool ymd_parts(std::string_view y, std::string_view m, std::string_view d, int& yy, int& mm, int& dd) {
  if (y.size() != 4 || m.empty() || m.size() > 2 || d.empty() || d.size() > 2) return false;
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return false;
  std::from_chars(y.data(), y.data() + y.size(), yy);
  std::from_chars(m.data(), m.data() + m.size(), mm);
  std::from_chars(d.data(), d.data() + d.size(), dd);
  return true;
}

// The date part alone: everything after a space or a 'T' must look like a time of day.
std::string_view without_time(std::string_view s) {
  size_t cut = s.find_first_of(" T");
  if (cut == std::string_view::npos) return s;
  std::string_view rest = trim_view(s.substr(cut + 1));
  if (rest.empty() || !is_digit(rest[0])) return s;  // not a time: the caller refuses the whole
  for (char c : rest)
    if (!is_digit(c) && c != ':' && c != '.' && c != '+' && c != '-' && c != 'Z') return s;
  return trim_view(s.substr(0, cut));
}

std::string_view cut_for_message(std::string_view text) {
  constexpr size_t kMax = 40;
  if (text.size() <= kMax) return text;
  size_t n = kMax;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // not mid-character
  return text.substr(0, n);
}

}  // namespace

std::string trim_text(std::string_view text) { return std::string(trim_view(text)); }
bool is_blank(std::string_view text) { return trim_view(text).empty(); }

std::string to_halfwidth(std::string_view s) {
  // Only U+3000 (E3 ..) and U+FFxx (EF ..) change: text without those bytes is copied whole.
  size_t first = 0;
  while (first < s.size() && static_cast<unsigned char>(s[first]) != 0xE3 && static_cast<unsigned char>(s[first]) != 0xEF)
    ++first;
  std::string out(s.substr(0, first));
  if (first == s.size()) return out;
  out.reserve(s.size());
  for (size_t i = first; i < s.size(); ++i) {
    const unsigned char c = s[i];
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80) {
      out += ' ';  // U+3000 ideographic space
      i += 2;
      continue;
    }
    if (c == 0xEF && i + 2 < s.size()) {
      const unsigned char c1 = s[i + 1], c2 = s[i + 2];
      // U+FF01..U+FF5E are EF BC 81..EF BC BF and EF BD 80..EF BD 9E; each is ASCII + 0xFEE0.
      unsigned cp = 0;
      if (c1 == 0xBC && c2 >= 0x81 && c2 <= 0xBF) cp = 0xFF00 + (c2 - 0x80);
      if (c1 == 0xBD && c2 >= 0x80 && c2 <= 0x9E) cp = 0xFF40 + (c2 - 0x80);
      if (cp) {
        out += static_cast<char>(cp - 0xFEE0);
        i += 2;
        continue;
      }
    }
    out += static_cast<char>(c);
  }
  return out;
}

std::string business_key(std::string_view text) { return normalized(text); }

std::string key_fold(std::string_view text) {
  std::string k = business_key(text);
  for (char& c : k)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return k;
}

std::optional<Date> excel_serial_date(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > 3'000'000) return std::nullopt;
  const int days = static_cast<int>(std::floor(serial));
  Date d;
  if (date1904) {
    d = Date{from_ymd(1904, 1, 1).days + days};
  } else {
    // Excel counts 1900 as a leap year (Lotus 1-2-3's bug): day 60 is 1900-02-29, which did not
    // exist, and every later day is one too high; day 0 is "1900-01-00".
    if (days == 0 || days == 60) return std::nullopt;
    d = Date{(days < 60 ? from_ymd(1899, 12, 31) : from_ymd(1899, 12, 30)).days + days};
  }
  if (d < from_ymd(1900, 1, 1) || d > from_ymd(9999, 12, 31)) return std::nullopt;
  return d;
}

Parsed<Date> parse_date_value(std::string_view text) {
  using P = Parsed<Date>;
  const std::string norm = normalized(text);
  if (norm.empty()) return P::fail(ValueError::empty);
  std::string_view s = without_time(norm);
  int y = 0, m = 0, d = 0;
  bool shaped = false;
  if (all_digits(s) && s.size() == 8) {
    shaped = ymd_parts(s.substr(0, 4), s.substr(4, 2), s.substr(6, 2), y, m, d);
  } else if (size_t dot = s.find('.'); all_digits(s.substr(0, dot)) && s.substr(0, dot).size() == 5 &&
                                       (dot == std::string_view::npos || all_digits(s.substr(dot + 1)))) {
    // An Excel serial as text: five digits (1927-05-18 to 2173-10-14), so that a year typed
    // alone ("2026") or a short number is refused instead of read as a day of 1905.
    auto v = plain_decimal(s);
    auto date = v ? excel_serial_date(*v) : std::nullopt;
    return date ? P{date} : P::fail(ValueError::invalid_date);
  } else if (size_t yp = s.find("年"); yp != std::string_view::npos) {
    std::string_view rest = s.substr(yp + 3);
    size_t mp = rest.find("月");
    if (mp != std::string_view::npos) {
      std::string_view day = rest.substr(mp + 3);
      if (day.size() >= 3 && (day.substr(day.size() - 3) == "日" || day.substr(day.size() - 3) == "号"))
        day.remove_suffix(3);
      shaped = ymd_parts(trim_view(s.substr(0, yp)), trim_view(rest.substr(0, mp)), trim_view(day), y, m, d);
    }
  } else if (size_t a = s.find_first_of("-/."); a != std::string_view::npos) {
    size_t b = s.find(s[a], a + 1);
    if (b != std::string_view::npos && s.find_first_of("-/.", b + 1) == std::string_view::npos)
      shaped = ymd_parts(s.substr(0, a), s.substr(a + 1, b - a - 1), s.substr(b + 1), y, m, d);
  }
  if (!shaped || !valid_ymd(y, m, d)) return P::fail(ValueError::invalid_date);
  return P{from_ymd(y, m, d)};
}

Parsed<Money> parse_money(std::string_view text) {
  using P = Parsed<Money>;
  const std::string norm = normalized(text);
  if (norm.empty()) return P::fail(ValueError::empty);
  std::string_view s = norm;
  bool neg = false;
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
    neg = true;
    s = trim_view(s.substr(1, s.size() - 2));
  }
  auto sign = [&] {
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
      if (s[0] == '-') {
        if (neg) return false;  // "(-12)" or "--12"
        neg = true;
      }
      s = trim_view(s.substr(1));
    }
    return true;
  };
  if (!sign()) return P::fail(ValueError::invalid_money);
  if (eat_prefix(s, "\u00A5") || eat_prefix(s, "\uFFE5") || eat_prefix(s, "RMB") || eat_prefix(s, "CNY"))
    if (!sign()) return P::fail(ValueError::invalid_money);
  int scale = 2;  // decimal places of 元 that make a fen
  if (eat_suffix(s, "万元") || eat_suffix(s, "万"))
    scale = 6;
  else
    eat_suffix(s, "元");
  size_t dot = s.find('.');
  std::string digits;
  if (!grouped_digits(s.substr(0, dot), digits) && !(dot == 0 && s.size() > 1))
    return P::fail(ValueError::invalid_money);
  std::string_view frac = dot == std::string_view::npos ? "" : s.substr(dot + 1);
  if (!frac.empty() && !all_digits(frac)) return P::fail(ValueError::invalid_money);
  while (!frac.empty() && frac.back() == '0') frac.remove_suffix(1);
  if (static_cast<int>(frac.size()) > scale) return P::fail(ValueError::too_many_decimals);
  std::string all = digits + std::string(frac) + std::string(scale - frac.size(), '0');
  size_t lead = all.find_first_not_of('0');
  if (lead == std::string::npos) return P{Money{0}};
  if (all.size() - lead > 16) return P::fail(ValueError::out_of_range);
  int64_t fen = 0;
  std::from_chars(all.data() + lead, all.data() + all.size(), fen);
  if (fen > kMaxFen) return P::fail(ValueError::out_of_range);
  return P{neg ? -fen : fen};
}

Parsed<double> parse_percent(std::string_view text) {
  using P = Parsed<double>;
  const std::string norm = normalized(text);
  if (norm.empty()) return P::fail(ValueError::empty);
  std::string_view s = norm;
  const bool percent = eat_suffix(s, "%");
  auto v = plain_decimal(s);
  if (!v) return P::fail(ValueError::invalid_percent);
  return P{percent ? *v / 100.0 : *v};
}

Parsed<int64_t> parse_integer(std::string_view text) {
  using P = Parsed<int64_t>;
  const std::string norm = normalized(text);
  if (norm.empty()) return P::fail(ValueError::empty);
  std::string_view s = norm;
  bool neg = false;
  if (s[0] == '-' || s[0] == '+') {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (size_t dot = s.find('.'); dot != std::string_view::npos) {  // "3.0", as a spreadsheet may write 3
    if (s.find_first_not_of('0', dot + 1) != std::string_view::npos) return P::fail(ValueError::invalid_integer);
    s = s.substr(0, dot);
  }
  std::string digits;
  if (!grouped_digits(s, digits)) return P::fail(ValueError::invalid_integer);
  if (neg) digits.insert(digits.begin(), '-');
  int64_t v = 0;
  auto r = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (r.ec == std::errc::result_out_of_range) return P::fail(ValueError::out_of_range);
  if (r.ec != std::errc() || r.ptr != digits.data() + digits.size()) return P::fail(ValueError::invalid_integer);
  return P{v};
}

Parsed<bool> parse_bool(std::string_view text) {
  using P = Parsed<bool>;
  std::string s = normalized(text);
  if (s.empty()) return P::fail(ValueError::empty);
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (std::string_view t : {"是", "真", "y", "yes", "true", "t", "1"})
    if (s == t) return P{true};
  for (std::string_view f : {"否", "假", "n", "no", "false", "f", "0"})
    if (s == f) return P{false};
  return P::fail(ValueError::invalid_bool);
}

const char* value_error_code(ValueError e) {
  switch (e) {
    case ValueError::none: return "none";
    case ValueError::empty: return "empty";
    case ValueError::invalid_date: return "invalid_date";
    case ValueError::invalid_money: return "invalid_money";
    case ValueError::too_many_decimals: return "too_many_decimals";
    case ValueError::invalid_percent: return "invalid_percent";
    case ValueError::invalid_integer: return "invalid_integer";
    case ValueError::invalid_bool: return "invalid_bool";
    case ValueError::out_of_range: return "out_of_range";
  }
  return "invalid";
}

AppError value_error(ValueError e, const std::string& field, std::string_view text) {
  if (e == ValueError::empty) return model::missing_value(field);
  const std::string v(cut_for_message(text));
  const std::string zh_v = "（“" + v + "”）", en_v = " (\"" + v + "\")";
  switch (e) {
    case ValueError::invalid_date:
      return invalid_field(
          field, "日期无法识别：" + field + zh_v + "，可写作 2026-06-15、2026/6/15、2026年6月15日 或 20260615",
          "Not a date: " + field + en_v + "; write 2026-06-15, 2026/6/15, 2026年6月15日 or 20260615");
    case ValueError::invalid_money:
      return invalid_field(field, "金额无法识别：" + field + zh_v + "，可写作 1,234.56、¥1234.56 或 12.5万元",
                           "Not an amount: " + field + en_v + "; write 1,234.56, ¥1234.56 or 12.5万元");
    case ValueError::too_many_decimals:
      return invalid_field(field, "金额最多精确到分（两位小数）：" + field + zh_v,
                           "An amount has at most two decimals (fen): " + field + en_v);
    case ValueError::invalid_percent:
      return invalid_field(field, "百分比无法识别：" + field + zh_v + "，可写作 12.5% 或 0.125",
                           "Not a percentage: " + field + en_v + "; write 12.5% or 0.125");
    case ValueError::invalid_integer:
      return invalid_field(field, "应为整数：" + field + zh_v, "Expected a whole number: " + field + en_v);
    case ValueError::invalid_bool:
      return invalid_field(field, "应为 是 或 否（也可写 Y/N、true/false、1/0）：" + field + zh_v,
                           "Expected yes or no (是/否, Y/N, true/false, 1/0): " + field + en_v);
    case ValueError::out_of_range:
      return invalid_field(field, "数值超出范围：" + field + zh_v, "Number out of range: " + field + en_v);
    default: return invalid_field(field, "无法识别：" + field + zh_v, "Not understood: " + field + en_v);
  }
}

}  // namespace sl::ingest
