#include "api/report_pieces.h"

#include <charconv>

namespace sl::api {

std::string param_text(const boost::json::object& params, const char* name) {
  const auto* v = params.if_contains(name);
  if (!v) return "";
  if (v->is_string()) return std::string(v->as_string());
  if (v->is_int64()) return std::to_string(v->as_int64());
  return "";
}

int64_t param_id(const boost::json::object& params, const char* name) {
  const std::string t = param_text(params, name);
  if (t.empty()) return 0;
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size() || v <= 0)
    throw invalid_field(std::string("params.") + name, "应为正整数编号：" + t, "Must be a positive id: " + t);
  return v;
}

std::string scope_label(const jobs::ReportInput& in, bool zh) {
  const auto& d = *in.snap.dims;
  if (in.user.role == model::Role::manager)
    if (int32_t r = d.find_region(in.user.region); r != engine::kNone) return d.region_name[static_cast<size_t>(r)];
  if (in.user.role == model::Role::rep)
    if (int32_t p = d.find_rep(in.user.rep); p != engine::kNone) return d.rep_name[static_cast<size_t>(p)];
  return zh ? "全公司" : "Company";
}

void add_reports() {
  static const bool once = [] {
    add_progress_report();
    add_leaderboard_report();
    return true;
  }();
  (void)once;
}

}  // namespace sl::api
