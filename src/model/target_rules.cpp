#include "model/target_rules.h"

#include "model/field_errors.h"

namespace sl::model {

int target_year(int64_t year) {
  if (year < kFirstTargetYear || year > kLastTargetYear)
    throw invalid_field("year", "年份应在 2000 到 2100 之间", "year must be between 2000 and 2100");
  return static_cast<int>(year);
}

TargetMetric grid_metric(std::string_view code) {
  if (code == "sales" || code.empty()) return TargetMetric::sales;
  if (code == "collection") return TargetMetric::collection;
  throw invalid_field("metric", "指标应为 sales 或 collection", "metric must be sales or collection");
}

Month target_month(int year, int64_t month, Month locked_before, const std::string& at) {
  check_range(month, 1, 12, at + ".month");
  const Month m = Month::of(year, static_cast<int>(month));
  if (m < locked_before)
    throw invalid_field(at + ".month", "当月之前的月份已锁定，不能修改",
                        "Months before the current one are locked and cannot be changed");
  return m;
}

void check_target_value(std::optional<int64_t> value, const std::string& at) {
  if (value) check_range(*value, 0, kMaxTargetValue, at + ".value");
}

void validate_target_cell(const Target& t, std::optional<int64_t> value, Month locked_before, const std::string& at) {
  target_year(t.month.year());
  grid_metric(metric_code(t.metric));
  target_month(t.month.year(), t.month.month(), locked_before, at);
  check_target_value(value, at);
}

}  // namespace sl::model
