#include <gtest/gtest.h>

#include "present/catalog.h"
#include "present/table.h"
#include "present/writers.h"

namespace sl::present {
namespace {

struct Row {
  std::string name;
  int64_t fen;
  std::optional<double> ratio;
};

Table sample() {
  const TableSpec<Row> spec{
      "d2_regions",
      {{{"name", "col.region"},
        [](const Row& r) { return r.name.empty() ? Value{Label{"value.total"}} : Value{r.name}; }},
       {{"sales_amount", "col.amount", Unit::money, "metric.sales"}, [](const Row& r) { return Value{r.fen}; }},
       {{"sales_yoy", "col.yoy", Unit::percent, "metric.sales"}, [](const Row& r) { return opt_value(r.ratio); }}}};
  return spec.build({{"华东, 一区", 123450, 0.125}, {"", 5, std::nullopt}});
}

TEST(Catalog, EveryKeyHasBothLanguages) {
  const auto keys = catalog_keys();
  ASSERT_GT(keys.size(), 50u);
  for (const auto& k : keys) {
    EXPECT_FALSE(text(k, Lang::zh).empty()) << k;
    EXPECT_FALSE(text(k, Lang::en).empty()) << k;
  }
  EXPECT_EQ(text("col.month", Lang::zh), "月份");
  EXPECT_EQ(text("col.month", Lang::en), "Month");
  EXPECT_FALSE(has_text("col.nonexistent"));
  EXPECT_THROW(text("col.nonexistent", Lang::en), std::logic_error);
}

TEST(Table, HeadersCarryTheGroupAndTheMoneyUnit) {
  const Table t = sample();
  EXPECT_EQ(header(t.columns[0], Lang::zh), "大区");
  EXPECT_EQ(header(t.columns[1], Lang::zh), "签单·金额(元)");
  EXPECT_EQ(header(t.columns[1], Lang::en), "Contracts · Amount (yuan)");
  EXPECT_EQ(header(t.columns[2], Lang::en), "Contracts · YoY");
  Column literal{"x", "col.per_head", Unit::money, "", "华南大区"};
  EXPECT_EQ(header(literal, Lang::zh), "华南大区·人均(元)");
}

TEST(Table, CsvInYuanWithPercentagesAndQuotedText) {
  // 123450 fen = 1234.50 yuan; 0.125 = 12.5 %; a name with a comma is quoted; the unnamed
  // row reads 合计 / Total; an absent ratio is an empty field.
  EXPECT_EQ(to_csv(sample(), Lang::zh),
            "\xEF\xBB\xBF大区,签单·金额(元),签单·同比\r\n\"华东, 一区\",1234.50,12.5%\r\n合计,0.05,\r\n");
  EXPECT_EQ(to_csv(sample(), Lang::en),
            "\xEF\xBB\xBFRegion,Contracts · Amount (yuan),Contracts · YoY\r\n\"华东, "
            "一区\",1234.50,12.5%\r\nTotal,0.05,\r\n");
}

TEST(Table, XlsxIsAZipWorkbook) {
  const std::string x = to_xlsx(sample(), Lang::zh);
  ASSERT_GT(x.size(), 1000u);
  EXPECT_EQ(x.substr(0, 2), "PK");
}

TEST(Table, JsonRowsKeyedByColumnInFen) {
  const auto j = table_json(sample(), Lang::en);
  EXPECT_EQ(j.at("sheet").as_string(), "d2_regions");
  EXPECT_EQ(j.at("name").as_string(), "Regions");
  const auto& cols = j.at("columns").as_array();
  ASSERT_EQ(cols.size(), 3u);
  EXPECT_EQ(cols[1].at("unit").as_string(), "money");
  EXPECT_EQ(cols[1].at("label").as_string(), "col.amount");
  const auto& rows = j.at("rows").as_array();
  EXPECT_EQ(rows[0].at("sales_amount").as_int64(), 123450);
  EXPECT_DOUBLE_EQ(rows[0].at("sales_yoy").as_double(), 0.125);
  EXPECT_EQ(rows[1].at("name").as_string(), "Total");
  EXPECT_TRUE(rows[1].at("sales_yoy").is_null());
}

}  // namespace
}  // namespace sl::present
