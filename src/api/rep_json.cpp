#include "api/rep_json.h"

namespace sl::api {

std::string employee_no(const engine::Dims& d, Id rep_id) {
  const int32_t p = d.find_rep(rep_id);
  return p == engine::kNone || d.rep_employee_no.empty() ? "" : d.rep_employee_no[p];
}

void add_employee_no(json::object& row, const engine::Dims& d, Id rep_id) {
  row["employee_no"] = employee_no(d, rep_id);
}

}  // namespace sl::api
