#include "model/master_rules.h"

#include "core/error.h"
#include "model/field_errors.h"

namespace sl::model {

int region_level(bool has_parent, int parent_level) {
  if (!has_parent) return 0;
  if (parent_level >= kMaxRegionLevel)
    throw invalid_field("parent", "区域最多三级（公司、大区、省）：上级区域已是第三级",
                        "Regions have at most three levels (company, area, province): the parent is already the third");
  return parent_level + 1;
}

void check_name(const std::string& value, const std::string& field) {
  if (value.size() > kMaxNameBytes) throw too_long(field);
}

void check_employment(const std::string& hire_date, const std::string& leave_date) {
  if (!leave_date.empty() && leave_date < hire_date)  // both YYYY-MM-DD
    throw invalid_field("leave_date", "离职日期不能早于入职日期", "A leave date cannot be before the hire date");
}

void check_not_negative(Money v, const std::string& field) {
  if (v < 0) throw invalid_field(field, "金额不能为负：" + field, "The amount cannot be negative: " + field);
}

void check_bid_result(const std::string& result, const std::string& bid_date, const std::string& result_date) {
  if (result == "pending") {
    if (!result_date.empty())
      throw invalid_field("result_date", "未开标的投标没有结果日期", "A pending bid has no result date");
  } else if (result_date.empty()) {
    throw missing_value("result_date");
  } else if (result_date < bid_date) {
    throw invalid_field("result_date", "结果日期不能早于投标日期", "A result date cannot be before the bid date");
  }
}

void validate_product_prices(Money list_price, Money unit_cost) {
  auto check = [](Money v, const std::string& field) {
    if (v < 0 || v > kMaxPrice)
      throw invalid_field(field, "金额应在 0 到 1,000,000,000,000.00 元之间：" + field,
                          "The amount must be from 0 to 1,000,000,000,000.00 yuan: " + field);
  };
  check(list_price, "list_price");
  check(unit_cost, "unit_cost");
}

}  // namespace sl::model
