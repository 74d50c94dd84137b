// Fuzz target: the value parsers of src/ingest/values.h on any text. Besides crashes and
// sanitizer reports, these abort (findings):
//  - a date accepted that is not a real calendar day, or that reads back as another day;
//  - an amount accepted outside ±(2^53 - 1) fen, or that reads back as another amount when
//    written plainly ("-1234.56");
//  - a percentage accepted that is not finite;
//  - text helpers that are not idempotent (trim_text, business_key, key_fold) or leave
//    white space at an end; invalid UTF-8 out of valid UTF-8 in;
//  - an error message that is empty, or (for valid UTF-8 input) not valid UTF-8.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "ingest/encoding.h"
#include "ingest/values.h"

namespace {

using namespace sl::ingest;

[[noreturn]] void finding(const char* what, const std::string& input) {
  std::fprintf(stderr, "\nFINDING: %s: [%s]\n", what, input.substr(0, 200).c_str());
  std::abort();
}

std::string plain_money(int64_t fen) {
  const int64_t a = fen < 0 ? -fen : fen;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s%lld.%02lld", fen < 0 ? "-" : "", static_cast<long long>(a / 100),
                static_cast<long long>(a % 100));
  return buf;
}

void check_error(ValueError e, const std::string& text, bool utf8) {
  if (e == ValueError::none) finding("a failure without a code", text);
  const sl::AppError err = value_error(e, "field", text);
  if (err.zh.empty() || err.en.empty()) finding("an empty error message", text);
  if (utf8 && (valid_utf8_prefix(err.zh) != err.zh.size() || valid_utf8_prefix(err.en) != err.en.size()))
    finding("an error message that is not valid UTF-8", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const bool utf8 = valid_utf8_prefix(text) == text.size();

  if (auto d = parse_date_value(text); d.ok()) {
    const sl::Ymd v = sl::to_ymd(*d.value);
    if (!sl::valid_ymd(v.year, v.month, v.day)) finding("a date that is no calendar day", text);
    auto again = parse_date_value(sl::format_date(*d.value));
    if (!again.ok() || *again.value != *d.value) finding("a date that reads back as another", text);
  } else {
    check_error(d.error, text, utf8);
  }

  if (auto m = parse_money(text); m.ok()) {
    if (*m.value > (int64_t{1} << 53) - 1 || *m.value < -((int64_t{1} << 53) - 1))
      finding("an amount out of range", text);
    auto again = parse_money(plain_money(*m.value));
    if (!again.ok() || *again.value != *m.value) finding("an amount that reads back as another", text);
  } else {
    check_error(m.error, text, utf8);
  }

  if (auto p = parse_percent(text); p.ok()) {
    if (!std::isfinite(*p.value)) finding("a percentage that is not finite", text);
  } else {
    check_error(p.error, text, utf8);
  }
  if (auto i = parse_integer(text); !i.ok()) check_error(i.error, text, utf8);
  if (auto b = parse_bool(text); !b.ok()) check_error(b.error, text, utf8);

  const std::string t = trim_text(text);
  if (trim_text(t) != t) finding("trim_text is not idempotent", text);
  const std::string k = business_key(text);
  if (business_key(k) != k) finding("business_key is not idempotent", text);
  if (!k.empty() && (k.front() == ' ' || k.back() == ' ')) finding("business_key left a space at an end", text);
  const std::string f = key_fold(text);
  if (key_fold(f) != f) finding("key_fold is not idempotent", text);
  if (utf8) {
    for (const std::string* s : {&t, &k, &f})
      if (valid_utf8_prefix(*s) != s->size()) finding("invalid UTF-8 out of valid UTF-8", text);
  }

  if (size >= sizeof(double)) {  // the serial-number conversion on any double
    double serial;
    std::memcpy(&serial, data, sizeof serial);
    for (bool d1904 : {false, true})
      if (auto d = excel_serial_date(serial, d1904)) {
        const sl::Ymd v = sl::to_ymd(*d);
        if (!sl::valid_ymd(v.year, v.month, v.day)) finding("a serial that is no calendar day", text);
      }
  }
  return 0;
}
