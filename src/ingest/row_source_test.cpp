// The CSV choices of `salesloop import --encoding --delimiter` and of the import page
// (row_source.h), and open_rows reading with them.
#include "ingest/row_source.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace sl::ingest {
namespace {

std::string field_of(const std::string& encoding, const std::string& delimiter) {
  ReadOptions o;
  try {
    set_csv_choices(o, encoding, delimiter);
  } catch (const AppError& e) {
    EXPECT_FALSE(e.zh.empty());
    EXPECT_FALSE(e.en.empty());
    return e.code + "/" + e.field;
  }
  return "none";
}

std::vector<std::vector<std::string>> read_file(const std::string& bytes, const ReadOptions& o) {
  const auto path = (std::filesystem::temp_directory_path() / ("row_source_test_" + std::to_string(::getpid()) + ".csv")).string();
  std::ofstream(path, std::ios::binary) << bytes;
  auto rows = open_rows(path, o);
  std::vector<std::vector<std::string>> out;
  Row r;
  while (rows->next(r)) out.push_back(r.cells);
  std::filesystem::remove(path);
  return out;
}

TEST(CsvChoices, Delimiters) {
  EXPECT_EQ(parse_delimiter(""), char{0});
  EXPECT_EQ(parse_delimiter("auto"), char{0});
  EXPECT_EQ(parse_delimiter("tab"), '\t');
  EXPECT_EQ(parse_delimiter("\\t"), '\t');
  EXPECT_EQ(parse_delimiter("\t"), '\t');
  EXPECT_EQ(parse_delimiter("comma"), ',');
  EXPECT_EQ(parse_delimiter("semicolon"), ';');
  EXPECT_EQ(parse_delimiter("pipe"), '|');
  EXPECT_EQ(parse_delimiter("space"), ' ');
  EXPECT_EQ(parse_delimiter(";"), ';');
  EXPECT_EQ(parse_delimiter("#"), '#');
  EXPECT_EQ(parse_delimiter("\""), std::nullopt);  // the quote stays the quote
  EXPECT_EQ(parse_delimiter("\n"), std::nullopt);
  EXPECT_EQ(parse_delimiter(",,"), std::nullopt);
  EXPECT_EQ(parse_delimiter("，"), std::nullopt);  // a full-width comma is three bytes
}

TEST(CsvChoices, CheckedWithTheFieldNamed) {
  EXPECT_EQ(field_of("", ""), "none");
  EXPECT_EQ(field_of("utf-8", ";"), "none");
  EXPECT_EQ(field_of("GBK", "tab"), "none");
  EXPECT_EQ(field_of("gb18030", "auto"), "none");
  EXPECT_EQ(field_of("latin-1", ","), "invalid_field/encoding");
  EXPECT_EQ(field_of("utf-8", "\""), "invalid_field/delimiter");
  ReadOptions o;
  set_csv_choices(o, "gbk", "pipe");
  EXPECT_EQ(o.encoding, "gbk");
  EXPECT_EQ(o.delimiter, '|');
}

// 泰山 and 平原 in GBK are CC A9 C9 BD and C6 BD D4 AD: also valid UTF-8 (U+0329 U+027D, U+01BD
// U+052D), so detection reads them as UTF-8 and only the override reads them right.
TEST(CsvChoices, AnAmbiguousGbkFileReadRightOnlyWithTheOverride) {
  const std::string bytes = "name;parent\n\xCC\xA9\xC9\xBD;\n\xC6\xBD\xD4\xAD;\xCC\xA9\xC9\xBD\n";
  const auto detected = read_file(bytes, {});
  ASSERT_EQ(detected.size(), 3u);
  EXPECT_EQ(detected[1][0], "\u0329\u027D");
  ReadOptions gbk;
  set_csv_choices(gbk, "gbk", "");
  const auto right = read_file(bytes, gbk);
  ASSERT_EQ(right.size(), 3u);
  EXPECT_EQ(right[1], (std::vector<std::string>{"泰山", ""}));
  EXPECT_EQ(right[2], (std::vector<std::string>{"平原", "泰山"}));
}

TEST(CsvChoices, DelimiterOverride) {
  // A one-column file whose notes hold commas: detection splits at the comma; the override
  // (any character the file does not hold, here a tab) keeps each note whole.
  const std::string bytes = "note\nhello, world\nfoo, bar\n";
  EXPECT_EQ(read_file(bytes, {})[1], (std::vector<std::string>{"hello", " world"}));
  ReadOptions tab;
  set_csv_choices(tab, "", "tab");
  const auto rows = read_file(bytes, tab);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"hello, world"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"foo, bar"}));
}

}  // namespace
}  // namespace sl::ingest
