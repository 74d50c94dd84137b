// The values people put in ERP/CRM exports, read into salesloop's types: dates, money in 元,
// percentages, whole numbers, yes/no, text and business keys. Each parser takes the cell's text
// and returns the value or a coded error; value_error() turns the code into the bilingual 422
// that the dry-run report and the API show. Pure functions: no locale, no "today".
//
// Choices (docs/import.md repeats them for users):
// - Dates: 2026-06-15, 2026/6/15, 2026.6.15, 2026年6月15日, 20260615, or an Excel serial number
//   (1900 system: 1 = 1900-01-01, 60 is Excel's fictitious 1900-02-29 and refused); a time after
//   the date ("2026-06-15 13:45", "2026-06-15T08:00:00Z", "45458.5") is ignored. Two-digit years
//   and day/month orders (15/6/2026, 6/15/2026) are ambiguous and refused.
// - Money: 元 to fen; "1,234.56" (commas only between groups of three), full-width digits and
//   signs, a leading ¥/￥, a trailing 元, 万 or 万元 (×10,000), negatives as -12 or (12.00).
//   More than two decimals of 元 (after the 万 scaling) are refused, not rounded: an import
//   must not move a fen silently; zeros past the second decimal are fine ("12.500").
// - Percentages: "12.5%" is 0.125; a number without % is taken as the fraction itself.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/error.h"
#include "core/money.h"

namespace sl::ingest {

enum class ValueError {
  none,
  empty,              // nothing but white space
  invalid_date,       // not one of the date shapes, or no such day (2026-02-30)
  invalid_money,      // not an amount
  too_many_decimals,  // an amount with fractions of a fen
  invalid_percent,
  invalid_integer,
  invalid_bool,
  out_of_range,  // a number too large for its type
};

// The value or the reason there is none.
template <class T>
struct Parsed {
  std::optional<T> value;
  ValueError error = ValueError::none;
  bool ok() const { return value.has_value(); }
  static Parsed fail(ValueError e) { return Parsed{std::nullopt, e}; }
};

Parsed<Date> parse_date_value(std::string_view text);
Parsed<Money> parse_money(std::string_view text);
Parsed<double> parse_percent(std::string_view text);
Parsed<int64_t> parse_integer(std::string_view text);
Parsed<bool> parse_bool(std::string_view text);

// Excel's serial day number to a date: the 1900 system with its leap-year quirk (60 is the
// 1900-02-29 that never was: nullopt), or the 1904 system (0 = 1904-01-01). The fraction (the
// time of day) is dropped. nullopt outside 1900-01-01..9999-12-31.
std::optional<Date> excel_serial_date(double serial, bool date1904 = false);

// The code's stable name ("invalid_date", ...) and the 422 for a cell of `field` holding `text`.
const char* value_error_code(ValueError e);
AppError value_error(ValueError e, const std::string& field, std::string_view text);

// Text as stored: white space removed at both ends, full-width (U+3000), no-break (U+00A0) and
// zero-width (U+200B, U+FEFF) spaces included.
std::string trim_text(std::string_view text);
bool is_blank(std::string_view text);  // nothing left once trimmed
// Full-width ASCII forms (U+FF01..U+FF5E: ０-９, Ａ-Ｚ, ，．－（）％ …) and U+3000 to plain ASCII.
std::string to_halfwidth(std::string_view text);
// A business key as stored (customer code, employee number, …): trimmed, full-width forms
// made plain. Two keys are the same when their key_fold() are equal (ASCII case ignored, as
// the store's unique indexes on lower(trim(code)) compare them).
std::string business_key(std::string_view text);
std::string key_fold(std::string_view text);

}  // namespace sl::ingest
