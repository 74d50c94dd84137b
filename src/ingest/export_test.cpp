// The export's value formats, and one entity from a hand-made Dataset.
#include "ingest/export.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "ingest/table_file.h"

using namespace sl;
using namespace sl::ingest;

TEST(ExportValues, MoneyAsYuanWithTwoDecimals) {
  EXPECT_EQ(money_text(123456), "1234.56");
  EXPECT_EQ(money_text(100), "1.00");
  EXPECT_EQ(money_text(0), "0.00");
  EXPECT_EQ(money_text(7), "0.07");
  EXPECT_EQ(money_text(-5), "-0.05");
  EXPECT_EQ(money_text(-123456), "-1234.56");
}

TEST(ExportValues, TimesInBeijingTime) {
  EXPECT_EQ(beijing_time_text(0), "1970-01-01T08:00:00+08:00");
  EXPECT_EQ(beijing_time_text(1780366500), "2026-06-02T10:15:00+08:00");  // 02:15 UTC (Python's datetime)
  EXPECT_EQ(beijing_time_text(-1), "1970-01-01T07:59:59+08:00");
}

TEST(ExportValues, KeysForIdsWithoutOne) {
  EXPECT_EQ(opportunity_code(42), "O000042");
  EXPECT_EQ(fallback_employee_no(7), "E00007");
}

TEST(Export, RowsByBusinessKeys) {
  model::Dataset d;
  d.regions = {{1, "总部", 0, 0}, {2, "华东", 1, 1}};
  d.reps = {{5, "张三", 2, 0, *parse_date("2020-01-01"), std::nullopt}};
  d.customers = {{9, "C9", "客户九", "制造", model::CustomerSize::large, 2, 5, *parse_date("2020-02-01"), ""}};
  d.products = {{3, "P3", "柜", "控制", *parse_date("2019-01-01"), 120000, 80000}};
  model::Contract k;
  k.id = 11;
  k.code = "HT-1";
  k.customer = 9;
  k.rep = 5;
  k.opportunity = 4;
  k.signed_date = *parse_date("2026-06-15");
  k.amount = 250000;
  k.lines = {{3, 2, 240000, 160000}, {3, 1, 10000, 8000}};
  k.plan = {{*parse_date("2026-07-31"), 250000}};
  d.contracts = {k};
  TextTable c = export_entity(d, "contracts");
  EXPECT_EQ(c.headers, (std::vector<std::string>{"code", "customer", "rep", "opportunity", "signed_date", "amount"}));
  ASSERT_EQ(c.rows.size(), 1u);
  EXPECT_EQ(c.rows[0], (std::vector<std::string>{"HT-1", "C9", "E00005", "O000004", "2026-06-15", "2500.00"}));
  TextTable lines = export_entity(d, "contract_lines");
  ASSERT_EQ(lines.rows.size(), 2u);
  EXPECT_EQ(lines.rows[1], (std::vector<std::string>{"HT-1", "2", "P3", "1", "100.00", "80.00"}));
  TextTable regions = export_entity(d, "regions");
  EXPECT_EQ(regions.rows, (std::vector<std::vector<std::string>>{{"总部", ""}, {"华东", "总部"}}));
  EXPECT_THROW(export_entity(d, "meetings"), AppError);
}

// Equal payments (contract, day, amount) are one row of the import: written as their sum, and
// merged again when the sum meets another payment of the day (100 + 100 = 200, + 200 = 400).
TEST(Export, EqualPaymentsWrittenAsTheirSum) {
  model::Dataset d;
  model::Contract k;
  k.id = 11;
  k.code = "HT-1";
  d.contracts = {k};
  const Date day = *parse_date("2026-06-01"), next = *parse_date("2026-06-02");
  d.payments = {{1, 11, day, 10000}, {2, 11, day, 10000}, {3, 11, next, 10000}, {4, 11, day, 20000}, {5, 11, day, 5000}};
  TextTable t = export_entity(d, "payments");
  EXPECT_EQ(t.headers, (std::vector<std::string>{"contract", "date", "amount"}));
  EXPECT_EQ(t.rows, (std::vector<std::vector<std::string>>{
                        {"HT-1", "2026-06-01", "400.00"}, {"HT-1", "2026-06-02", "100.00"}, {"HT-1", "2026-06-01", "50.00"}}));
}

TEST(TableFile, CsvQuotesOnlyWhatNeedsIt) {
  TextTable t{{"a", "b"}, {{"x,y", "say \"hi\""}, {"line\nbreak", " padded"}, {"plain", ""}}};
  EXPECT_EQ(csv_text(t),
            "\xEF\xBB\xBF"
            "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",\" padded\"\r\nplain,\r\n");
  EXPECT_NO_THROW(check_table_file_name("out.CSV"));
  EXPECT_NO_THROW(check_table_file_name("dir.v2/out.xlsx"));
  EXPECT_THROW(check_table_file_name("out.xls"), AppError);
  EXPECT_THROW(check_table_file_name("csv"), AppError);
}
