// The header → field guesser on header rows written by hand, as ERP and CRM exports spell
// them in zh-CN and en; the expected mappings are read off the rows, not off the code.
#include "ingest/guess.h"

#include <gtest/gtest.h>

#include <set>

#include "core/error.h"

using namespace sl;
using namespace sl::ingest;

namespace {

const Entity& entity(const char* name) { return *find_entity(name); }

size_t F(const Entity& e, const char* field) { return *field_index(e, field); }

// field name → column, for the mapped fields.
std::map<std::string, size_t> mapped(const Entity& e, const Mapping& m) {
  std::map<std::string, size_t> out;
  for (const auto& x : m.matches) out[e.fields[x.field].name] = x.column;
  return out;
}

std::vector<std::string> field_names(const Entity& e, const std::vector<size_t>& idx) {
  std::vector<std::string> out;
  for (size_t i : idx) out.push_back(e.fields[i].name);
  return out;
}

// The promise whatever the headers: a column to at most one field, a field to at most one column.
void expect_one_to_one(const Mapping& m) {
  std::set<size_t> fields, columns;
  for (const auto& x : m.matches) {
    EXPECT_TRUE(fields.insert(x.field).second) << "field " << x.field << " mapped twice";
    EXPECT_TRUE(columns.insert(x.column).second) << "column " << x.column << " mapped twice";
  }
}

}  // namespace

TEST(NormalizeHeader, CaseSpacesFullWidthAndBrackets) {
  EXPECT_EQ(normalize_header("Customer Code"), "customercode");
  EXPECT_EQ(normalize_header("customer_code"), "customercode");
  EXPECT_EQ(normalize_header("  CUSTOMER-CODE "), "customercode");
  EXPECT_EQ(normalize_header("ＣＵＳＴＯＭＥＲ　Ｃｏｄｅ"), "customercode");  // full-width letters, ideographic space
  EXPECT_EQ(normalize_header("Customer No."), "customerno");
  EXPECT_EQ(normalize_header("客户 编码"), "客户编码");
  EXPECT_EQ(normalize_header("*客户编码"), "客户编码");
  EXPECT_EQ(normalize_header("【必填】客户编码"), "客户编码");
  EXPECT_EQ(normalize_header("签约日期（YYYY-MM-DD）"), "签约日期");
  EXPECT_EQ(normalize_header("(元)"), "元");  // nothing outside the brackets: their content is kept
  EXPECT_EQ(normalize_header("Ｑｔｙ"), "qty");
  EXPECT_EQ(normalize_header("金额(元"), "金额元");  // an unclosed bracket is text
}

TEST(NormalizeHeader, UnitsInBrackets) {
  std::string unit;
  EXPECT_EQ(normalize_header("金额（万元）", &unit), "金额");
  EXPECT_EQ(unit, "万元");
  EXPECT_EQ(normalize_header("金额(元)", &unit), "金额");
  EXPECT_EQ(unit, "元");
  EXPECT_EQ(normalize_header("Amount (RMB)", &unit), "amount");
  EXPECT_EQ(unit, "元");
  EXPECT_EQ(normalize_header("完成率(%)", &unit), "完成率");
  EXPECT_EQ(unit, "%");
  EXPECT_EQ(normalize_header("客户编码（必填）", &unit), "客户编码");
  EXPECT_EQ(unit, "");
}

TEST(Guess, ChineseContractsExport) {
  const Entity& e = entity("contracts");
  const std::vector<std::string> h = {"序号",     "合同编号",         "客户编码", "销售工号",
                                      "签约日期", "合同金额（万元）", "备注"};
  Mapping m = guess_mapping(e, h);
  expect_one_to_one(m);
  std::map<std::string, size_t> want = {{"line_no", 0}, {"code", 1},        {"customer", 2},
                                        {"rep", 3},     {"signed_date", 4}, {"amount", 5}};
  EXPECT_EQ(mapped(e, m), want);
  EXPECT_EQ(m.match_of(F(e, "amount"))->unit, "万元");
  EXPECT_EQ(m.match_of(F(e, "code"))->kind, MatchKind::exact);
  EXPECT_TRUE(m.missing_required.empty());
  EXPECT_EQ(m.unmapped_columns, std::vector<size_t>{6});  // 备注
  EXPECT_TRUE(m.ambiguous.empty());
}

TEST(Guess, EnglishCustomersExportInAnotherOrder) {
  const Entity& e = entity("customers");
  const std::vector<std::string> h = {"Region",        "Customer Name", "CUSTOMER CODE", "Industry",
                                      "Customer Size", "Owner",         "Created Date",  "Phone"};
  Mapping m = guess_mapping(e, h);
  expect_one_to_one(m);
  std::map<std::string, size_t> want = {{"region", 0}, {"name", 1},      {"code", 2},   {"industry", 3},
                                        {"size", 4},   {"owner_rep", 5}, {"created", 6}};
  EXPECT_EQ(mapped(e, m), want);
  EXPECT_TRUE(m.missing_required.empty());
  EXPECT_EQ(m.unmapped_columns, std::vector<size_t>{7});
}

TEST(Guess, HeadersThatContainAnAlias) {
  const Entity& e = entity("contracts");
  // "ERP合同编号" contains 合同编号, "合同签约日期" contains 签约日期, "Customer Code (CRM)" is exact once
  // its brackets go, "负责销售工号" contains 销售工号.
  const std::vector<std::string> h = {"ERP合同编号", "合同签约日期", "Customer Code (CRM)", "负责销售工号"};
  Mapping m = guess_mapping(e, h);
  expect_one_to_one(m);
  std::map<std::string, size_t> want = {{"code", 0}, {"signed_date", 1}, {"customer", 2}, {"rep", 3}};
  EXPECT_EQ(mapped(e, m), want);
  EXPECT_EQ(m.match_of(F(e, "code"))->kind, MatchKind::contains);
  EXPECT_EQ(m.match_of(F(e, "customer"))->kind, MatchKind::exact);
  EXPECT_TRUE(m.missing_required.empty());
}

TEST(Guess, AShortHeaderThatIsPartOfOneFieldsAlias) {
  const Entity& e = entity("customers");
  // 编码 is part of 客户编码 (code) only; 名称 is exact for no customers field but part of 客户名称.
  Mapping m = guess_mapping(e, {"编码", "名称"});
  std::map<std::string, size_t> want = {{"code", 0}, {"name", 1}};
  EXPECT_EQ(mapped(e, m), want);
}

TEST(Guess, AmbiguousHeaderIsReportedNotPicked) {
  const Entity& e = entity("contracts");
  // 金额 is part of 合同金额 (the contract's amount) and of 行金额 (a line's): neither is chosen.
  const std::vector<std::string> h = {"合同编号", "客户编码", "销售工号", "签约日期", "金额"};
  Mapping m = guess_mapping(e, h);
  expect_one_to_one(m);
  EXPECT_FALSE(m.column_of(F(e, "amount")));
  EXPECT_FALSE(m.column_of(F(e, "line_amount")));
  ASSERT_EQ(m.ambiguous.size(), 1u);
  EXPECT_EQ(field_names(e, m.ambiguous[0].fields), (std::vector<std::string>{"amount", "line_amount"}));
  EXPECT_EQ(m.ambiguous[0].columns, std::vector<size_t>{4});
  EXPECT_EQ(m.unmapped_columns, std::vector<size_t>{4});
  EXPECT_TRUE(m.missing_required.empty());  // neither amount is required on a contracts file
}

TEST(Guess, TwoColumnsForOneFieldNeverBothMapped) {
  const Entity& e = entity("payments");
  {  // the same field twice by exact names (a bilingual export): the leftmost, the other reported
    Mapping m = guess_mapping(e, {"合同编号", "Contract code", "回款日期", "回款金额"});
    expect_one_to_one(m);
    EXPECT_EQ(m.column_of(F(e, "contract")), 0u);
    ASSERT_EQ(m.ambiguous.size(), 1u);
    EXPECT_EQ(m.ambiguous[0].columns, (std::vector<size_t>{0, 1}));
    EXPECT_EQ(m.unmapped_columns, std::vector<size_t>{1});
    EXPECT_TRUE(m.missing_required.empty());
  }
  {  // two partial fits as good as each other: neither, and the required field is missing
    Mapping m = guess_mapping(e, {"ERP合同编号", "CRM合同编号", "回款日期", "回款金额"});
    expect_one_to_one(m);
    EXPECT_FALSE(m.column_of(F(e, "contract")));
    EXPECT_EQ(field_names(e, m.missing_required), std::vector<std::string>{"contract"});
    ASSERT_EQ(m.ambiguous.size(), 1u);
    EXPECT_EQ(m.ambiguous[0].columns, (std::vector<size_t>{0, 1}));
  }
  {  // a better partial fit wins over a worse one: 回款金额 (4 characters) over 金额 (2)
    Mapping m = guess_mapping(e, {"合同编号", "本次回款金额", "实收金额合计", "回款日期"});
    expect_one_to_one(m);
    EXPECT_EQ(m.column_of(F(e, "amount")), 1u);
  }
}

TEST(Guess, MissingRequiredFieldsAreNamed) {
  const Entity& e = entity("payments");
  Mapping m = guess_mapping(e, {"回款日期", "摘要"});
  EXPECT_EQ(field_names(e, m.missing_required), (std::vector<std::string>{"contract", "amount"}));
  EXPECT_EQ(m.unmapped_columns, std::vector<size_t>{1});
  Mapping none = guess_mapping(entity("reps"), {});
  EXPECT_EQ(field_names(entity("reps"), none.missing_required),
            (std::vector<std::string>{"employee_no", "name", "region", "hire_date"}));
  Mapping blank = guess_mapping(entity("reps"), {"", "  ", "()"});
  EXPECT_TRUE(blank.matches.empty());
  EXPECT_EQ(blank.unmapped_columns, (std::vector<size_t>{0, 1, 2}));
}

TEST(Guess, ShortAsciiPiecesDoNotMatch) {
  // "no" or "id" inside a longer word means nothing; "Date" alone is one payments alias, exact.
  const Entity& e = entity("payments");
  Mapping m = guess_mapping(e, {"Note", "Paid", "Date"});
  EXPECT_EQ(mapped(e, m), (std::map<std::string, size_t>{{"date", 2}}));
}

// Each entity's own first zh alias, first en alias and canonical name, used as the header
// row: every field is found exactly (the round trip of export and the templates).
TEST(Guess, EveryEntityFromItsOwnHeaderNames) {
  for (const auto& e : entities()) {
    std::vector<std::string> zh, en, canonical;
    for (const auto& f : e.fields) {
      zh.push_back(f.aliases.front());
      for (const auto& a : f.aliases)
        if (std::all_of(a.begin(), a.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
          en.push_back(a);
          break;
        }
      canonical.push_back(f.name);
    }
    for (const auto* row : {&zh, &en, &canonical}) {
      Mapping m = guess_mapping(e, *row);
      ASSERT_EQ(m.matches.size(), e.fields.size()) << e.name << " " << (*row)[0];
      for (size_t i = 0; i < e.fields.size(); ++i) {
        EXPECT_EQ(m.matches[i].field, i);
        EXPECT_EQ(m.matches[i].column, i) << e.name << "." << e.fields[i].name;
        EXPECT_EQ(m.matches[i].kind, MatchKind::exact) << e.name << "." << e.fields[i].name;
      }
      EXPECT_TRUE(m.missing_required.empty());
      EXPECT_TRUE(m.ambiguous.empty());
    }
  }
}

TEST(ApplyMap, GivenPairsOnly) {
  const Entity& e = entity("payments");
  const std::vector<std::string> h = {"单据号", "合同", "到账日", "本次收款 (万元)"};
  Mapping m = apply_map(e, h, {{"contract", "合同"}, {"date", "到账日"}, {"amount", "本次收款"}});
  EXPECT_EQ(mapped(e, m), (std::map<std::string, size_t>{{"contract", 1}, {"date", 2}, {"amount", 3}}));
  EXPECT_EQ(m.match_of(F(e, "amount"))->kind, MatchKind::given);
  EXPECT_EQ(m.match_of(F(e, "amount"))->unit, "万元");
  EXPECT_EQ(m.unmapped_columns, std::vector<size_t>{0});
  EXPECT_TRUE(m.missing_required.empty());
  Mapping part = apply_map(e, h, {{"contract", "合同"}});
  EXPECT_EQ(field_names(e, part.missing_required), (std::vector<std::string>{"date", "amount"}));
}

TEST(ApplyMap, MistakesAreAnswersInBothLanguages) {
  const Entity& e = entity("payments");
  const std::vector<std::string> h = {"合同", "到账日", "金额", "金额 "};
  auto fails = [&](std::vector<std::pair<std::string, std::string>> map, const char* en_part) {
    try {
      apply_map(e, h, map);
      ADD_FAILURE() << "no error for " << en_part;
    } catch (const AppError& x) {
      EXPECT_EQ(x.status, 422);
      EXPECT_EQ(x.field, "map");
      EXPECT_NE(x.en.find(en_part), std::string::npos) << x.en;
      EXPECT_FALSE(x.zh.empty());
    }
  };
  fails({{"customer", "合同"}}, "no field of payments: customer");
  fails({{"contract", "合同号"}}, "no column 合同号");
  fails({{"contract", "合同"}, {"contract", "到账日"}}, "field twice");
  fails({{"contract", "合同"}, {"date", "合同"}}, "two fields");
  // "金额" is written exactly once; " 金额" is no header as written and fits two once normalized.
  EXPECT_EQ(apply_map(e, h, {{"amount", "金额"}}).column_of(F(e, "amount")), 2u);
  fails({{"amount", " 金额"}}, "More than one column");
}
