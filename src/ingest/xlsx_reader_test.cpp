#include "ingest/xlsx_reader.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "ingest/memory_test_util.h"
#include "ingest/xlsx_parts.h"

namespace sl::ingest {
namespace {

using Cells = std::vector<std::string>;

const std::string& temp_dir() {
  static const std::string dir = [] {
    std::string d = (std::filesystem::temp_directory_path() / ("sl-xlsx-test-" + std::to_string(getpid()))).string();
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}
std::string temp_path(const std::string& name) { return temp_dir() + "/" + name; }

// The fixtures are removed when the tests end.
struct RemoveFixtures : ::testing::Environment {
  void TearDown() override { std::filesystem::remove_all(temp_dir()); }
};
const auto* const kRemoveFixtures = ::testing::AddGlobalTestEnvironment(new RemoveFixtures);

struct Read {
  std::vector<Row> rows;
  ReadStats stats;
};

Read read_all(XlsxReader& r) {
  Read out;
  Row row;
  while (r.next(row)) out.rows.push_back(row);
  out.stats = r.stats();
  return out;
}
Read read_file(const std::string& path, XlsxOptions opt = {}) {
  XlsxReader r(path, opt);
  return read_all(r);
}

// A workbook made by hand: part name → XML, zipped with libzip. For what libxlsxwriter does not
// write: the 1904 date system, str/e/d cells, phonetic runs, prefixed element names, cells and
// rows without references, absolute relationship targets.
std::string hand_made(const std::map<std::string, std::string>& parts) {
  static int made = 0;
  const std::string path = temp_path("hand-" + std::to_string(++made) + ".xlsx");
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_TRUE(z);
  for (const auto& [name, xml] : parts) {
    zip_source_t* s = zip_source_buffer(z, xml.data(), xml.size(), 0);
    EXPECT_GE(zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8), 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  return path;
}

const char* kContentTypes =
    R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";
const char* kRootRels =
    R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";

std::map<std::string, std::string> one_sheet(const std::string& sheet_xml, const std::string& book_extra = "") {
  return {
      {"[Content_Types].xml", kContentTypes},
      {"_rels/.rels", kRootRels},
      {"xl/workbook.xml",
       R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)" +
           book_extra + R"(<sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>)"},
      {"xl/styles.xml",
       R"(<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>)"},
      {"xl/sharedStrings.xml",
       R"(<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>客户编码</t></si><si><r><t>客户</t></r><r><rPr><b/></rPr><t xml:space="preserve">名称 </t></r><rPh sb="0" eb="2"><t>きゃく</t></rPh></si><si><t>第一行_x000D__x000A_第二行</t></si></sst>)"},
      {"xl/worksheets/sheet1.xml", sheet_xml},
  };
}

TEST(XlsxReader, HandMadeCellKinds) {
  // Row 1: shared strings (one of them rich text with a phonetic reading). Row 2: no r on the
  // row or the first cells, a formula string, an error, a boolean, an ISO date cell, an inline
  // string, a number in the 1904 system shown as a date by a custom zh-CN format.
  const std::string sheet =
      R"(<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>d</x:t></x:is></x:c><x:c r="E1" t="inlineStr"><x:is><x:t>e</x:t></x:is></x:c><x:c r="F1" t="inlineStr"><x:is><x:t>f</x:t></x:is></x:c><x:c r="G1" t="inlineStr"><x:is><x:t>g</x:t></x:is></x:c></x:row>
<x:row><x:c t="str"><x:f>A1</x:f><x:v>CU-001</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c r="E2" t="d"><x:v>2026-06-15T00:00:00Z</x:v></x:c><x:c r="F2" t="inlineStr"><x:is><x:r><x:t>华东</x:t></x:r><x:r><x:t>大区</x:t></x:r></x:is></x:c><x:c r="G2" s="1"><x:v>44000</x:v></x:c></x:row>
</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="D2:D3"/></x:mergeCells></x:worksheet>)";
  auto r = read_file(hand_made(one_sheet(sheet, R"(<workbookPr date1904="1"/>)")));
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].cells, (Cells{"客户编码", "客户名称 ", "第一行\r\n第二行", "d", "e", "f", "g"}));
  // 44000 in the 1904 system: Python's date(1904,1,1) + timedelta(44000) == 2024-06-19.
  EXPECT_EQ(r.rows[1].cells, (Cells{"CU-001", "#N/A", "TRUE", "", "2026-06-15", "华东大区", "2024-06-19"}));
  EXPECT_EQ(r.rows[1].number, 2);
  EXPECT_FALSE(r.rows[1].error);
  XlsxReader again(hand_made(one_sheet(sheet, R"(<workbookPr date1904="1"/>)")));
  EXPECT_TRUE(again.date1904());
  EXPECT_EQ(again.sheet(), "数据");
}

TEST(XlsxReader, MergedRangeFoundAfterThousandsOfRows) {
  // The mergeCells element comes after every row; here it follows ~200 KB of rows, so the scan
  // crosses several chunks. B2:B3000 repeats B2's value down the column.
  std::string sheet = R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
  sheet +=
      R"(<row r="1"><c r="A1" t="inlineStr"><is><t>行</t></is></c><c r="B1" t="inlineStr"><is><t>客户</t></is></c></row>)";
  for (int i = 2; i <= 3000; ++i) {
    sheet +=
        "<row r=\"" + std::to_string(i) + "\"><c r=\"A" + std::to_string(i) + "\"><v>" + std::to_string(i) + "</v></c>";
    if (i == 2) sheet += R"(<c r="B2" t="inlineStr"><is><t>CU-合并</t></is></c>)";
    sheet += "<c r=\"C" + std::to_string(i) + "\"/></row>\n";
  }
  sheet +=
      R"(</sheetData><mergeCells count="2"><mergeCell   ref="B2:B3000"/><mergeCells-not ref="A1:Z9"/></mergeCells></worksheet>)";
  auto r = read_file(hand_made(one_sheet(sheet)));
  ASSERT_EQ(r.rows.size(), 3000u);
  for (size_t i = 1; i < r.rows.size(); ++i) {
    ASSERT_EQ(r.rows[i].cells, (Cells{std::to_string(i + 1), "CU-合并"})) << i;
  }
}

TEST(XlsxReader, BrokenFiles) {
  auto code_of = [](auto&& f) {
    try {
      f();
    } catch (const AppError& e) {
      return e.code;
    }
    return std::string("no error");
  };
  EXPECT_EQ(code_of([] { XlsxReader::from_bytes("not a zip at all"); }), "unreadable_file");
  EXPECT_EQ(code_of([] { XlsxReader r("/nonexistent.xlsx"); }), "unreadable_file");
  EXPECT_EQ(code_of([] { XlsxReader r(hand_made({{"hello.txt", "hi"}})); }), "unreadable_file");
  const std::string bad = hand_made(one_sheet("<worksheet><sheetData><row><c><v>1</v></row></sheetData>"));
  EXPECT_EQ(code_of([&] {
              XlsxReader r(bad);
              Row row;
              while (r.next(row)) {
              }
            }),
            "unreadable_file");
}

TEST(XlsxReader, Limits) {
  const std::string sheet = R"(<worksheet><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>华东大区</t></is></c></row>
<row r="3"><c r="A3"><v>1</v></c><c r="E3"><v>5</v></c></row>
<row r="4"><c r="A4"><v>1</v></c><c r="C4"><v>3</v></c></row>
<row r="9"><c r="A9"><v>9</v></c></row>
</sheetData></worksheet>)";
  const std::string path = hand_made(one_sheet(sheet));
  XlsxOptions opt;
  opt.limits.max_field_bytes = 7;
  opt.limits.max_columns = 4;
  auto r = read_file(path, opt);
  ASSERT_EQ(r.rows.size(), 5u);
  EXPECT_EQ(r.rows[1].cells, (Cells{"华东", ""}));
  EXPECT_EQ(r.rows[1].error->en, "Row 2, column 1: the cell is too long (at most 7 bytes)");
  EXPECT_EQ(r.rows[2].error->en, "Row 3 has more than 4 cells");
  EXPECT_EQ(r.rows[3].error->en, "Row 4 has 3 cells, the header has 2");
  EXPECT_EQ(r.rows[4].number, 9);
  EXPECT_EQ(r.stats.empty_rows, 4);  // rows 5 to 8 are not in the file
  EXPECT_EQ(r.stats.broken_rows, 3);
  opt.limits.max_rows = 8;
  XlsxReader limited(path, opt);
  Row row;
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(limited.next(row));
  EXPECT_THROW(limited.next(row), AppError);
}

// Found by xlsx_reader_fuzz (make fuzz, 2026-12-02): a first row whose only value lies past
// the column limit ("Bq" is column 69) is handed out as the header with no cells; the reader
// took the next row as the header instead, so that row came without an error although the
// caller had a header of width 0. The first row handed out is the header, whatever its width.
TEST(XlsxReader, ABrokenEmptyFirstRowIsTheHeader) {
  const std::string sheet = R"(<worksheet><sheetData>
<row r="1"><c r="Bq" t="inlineStr"><is><t>x</t></is></c></row>
<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>
</sheetData></worksheet>)";
  XlsxOptions opt;
  opt.limits.max_columns = 40;
  auto r = read_file(hand_made(one_sheet(sheet)), opt);
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].cells, Cells{});
  EXPECT_EQ(r.rows[0].error->en, "Row 1 has more than 40 cells");
  EXPECT_EQ(r.rows[1].cells, (Cells{"1", "2"}));
  ASSERT_TRUE(r.rows[1].error);
  EXPECT_EQ(r.rows[1].error->en, "Row 2 has 2 cells, the header has 0");
}

TEST(XlsxParts, DateFormats) {
  for (int id : {14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 31, 36, 45, 46, 47, 50, 58})
    EXPECT_TRUE(xlsx::is_date_format(id, "")) << id;
  for (int id : {0, 1, 2, 9, 10, 11, 12, 13, 23, 37, 44, 48, 49, 164}) EXPECT_FALSE(xlsx::is_date_format(id, "")) << id;
  EXPECT_TRUE(xlsx::is_date_format(164, "yyyy-mm-dd"));
  EXPECT_TRUE(xlsx::is_date_format(164, "yyyy\"年\"m\"月\"d\"日\""));
  EXPECT_TRUE(xlsx::is_date_format(164, "[$-F800]dddd, mmmm dd, yyyy"));
  EXPECT_TRUE(xlsx::is_date_format(164, "h:mm AM/PM"));
  EXPECT_FALSE(xlsx::is_date_format(164, "#,##0.00"));
  EXPECT_FALSE(xlsx::is_date_format(164, "#,##0 \"days\""));  // letters in quotes are text
  EXPECT_FALSE(xlsx::is_date_format(164, "0.00_);[Red](0.00)"));
  EXPECT_FALSE(xlsx::is_date_format(164, "[$¥-804]#,##0.00"));
  EXPECT_FALSE(xlsx::is_date_format(164, "0.0%"));
  EXPECT_FALSE(xlsx::is_date_format(164, "General"));
  EXPECT_FALSE(xlsx::is_date_format(164, "0.00E+00"));
}

TEST(XlsxParts, CellReferencesAndEscapes) {
  int64_t r = 0, c = 0;
  ASSERT_TRUE(xlsx::parse_cell_ref("C7", r, c));
  EXPECT_EQ(r, 7);
  EXPECT_EQ(c, 3);
  ASSERT_TRUE(xlsx::parse_cell_ref("AA10", r, c));
  EXPECT_EQ(c, 27);
  ASSERT_TRUE(xlsx::parse_cell_ref("XFD1048576", r, c));
  EXPECT_EQ(c, 16384);
  EXPECT_EQ(r, 1048576);
  EXPECT_FALSE(xlsx::parse_cell_ref("7", r, c));
  EXPECT_FALSE(xlsx::parse_cell_ref("C", r, c));
  EXPECT_FALSE(xlsx::parse_cell_ref("C0", r, c));
  EXPECT_EQ(xlsx::column_of("Z9"), 26);
  EXPECT_EQ(xlsx::decode_escapes("a_x000D_b_x005F_x0041_"), "a\rb_x0041_");
  EXPECT_EQ(xlsx::decode_escapes("_x4E2D_"), "中");
  EXPECT_EQ(xlsx::decode_escapes("_xZZZZ_"), "_xZZZZ_");
}

TEST(OpenRows, ChoosesTheReaderByTheFilesFirstBytes) {
  const std::string xlsx = hand_made(one_sheet(
      R"(<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>客户编码</t></is></c></row></sheetData></worksheet>)"));
  const std::string named_csv = temp_path("really-xlsx.csv");
  std::filesystem::copy_file(xlsx, named_csv);
  const std::string csv = temp_path("plain.xlsx");  // a CSV whatever its name says
  std::ofstream(csv) << "客户编码;名称\nCU-1;华东\n";
  const std::string xls = temp_path("old.xls");
  std::ofstream(xls, std::ios::binary) << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  Row row;
  ASSERT_TRUE(open_rows(named_csv)->next(row));
  EXPECT_EQ(row.cells, (Cells{"客户编码"}));
  auto rows = open_rows(csv);
  ASSERT_TRUE(rows->next(row));
  ASSERT_TRUE(rows->next(row));
  EXPECT_EQ(row.cells, (Cells{"CU-1", "华东"}));
  auto code = [](const std::string& path, ReadOptions o) {
    try {
      open_rows(path, o);
    } catch (const AppError& e) {
      return e.code + "/" + e.field;
    }
    return std::string("none");
  };
  EXPECT_EQ(code(xls, {}), "unreadable_file/file");
  EXPECT_EQ(code(temp_path("missing.csv"), {}), "unreadable_file/file");
  ReadOptions latin;
  latin.encoding = "latin-1";
  EXPECT_EQ(code(csv, latin), "invalid_field/encoding");
  ReadOptions sheet;
  sheet.sheet = "回款";
  EXPECT_EQ(code(xlsx, sheet), "invalid_field/sheet");
}

// ---- workbooks written with libxlsxwriter ----

TEST(XlsxReader, ValuesFromXlsxwriter) {
  const std::string path = temp_path("values.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "客户");
  lxw_format* ymd = workbook_add_format(wb);
  format_set_num_format(ymd, "yyyy-mm-dd");
  lxw_format* builtin = workbook_add_format(wb);
  format_set_num_format_index(builtin, 14);
  lxw_format* stamp = workbook_add_format(wb);
  format_set_num_format(stamp, "yyyy-mm-dd hh:mm");
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "#,##0.00");
  lxw_format* days = workbook_add_format(wb);
  format_set_num_format(days, "0 \"days\"");
  const char* header[] = {"客户编码", "签约日期", "金额", "有效", "备注", "天数"};
  for (int c = 0; c < 6; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
  lxw_datetime d = {2026, 6, 15, 0, 0, 0};
  worksheet_write_string(ws, 1, 0, "CU-001", nullptr);
  worksheet_write_datetime(ws, 1, 1, &d, ymd);
  worksheet_write_number(ws, 1, 2, 1234.56, money);
  worksheet_write_boolean(ws, 1, 3, 1, nullptr);
  worksheet_write_string(ws, 1, 4, "CU-001", nullptr);  // the same shared string again
  worksheet_write_number(ws, 1, 5, 30, days);
  worksheet_write_string(ws, 2, 0, "CU-002", nullptr);
  worksheet_write_number(ws, 2, 1, 45458, builtin);
  worksheet_write_number(ws, 2, 2, 0.1 + 0.2, nullptr);  // 0.30000000000000004 in the file
  worksheet_write_boolean(ws, 2, 3, 0, nullptr);
  // Row 4 (index 3) left empty; row 5 has cells in A and C only.
  worksheet_write_string(ws, 4, 0, "CU-003", nullptr);
  worksheet_write_number(ws, 4, 1, 46188.5, stamp);
  worksheet_write_number(ws, 4, 2, -12, nullptr);
  worksheet_write_string(ws, 5, 0, "quirk", nullptr);
  worksheet_write_number(ws, 5, 1, 59, builtin);
  worksheet_write_string(ws, 6, 0, "quirk", nullptr);
  worksheet_write_number(ws, 6, 1, 60, builtin);
  worksheet_write_string(ws, 7, 0, "quirk", nullptr);
  worksheet_write_number(ws, 7, 1, 61, builtin);
  worksheet_write_number(ws, 8, 2, 1e15, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);

  auto r = read_file(path);
  ASSERT_EQ(r.rows.size(), 8u);
  EXPECT_EQ(r.rows[0].cells, (Cells{"客户编码", "签约日期", "金额", "有效", "备注", "天数"}));
  EXPECT_EQ(r.rows[1].cells, (Cells{"CU-001", "2026-06-15", "1234.56", "TRUE", "CU-001", "30"}));
  // Serial 45458 is 2024-06-15 (Python: date(1899,12,30) + timedelta(45458)).
  EXPECT_EQ(r.rows[2].cells, (Cells{"CU-002", "2024-06-15", "0.3", "FALSE", "", ""}));
  EXPECT_EQ(r.rows[3].number, 5);
  EXPECT_EQ(r.rows[3].cells, (Cells{"CU-003", "2026-06-15 12:00:00", "-12", "", "", ""}));
  EXPECT_EQ(r.rows[4].cells[1], "1900-02-28");
  EXPECT_EQ(r.rows[5].cells[1], "1900-02-29");  // Excel's day that never was: the date parser refuses it
  EXPECT_EQ(r.rows[6].cells[1], "1900-03-01");
  EXPECT_EQ(r.rows[7].cells[2], "1e+15");
  EXPECT_EQ(r.stats.empty_rows, 1);
  EXPECT_EQ(r.stats.broken_rows, 0);
}

TEST(XlsxReader, SheetChosenByName) {
  const std::string path = temp_path("sheets.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* first = workbook_add_worksheet(wb, "客户");
  lxw_worksheet* second = workbook_add_worksheet(wb, "合同 Lines");
  worksheet_write_string(first, 0, 0, "客户编码", nullptr);
  worksheet_write_string(second, 0, 0, "合同编号", nullptr);
  worksheet_write_string(second, 1, 0, "HT-001", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);

  XlsxReader by_default(path);
  EXPECT_EQ(by_default.sheet_names(), (Cells{"客户", "合同 Lines"}));
  EXPECT_EQ(by_default.sheet(), "客户");
  XlsxOptions opt;
  opt.sheet = "合同 Lines";
  auto r = read_file(path, opt);
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[1].cells, (Cells{"HT-001"}));
  opt.sheet = "合同 lines";  // case is forgiven
  EXPECT_EQ(read_file(path, opt).rows.size(), 2u);
  opt.sheet = "回款";
  try {
    XlsxReader r2(path, opt);
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.field, "sheet");
    EXPECT_EQ(e.en, "No sheet named 回款 (the workbook has: 客户, 合同 Lines)");
    EXPECT_EQ(e.zh, "工作表不存在：回款（文件中有：客户、合同 Lines）");
  }
}

TEST(XlsxReader, MergedHeaderCellsRepeatOverTheirSpan) {
  const std::string path = temp_path("merged.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  lxw_format* center = workbook_add_format(wb);
  format_set_align(center, LXW_ALIGN_CENTER);
  worksheet_write_string(ws, 0, 0, "客户", nullptr);
  worksheet_merge_range(ws, 0, 1, 0, 2, "金额", center);
  worksheet_write_string(ws, 0, 3, "备注", nullptr);
  worksheet_merge_range(ws, 1, 0, 2, 0, "CU-001", center);  // one customer over two line rows
  worksheet_write_number(ws, 1, 1, 10, nullptr);
  worksheet_write_number(ws, 1, 2, 20, nullptr);
  worksheet_write_number(ws, 2, 1, 30, nullptr);
  worksheet_write_number(ws, 2, 2, 40, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);

  auto r = read_file(path);
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.rows[0].cells, (Cells{"客户", "金额", "金额", "备注"}));
  EXPECT_EQ(r.rows[1].cells, (Cells{"CU-001", "10", "20", ""}));
  EXPECT_EQ(r.rows[2].cells, (Cells{"CU-001", "30", "40", ""}));
  XlsxOptions plain;
  plain.fill_merged = false;
  auto p = read_file(path, plain);
  EXPECT_EQ(p.rows[0].cells, (Cells{"客户", "金额", "", "备注"}));
  EXPECT_EQ(p.rows[2].cells, (Cells{"", "30", "40", ""}));
}

// A big sheet written by libxlsxwriter in constant-memory mode (inline strings, rows written as
// they come), in a child process, so that the writer's memory is not the reader's.
void write_big(const std::string& path, int rows) {
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    lxw_workbook_options o = {};
    o.constant_memory = LXW_TRUE;
    o.tmpdir = nullptr;
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &o);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "合同明细");
    lxw_format* ymd = workbook_add_format(wb);
    format_set_num_format(ymd, "yyyy-mm-dd");
    const char* header[] = {"合同编号", "客户名称", "产品编码", "金额", "签约日期"};
    for (int c = 0; c < 5; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
    for (int i = 1; i <= rows; ++i) {
      const std::string n = std::to_string(i);
      worksheet_write_string(ws, i, 0, ("HT-" + n).c_str(), nullptr);
      worksheet_write_string(ws, i, 1, ("客户名称有限公司第" + n + "号").c_str(), nullptr);
      worksheet_write_string(ws, i, 2, ("P-" + std::to_string(i % 97)).c_str(), nullptr);
      worksheet_write_number(ws, i, 3, i + 0.5, nullptr);
      worksheet_write_number(ws, i, 4, 46188, ymd);
    }
    _exit(workbook_close(wb) == LXW_NO_ERROR ? 0 : 1);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

TEST(XlsxReader, StreamsABigSheetWithBoundedMemory) {
  const int n = 200'000;
  const std::string path = temp_path("big.xlsx");
  write_big(path, n);
  // What the sheet holds uncompressed, and that its strings are inline ones.
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  ASSERT_TRUE(z);
  zip_stat_t st;
  ASSERT_EQ(zip_stat(z, "xl/worksheets/sheet1.xml", 0, &st), 0);
  const double sheet_mb = static_cast<double>(st.size) / (1024 * 1024);
  zip_close(z);
  auto archive = xlsx::Archive::open_file(path);
  bool inline_strings = false;
  archive->read("xl/worksheets/sheet1.xml", [&](std::string_view chunk) {
    inline_strings = inline_strings || chunk.find("t=\"inlineStr\"") != std::string_view::npos;
  });
  EXPECT_TRUE(inline_strings);

  PeakGrowth memory;
  const auto t0 = std::chrono::steady_clock::now();
  XlsxReader r(path);
  Row last;
  const int64_t count = drain_rows(r, memory, last);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double growth_mb = memory.peak;
  EXPECT_EQ(count, n + 1);
  EXPECT_EQ(last.cells, (Cells{"HT-200000", "客户名称有限公司第200000号", "P-83", "200000.5", "2026-06-15"}));
  std::printf("big sheet: %d rows, %.1f MB uncompressed, read in %.2f s, resident memory grew at most %.1f MB\n", n,
              sheet_mb, secs, growth_mb);
  EXPECT_GT(sheet_mb, 20.0);
  EXPECT_LT(growth_mb, sheet_mb / 10);
}

}  // namespace
}  // namespace sl::ingest
