// Reps as answers show them: beside every rep name its employee number (工号), which tells
// two reps of the same name apart (issue 9 item 15). Append-only next to existing fields.
#pragma once
#include <string>

#include "api/json_fields.h"
#include "engine/dims.h"

namespace sl::api {

// The 工号 of the rep with this id, "" when the id is unknown.
std::string employee_no(const engine::Dims& d, Id rep_id);
// Adds "employee_no" to a row that names the rep `rep_id`.
void add_employee_no(json::object& row, const engine::Dims& d, Id rep_id);

}  // namespace sl::api
