// The 422 answers shared by every field check, in the words the API's JSON readers use
// (api/json_fields.cpp), so that a value rejected by a model validator reads the same
// whether it came from a form, the API or an import.
#pragma once
#include <cstdint>
#include <string>

#include "core/error.h"

namespace sl::model {

AppError missing_value(const std::string& field);                           // 缺少必填字段：…
AppError too_long(const std::string& field);                                // 内容过长：…
AppError not_in_range(const std::string& field, int64_t min, int64_t max);  // 应为 min 到 max 之间的整数：…
// The same check as the readers': 422 not_in_range unless min <= v <= max.
void check_range(int64_t v, int64_t min, int64_t max, const std::string& field);

}  // namespace sl::model
