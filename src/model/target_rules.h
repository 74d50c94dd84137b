// The field rules of the target-entry grid (目标填报), shared by the API, the forms and the
// import: each check throws AppError 422 naming the field, in both languages. Which rows a
// caller may fill (role and region scope) is decided by the caller against its Snapshot.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "model/entities.h"

namespace sl::model {

constexpr int kFirstTargetYear = 2000, kLastTargetYear = 2100;
constexpr int64_t kMaxTargetValue = 10'000'000'000'000'000;  // 1e16 fen (一千亿元): far below int64 overflow in sums

// The year of a grid, 2000–2100. Taken as int64 so that no number wraps into the range.
// Field "year".
int target_year(int64_t year);
// The metrics entered in the grid: sales (also "", the default) or collection. Field "metric".
TargetMetric grid_metric(std::string_view code);
// Month 1–12 of `year`, not before `locked_before` (the current month: earlier months are
// read-only). Field `at` + ".month".
Month target_month(int year, int64_t month, Month locked_before, const std::string& at);
// A target value, 0..kMaxTargetValue; none clears the cell. Field `at` + ".value".
void check_target_value(std::optional<int64_t> value, const std::string& at);

// Every rule above on one cell of a grid (`at`: "cells[3]").
void validate_target_cell(const Target& t, std::optional<int64_t> value, Month locked_before, const std::string& at);

}  // namespace sl::model
