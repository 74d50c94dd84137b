#include "model/field_errors.h"

namespace sl::model {

AppError missing_value(const std::string& field) {
  return invalid_field(field, "缺少必填字段：" + field, "Missing required field: " + field);
}

AppError too_long(const std::string& field) { return invalid_field(field, "内容过长：" + field, "Too long: " + field); }

AppError not_in_range(const std::string& field, int64_t min, int64_t max) {
  return invalid_field(
      field, "应为 " + std::to_string(min) + " 到 " + std::to_string(max) + " 之间的整数：" + field,
      "Expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ": " + field);
}

void check_range(int64_t v, int64_t min, int64_t max, const std::string& field) {
  if (v < min || v > max) throw not_in_range(field, min, max);
}

}  // namespace sl::model
