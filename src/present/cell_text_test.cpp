// The one cell formatter: a file's reading (the export, a fixed surface) and a report's, each
// figure written out by hand.
#include <gtest/gtest.h>

#include "present/cell_text.h"

namespace sl::present {
namespace {

TEST(CellText, FileReading) {
  const auto f = [](Value v, Unit u) { return cell_text(v, u, Lang::zh, CellUse::file); };
  EXPECT_EQ(f(int64_t{123456789}, Unit::money), "1234567.89");  // yuan, two decimals, no separators
  EXPECT_EQ(f(int64_t{-5}, Unit::money), "-0.05");
  EXPECT_EQ(f(0.8245, Unit::percent), "82.5%");
  EXPECT_EQ(f(12.5, Unit::percent), "1250.0%");
  EXPECT_EQ(f(int64_t{1234567}, Unit::count), "1234567");
  EXPECT_EQ(f(3.0, Unit::count), "3");
  EXPECT_EQ(f(int64_t{42}, Unit::number), "42");
  EXPECT_EQ(f(3.14159, Unit::number), "3.14");
  EXPECT_EQ(f(Value{}, Unit::money), "");
  EXPECT_EQ(f(std::string("华东"), Unit::text), "华东");
}

TEST(CellText, ReportReading) {
  const auto r = [](Value v, Unit u, MoneyUnit m = MoneyUnit::yuan) {
    return cell_text(v, u, Lang::zh, CellUse::report, m);
  };
  EXPECT_EQ(r(int64_t{123456789}, Unit::money, MoneyUnit::wan), "123.5");  // 1,234,567.89 yuan = 123.5万
  EXPECT_EQ(r(int64_t{123456789}, Unit::money), "1,234,567.89");
  EXPECT_EQ(r(int64_t{123456789}, Unit::money, MoneyUnit::k), "1,234.6");
  EXPECT_EQ(r(int64_t{0}, Unit::money, MoneyUnit::wan), "0");
  EXPECT_EQ(r(12.5, Unit::percent), "1,250.0%");
  EXPECT_EQ(r(int64_t{1234567}, Unit::count), "1,234,567");
  EXPECT_EQ(r(int64_t{42}, Unit::number), "42.00");
  EXPECT_EQ(r(Value{}, Unit::money), "—");
}

TEST(CellText, FiguresStandingAlone) {
  EXPECT_EQ(figure_text(354500000, Unit::money, Lang::zh), "354.5万");
  EXPECT_EQ(figure_text(354500000, Unit::money, Lang::en), "3,545.0K");
  EXPECT_EQ(figure_text(98765, Unit::money, Lang::en), "987.65");
  EXPECT_EQ(figure_text(0.0, Unit::money, Lang::zh), "0");
  EXPECT_EQ(figure_text(0.6276, Unit::percent, Lang::en), "62.8%");
  EXPECT_EQ(figure_text(168.4, Unit::count, Lang::zh), "168");
  EXPECT_EQ(figure_text(58.657, Unit::number, Lang::zh), "58.66");
}

TEST(CellText, ReportColumnsTakeOneMoneyUnit) {
  Table t{"d2_totals", {{"name", "col.name"}, {"amount", "col.amount", Unit::money}}, {}};
  t.rows = {{std::string("a"), int64_t{900000}}, {std::string("b"), int64_t{354500000}}};
  const auto cols = table_text(t, Lang::zh);
  ASSERT_EQ(cols.size(), 2u);
  EXPECT_EQ(cols[1].cells, (std::vector<std::string>{"0.9", "354.5"}));
  EXPECT_NE(cols[1].header.find("万元"), std::string::npos);
  EXPECT_TRUE(cols[1].numeric);
  EXPECT_FALSE(cols[0].numeric);
}

}  // namespace
}  // namespace sl::present
