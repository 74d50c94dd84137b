#include "ingest/values.h"

#include <gtest/gtest.h>

namespace sl::ingest {
namespace {

// Expected dates are written as calendar dates (checked by hand and with Python's datetime:
// date(1899,12,30) + timedelta(45458) == date(2024,6,15)), never taken from the parser.
std::string date_of(std::string_view text) {
  auto r = parse_date_value(text);
  return r.ok() ? format_date(*r.value) : std::string("error:") + value_error_code(r.error);
}

TEST(ParseDate, EveryShapeOfTheSameDay) {
  for (std::string_view s :
       {"2026-06-15", "2026/6/15", "2026/06/15", "2026.6.15", "2026年6月15日", "2026年06月15日", "2026 年 6 月 15 日",
        "20260615", "46188", "2026-06-15 13:45:00", "2026/6/15 0:00", "2026-06-15T08:00:00Z", "46188.75",
        "  2026-06-15\u3000", "２０２６－０６－１５", "2026-6-15"})
    EXPECT_EQ(date_of(s), "2026-06-15") << s;
}

TEST(ParseDate, RefusesImpossibleDaysAndAmbiguousShapes) {
  for (std::string_view s : {"2026-02-30", "2026-13-01", "2026-00-10", "20260230", "2025/2/29", "2026年2月30日",
                             "15/6/2026", "6/15/2026", "26/6/15", "2026-06", "2026", "2026-06-15 noon", "2026-06/15",
                             "2026.6", "June 15, 2026", "1899-12-31", "abc", "2026年6月"})
    EXPECT_EQ(date_of(s), "error:invalid_date") << s;
  EXPECT_EQ(date_of("2024-02-29"), "2024-02-29");
  EXPECT_EQ(date_of("   "), "error:empty");
  EXPECT_EQ(date_of(""), "error:empty");
}

TEST(ExcelSerial, The1900LeapYearQuirk) {
  auto d = [](double serial, bool d1904 = false) {
    auto r = excel_serial_date(serial, d1904);
    return r ? format_date(*r) : std::string("none");
  };
  EXPECT_EQ(d(1), "1900-01-01");
  EXPECT_EQ(d(59), "1900-02-28");
  EXPECT_EQ(d(60), "none");  // Excel's 1900-02-29, a day that never was
  EXPECT_EQ(d(61), "1900-03-01");
  EXPECT_EQ(d(45458), "2024-06-15");
  EXPECT_EQ(d(45458.99), "2024-06-15");  // the time of day is dropped
  EXPECT_EQ(d(2958465), "9999-12-31");
  EXPECT_EQ(d(2958466), "none");
  EXPECT_EQ(d(0), "none");
  EXPECT_EQ(d(-1), "none");
  // The 1904 system (old Mac workbooks): day 0 is 1904-01-01, 44000 is 2024-06-19 (Python:
  // date(1904,1,1) + timedelta(44000)).
  EXPECT_EQ(d(0, true), "1904-01-01");
  EXPECT_EQ(d(44000, true), "2024-06-19");
  // As text, only a five-digit serial is a date: "2026" typed alone is not 1905-07-18.
  EXPECT_EQ(date_of("45458"), "2024-06-15");
  EXPECT_EQ(date_of("2026"), "error:invalid_date");
  EXPECT_EQ(date_of("61"), "error:invalid_date");
}

std::string money_of(std::string_view text) {
  auto r = parse_money(text);
  return r.ok() ? std::to_string(*r.value) : std::string("error:") + value_error_code(r.error);
}

TEST(ParseMoney, YuanToFen) {
  EXPECT_EQ(money_of("1234.56"), "123456");
  EXPECT_EQ(money_of("1,234.56"), "123456");
  EXPECT_EQ(money_of("12,345,678"), "1234567800");
  EXPECT_EQ(money_of("１，２３４．５６"), "123456");  // full-width digits, comma and point
  EXPECT_EQ(money_of("¥1,234.56"), "123456");
  EXPECT_EQ(money_of("￥ 1234.5"), "123450");
  EXPECT_EQ(money_of("1234.56元"), "123456");
  EXPECT_EQ(money_of("12万"), "12000000");
  EXPECT_EQ(money_of("12.5万元"), "12500000");
  EXPECT_EQ(money_of("1.2345万"), "1234500");  // 12,345.00 元
  EXPECT_EQ(money_of("0.000001万元"), "1");    // 0.01 元
  EXPECT_EQ(money_of("-12"), "-1200");
  EXPECT_EQ(money_of("(12.00)"), "-1200");
  EXPECT_EQ(money_of("（12.00）"), "-1200");  // full-width parentheses
  EXPECT_EQ(money_of("(¥1,200.50)"), "-120050");
  EXPECT_EQ(money_of("-¥12"), "-1200");
  EXPECT_EQ(money_of("¥-12"), "-1200");
  EXPECT_EQ(money_of("12.500"), "1250");  // zeros past the fen are not a fraction of one
  EXPECT_EQ(money_of("0"), "0");
  EXPECT_EQ(money_of(".5"), "50");
  EXPECT_EQ(money_of("5."), "500");
  EXPECT_EQ(money_of(" 88 "), "8800");
}

TEST(ParseMoney, Refusals) {
  EXPECT_EQ(money_of("12.345"), "error:too_many_decimals");  // refused, never rounded
  EXPECT_EQ(money_of("1.2345678万"), "error:too_many_decimals");
  for (std::string_view s :
       {"12,34", "1,2345", ",123", "1,,234", "12a", "abc", "1.2.3", "--12", "(-12)", "¥", "12 34", "1e5", "12%", "(12"})
    EXPECT_EQ(money_of(s), "error:invalid_money") << s;
  EXPECT_EQ(money_of("99999999999999999999"), "error:out_of_range");
  EXPECT_EQ(money_of("90071992547409.91"), "9007199254740991");  // 2^53 - 1 fen, the largest
  EXPECT_EQ(money_of("90071992547409.92"), "error:out_of_range");
  EXPECT_EQ(money_of(""), "error:empty");
}

TEST(ParsePercent, WithAndWithoutTheSign) {
  auto p = [](std::string_view s) { return parse_percent(s); };
  EXPECT_DOUBLE_EQ(*p("12.5%").value, 0.125);
  EXPECT_DOUBLE_EQ(*p("12.5 %").value, 0.125);
  EXPECT_DOUBLE_EQ(*p("１２．５％").value, 0.125);
  EXPECT_DOUBLE_EQ(*p("0.125").value, 0.125);
  EXPECT_DOUBLE_EQ(*p("-5%").value, -0.05);
  EXPECT_DOUBLE_EQ(*p("100%").value, 1.0);
  EXPECT_DOUBLE_EQ(*p("1.5e-3").value, 0.0015);
  for (std::string_view s : {"abc", "12.5%%", "%", "inf", "nan", "1,5", "12.5‰", "0x10"})
    EXPECT_EQ(p(s).error, ValueError::invalid_percent) << s;
  EXPECT_EQ(p(" ").error, ValueError::empty);
}

TEST(ParseInteger, Whole) {
  auto i = [](std::string_view s) { return parse_integer(s); };
  EXPECT_EQ(*i("42").value, 42);
  EXPECT_EQ(*i("-42").value, -42);
  EXPECT_EQ(*i("+7").value, 7);
  EXPECT_EQ(*i("1,234").value, 1234);
  EXPECT_EQ(*i("3.0").value, 3);
  EXPECT_EQ(*i("４２").value, 42);
  EXPECT_EQ(*i("9223372036854775807").value, INT64_MAX);
  EXPECT_EQ(i("9223372036854775808").error, ValueError::out_of_range);
  for (std::string_view s : {"3.5", "abc", "1,23", "", "-", "4 2", "0x1F"})
    EXPECT_EQ(i(s).error, s.empty() ? ValueError::empty : ValueError::invalid_integer) << s;
}

TEST(ParseBool, ChineseAndEnglish) {
  for (std::string_view s : {"是", "真", "Y", "y", "yes", "YES", "true", "True", "1", "Ｙ"})
    EXPECT_EQ(parse_bool(s).value, std::optional<bool>(true)) << s;
  for (std::string_view s : {"否", "假", "N", "no", "FALSE", "false", "0", " 否 "})
    EXPECT_EQ(parse_bool(s).value, std::optional<bool>(false)) << s;
  EXPECT_EQ(parse_bool("maybe").error, ValueError::invalid_bool);
  EXPECT_EQ(parse_bool("2").error, ValueError::invalid_bool);
  EXPECT_EQ(parse_bool("").error, ValueError::empty);
}

TEST(Text, TrimAndKeys) {
  EXPECT_EQ(trim_text("  华东大区\t"), "华东大区");
  EXPECT_EQ(trim_text("\u3000华东\u3000大区\u3000"), "华东\u3000大区");  // inner spaces are kept
  EXPECT_EQ(trim_text("\u00A0x\u200B\uFEFF"), "x");
  EXPECT_EQ(trim_text(" \u3000 "), "");
  EXPECT_EQ(to_halfwidth("ＣＵ－００１，（Ａ）"), "CU-001,(A)");
  EXPECT_EQ(to_halfwidth("客户编码"), "客户编码");  // CJK is left alone
  EXPECT_EQ(business_key("\u3000ＣＵ－００１ "), "CU-001");
  EXPECT_EQ(key_fold(" Cu-001"), "cu-001");
  EXPECT_EQ(key_fold("ＣＵ-001"), key_fold("cu-001"));
  EXPECT_NE(key_fold("CU-001"), key_fold("CU-0010"));
}

TEST(ValueError, BilingualAnswerNamingTheField) {
  AppError e = value_error(ValueError::invalid_date, "signed_on", "2026-02-30");
  EXPECT_EQ(e.status, 422);
  EXPECT_EQ(e.code, "invalid_field");
  EXPECT_EQ(e.field, "signed_on");
  EXPECT_NE(e.zh.find("日期无法识别：signed_on（“2026-02-30”）"), std::string::npos) << e.zh;
  EXPECT_NE(e.en.find("Not a date: signed_on (\"2026-02-30\")"), std::string::npos) << e.en;
  AppError m = value_error(ValueError::empty, "amount", "");
  EXPECT_EQ(m.en, "Missing required field: amount");
  // A long cell is cut in the message, never mid-character.
  std::string long_text;
  for (int i = 0; i < 30; ++i) long_text += "金";
  AppError l = value_error(ValueError::invalid_money, "amount", long_text);
  const std::string quoted = std::string(1, '"').append(long_text, 0, 39).append(1, '"');
  EXPECT_NE(l.en.find(quoted), std::string::npos);
  for (auto code : {ValueError::invalid_money, ValueError::too_many_decimals, ValueError::invalid_percent,
                    ValueError::invalid_integer, ValueError::invalid_bool, ValueError::out_of_range}) {
    AppError x = value_error(code, "f", "v");
    EXPECT_FALSE(x.zh.empty());
    EXPECT_NE(x.zh, x.en);
  }
}

}  // namespace
}  // namespace sl::ingest
