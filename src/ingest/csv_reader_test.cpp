#include "ingest/csv_reader.h"
#include "ingest/memory_test_util.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace sl::ingest {
namespace {

using Cells = std::vector<std::string>;

struct Read {
  std::vector<Row> rows;
  ReadStats stats;
  char delimiter = 0;
  Encoding encoding = Encoding::automatic;
};

Read read_all(const std::string& bytes, CsvOptions opt = {}) {
  std::istringstream in(bytes);
  CsvReader r(in, opt);
  Read out;
  Row row;
  while (r.next(row)) out.rows.push_back(row);
  out.stats = r.stats();
  out.delimiter = r.delimiter();
  out.encoding = r.encoding();
  return out;
}

std::string fixture(const std::string& name) {
  const char* src = std::getenv("SALESLOOP_SOURCE_DIR");
  std::ifstream f(std::string(src ? src : ".") + "/tests/fixtures/ingest/" + name, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

TEST(CsvReader, HeaderAndRowsWithNumbers) {
  auto r = read_all("a,b,c\n1,2,3\n4,5,6");
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.rows[0].cells, (Cells{"a", "b", "c"}));
  EXPECT_EQ(r.rows[2].cells, (Cells{"4", "5", "6"}));
  EXPECT_EQ(r.rows[1].number, 2);
  EXPECT_EQ(r.rows[2].number, 3);
  EXPECT_FALSE(r.rows[2].error);
  EXPECT_EQ(r.stats.rows, 3);
  EXPECT_EQ(r.stats.empty_rows, 0);
}

TEST(CsvReader, QuotesDelimitersDoubledQuotesAndLineBreaksInFields) {
  auto r = read_all(
      "name,note\r\n\"Wang, Li\",\"said \"\"hi\"\"\"\r\n\"two\r\nlines\",\"three\nmore\nlines\"\r\n\"\",x\r\n");
  ASSERT_EQ(r.rows.size(), 4u);
  EXPECT_EQ(r.rows[1].cells, (Cells{"Wang, Li", "said \"hi\""}));
  EXPECT_EQ(r.rows[2].cells, (Cells{"two\r\nlines", "three\nmore\nlines"}));
  EXPECT_EQ(r.rows[3].cells, (Cells{"", "x"}));
  // Records count like a spreadsheet's rows; lines count the file's lines.
  EXPECT_EQ(r.rows[2].number, 3);
  EXPECT_EQ(r.rows[2].line, 3);
  EXPECT_EQ(r.rows[3].number, 4);
  EXPECT_EQ(r.rows[3].line, 7);
  EXPECT_FALSE(r.rows[3].error);
}

TEST(CsvReader, LineEndsCrlfLfAndCr) {
  auto r = read_all("a,b\r\n1,2\n3,4\r5,6\r\n");
  ASSERT_EQ(r.rows.size(), 4u);
  EXPECT_EQ(r.rows[2].cells, (Cells{"3", "4"}));
  EXPECT_EQ(r.rows[3].cells, (Cells{"5", "6"}));
  EXPECT_EQ(r.rows[3].line, 4);
  EXPECT_EQ(r.stats.empty_rows, 0);  // a CRLF is one line end, not a line and an empty one
}

TEST(CsvReader, TextAfterAClosingQuoteIsKept) {
  auto r = read_all("a,b\n\"ab\"c,x\"y\"\n");
  EXPECT_EQ(r.rows[1].cells, (Cells{"abc", "x\"y\""}));
}

TEST(CsvReader, Utf8WithBom) {
  auto r = read_all("\xEF\xBB\xBF客户编码,客户名称\n CU-001 ,华东机械\n");
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].cells, (Cells{"客户编码", "客户名称"}));
  EXPECT_EQ(r.rows[1].cells, (Cells{" CU-001 ", "华东机械"}));  // values are trimmed by the value parsers
  EXPECT_EQ(r.encoding, Encoding::utf8);
}

// The fixtures were written with Python's codecs (tests/fixtures/ingest/), not with iconv.
const std::vector<Cells> kCustomers = {
    {"客户编码", "客户名称", "签约日期", "金额"},
    {"CU-001", "华东机械有限公司", "2026/6/15", "1,234.56"},
    {"CU-002", "北京\"星辰\"科技", "2026年6月15日", "12.5万元"},
};

TEST(CsvReader, GbkDetected) {
  auto r = read_all(fixture("customers_gbk.csv"));
  EXPECT_EQ(r.encoding, Encoding::gb18030);
  ASSERT_EQ(r.rows.size(), 4u);
  for (size_t i = 0; i < kCustomers.size(); ++i) EXPECT_EQ(r.rows[i].cells, kCustomers[i]);
  EXPECT_EQ(r.rows[3].cells, (Cells{"CU-003", "字号商行", "20260615", "(12.00)"}));
  EXPECT_EQ(r.stats.replaced_bytes, 0);
}

TEST(CsvReader, Gb18030FourByteCharacters) {
  auto r = read_all(fixture("customers_gb18030.csv"));
  ASSERT_EQ(r.rows.size(), 4u);
  EXPECT_EQ(r.rows[3].cells[1], "\U00020000字号商行");  // U+20000 is 95 32 82 36 in GB18030
}

TEST(CsvReader, EncodingOverride) {
  CsvOptions utf8;
  utf8.encoding = Encoding::utf8;
  auto wrong = read_all(fixture("customers_gbk.csv"), utf8);
  EXPECT_GT(wrong.stats.replaced_bytes, 0);  // GBK read as UTF-8: replaced, never invalid UTF-8 out
  for (const auto& row : wrong.rows)
    for (const auto& c : row.cells) EXPECT_EQ(valid_utf8_prefix(c), c.size());
  CsvOptions gbk;
  gbk.encoding = *parse_encoding("GBK");
  auto right = read_all(fixture("customers_gbk.csv"), gbk);
  EXPECT_EQ(right.rows[1].cells, kCustomers[1]);
}

TEST(CsvReader, AsciiStartDoesNotDecideTheEncoding) {
  std::string bytes = "code,name\n";
  while (bytes.size() < 100 * 1024) bytes += "CU-000,plain ascii name\n";
  bytes += "CU-999,\xBB\xAA\xB6\xAB\n";  // 华东 in GBK, past the first chunk
  auto r = read_all(bytes);
  EXPECT_EQ(r.rows.back().cells, (Cells{"CU-999", "华东"}));
  EXPECT_EQ(r.encoding, Encoding::gb18030);
}

TEST(CsvReader, AGbkLeadByteAtAChunkEndWaitsForTheNext) {
  // 中 is D6 D0 in GBK; D6 alone could start a UTF-8 character, so it must not decide.
  for (size_t pad = 0; pad < 20; ++pad) {
    const std::string bytes = "h\n" + std::string(pad, 'x') + "\xD6\xD0\xCE\xC4\n";
    CsvOptions opt;
    opt.chunk_bytes = 16;
    opt.sample_bytes = 16;
    auto r = read_all(bytes, opt);
    ASSERT_EQ(r.rows.size(), 2u) << pad;
    EXPECT_EQ(r.rows[1].cells[0], std::string(pad, 'x') + "中文") << pad;
    EXPECT_EQ(r.encoding, Encoding::gb18030) << pad;
  }
}

TEST(CsvReader, Utf16WithBom) {
  // "名称\tx\n1\t2\n" in UTF-16LE: 名 U+540D, 称 U+79F0.
  std::string le("\xFF\xFE\x0D\x54\xF0\x79\t\0x\0\n\0001\0\t\0002\0\n\0", 20);
  auto r = read_all(le);
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].cells, (Cells{"名称", "x"}));
  EXPECT_EQ(r.rows[1].cells, (Cells{"1", "2"}));
  EXPECT_EQ(r.delimiter, '\t');
}

TEST(CsvReader, ChunkBoundariesChangeNothing) {
  const std::string gbk = fixture("customers_gb18030.csv");
  const std::string utf8 = "客户,备注\r\n\"华东\r\n大区\",\"a\"\"b\"\r\n\xF0\x9F\x98\x80,é\r\n";
  for (const std::string* bytes : {&gbk, &utf8}) {
    const auto whole = read_all(*bytes);
    for (size_t chunk = 16; chunk < 48; ++chunk) {
      CsvOptions opt;
      opt.chunk_bytes = chunk;
      opt.sample_bytes = chunk;  // so that the parser, not only the decoder, meets the cuts
      const auto part = read_all(*bytes, opt);
      ASSERT_EQ(part.rows.size(), whole.rows.size()) << chunk;
      for (size_t i = 0; i < whole.rows.size(); ++i) {
        EXPECT_EQ(part.rows[i].cells, whole.rows[i].cells) << chunk;
        EXPECT_EQ(part.rows[i].line, whole.rows[i].line) << chunk;
      }
      EXPECT_EQ(part.stats.replaced_bytes, 0);
    }
  }
}

TEST(CsvReader, DelimiterDetection) {
  EXPECT_EQ(detect_delimiter("a,b,c\n1,2,3\n"), ',');
  EXPECT_EQ(detect_delimiter("a;b;c\n1;2,5;3\n4;5;6\n"), ';');
  EXPECT_EQ(detect_delimiter("\"a,b\";c;d\n\"1,2\";3;4\n"), ';');  // commas inside quotes do not count
  EXPECT_EQ(detect_delimiter("a\tb\n1\t2\n"), '\t');
  EXPECT_EQ(detect_delimiter("a|b|c\n1|2|3\n"), '|');
  EXPECT_EQ(detect_delimiter("single\ncolumn\n"), ',');
  auto r = read_all("客户;金额\nCU-1;\"1,234.56\"\n");
  EXPECT_EQ(r.delimiter, ';');
  EXPECT_EQ(r.rows[1].cells, (Cells{"CU-1", "1,234.56"}));
  CsvOptions pipe;
  pipe.delimiter = '|';
  auto forced = read_all("a,b|c\n1,2|3\n", pipe);
  EXPECT_EQ(forced.rows[1].cells, (Cells{"1,2", "3"}));
}

TEST(CsvReader, EmptyRowsSkippedAndCounted) {
  auto r = read_all("a,b\n\n,\n1,2\n \t ,\u3000\n\r\n3,4\n\n");
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.rows[1].cells, (Cells{"1", "2"}));
  EXPECT_EQ(r.rows[1].number, 4);
  EXPECT_EQ(r.rows[2].number, 7);
  EXPECT_EQ(r.stats.empty_rows, 5);
}

TEST(CsvReader, RaggedRowsReportedAndTheReadGoesOn) {
  auto r = read_all("a,b,c\n1,2\n1,2,3,4\n5,6,7\n8,9,10,,\n");
  ASSERT_EQ(r.rows.size(), 5u);
  ASSERT_TRUE(r.rows[1].error);
  EXPECT_EQ(r.rows[1].error->code, "invalid_row");
  EXPECT_EQ(r.rows[1].error->en, "Row 2 has 2 cells, the header has 3");
  EXPECT_EQ(r.rows[1].error->zh, "第 2 行有 2 列，表头有 3 列");
  ASSERT_TRUE(r.rows[2].error);
  EXPECT_EQ(r.rows[2].error->en, "Row 3 has 4 cells, the header has 3");
  EXPECT_FALSE(r.rows[3].error);
  EXPECT_FALSE(r.rows[4].error);  // trailing empty cells past the header are dropped
  EXPECT_EQ(r.rows[4].cells, (Cells{"8", "9", "10"}));
  EXPECT_EQ(r.stats.broken_rows, 2);
}

TEST(CsvReader, FieldLengthAndColumnLimits) {
  CsvOptions opt;
  opt.limits.max_field_bytes = 7;
  opt.limits.max_columns = 3;
  auto r = read_all("a,b\n华东大区,x\n1,2,3,4,5\nok,y\n", opt);
  ASSERT_EQ(r.rows.size(), 4u);
  ASSERT_TRUE(r.rows[1].error);
  EXPECT_EQ(r.rows[1].error->en, "Row 2, column 1: the cell is too long (at most 7 bytes)");
  EXPECT_EQ(r.rows[1].cells[0], "华东");  // cut to whole characters
  ASSERT_TRUE(r.rows[2].error);
  EXPECT_EQ(r.rows[2].error->en, "Row 3 has more than 3 cells");
  EXPECT_EQ(r.rows[3].cells, (Cells{"ok", "y"}));
}

TEST(CsvReader, RowLimitStopsTheRead) {
  CsvOptions opt;
  opt.limits.max_rows = 3;
  std::istringstream in("h\n1\n2\n3\n4\n");
  CsvReader r(in, opt);
  Row row;
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(r.next(row));
  try {
    r.next(row);
    FAIL() << "no error past the limit";
  } catch (const AppError& e) {
    EXPECT_EQ(e.status, 413);
    EXPECT_EQ(e.code, "too_many_rows");
    EXPECT_EQ(e.en, "The file has more than 3 rows: split it and import the parts");
  }
}

TEST(CsvReader, UnclosedQuoteIsOneBrokenRow) {
  auto r = read_all("a,b\n1,\"abc\n2,3\n");
  ASSERT_EQ(r.rows.size(), 2u);
  ASSERT_TRUE(r.rows[1].error);
  EXPECT_EQ(r.rows[1].error->en, "Row 2: a quote is never closed (up to the end of the file)");
}

TEST(CsvReader, UnreadableFile) {
  try {
    CsvReader r("/nonexistent/file.csv", CsvOptions{});
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.code, "unreadable_file");
  }
}

// A CSV of n rows made as it is read, so the test itself holds none of it.
class GeneratedCsv : public std::streambuf {
 public:
  explicit GeneratedCsv(int rows) : rows_(rows) {}
  int_type underflow() override {
    if (next_ > rows_) return traits_type::eof();
    line_ = next_ == 0 ? "code,name,amount\n"
                       : "CU-" + std::to_string(next_) + ",\"客户 " + std::to_string(next_) + "\",1234.56\n";
    ++next_;
    setg(line_.data(), line_.data(), line_.data() + line_.size());
    return traits_type::to_int_type(line_[0]);
  }

 private:
  int rows_, next_ = 0;
  std::string line_;
};

TEST(CsvReader, StreamsWithBoundedMemory) {
  const int n = 1'000'000;  // about 35 MB of text
  GeneratedCsv gen(n);
  std::istream in(&gen);
  PeakGrowth memory;
  CsvReader r(in);
  Row last;
  const int64_t count = drain_rows(r, memory, last);
  EXPECT_EQ(count, n + 1);
  EXPECT_EQ(last.cells, (Cells{"CU-1000000", "客户 1000000", "1234.56"}));
  EXPECT_LT(memory.peak, 8.0) << "resident memory grew " << memory.peak << " MB reading ~35 MB";
}

}  // namespace
}  // namespace sl::ingest
