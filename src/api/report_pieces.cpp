#include "api/report_pieces.h"

#include <cstdio>

namespace sl::api {

std::string param_text(const boost::json::object& params, const char* name) {
  const auto* v = params.if_contains(name);
  if (!v) return "";
  if (v->is_string()) return std::string(v->as_string());
  if (v->is_int64()) return std::to_string(v->as_int64());
  return "";
}

std::string money_text(int64_t fen, Lang lang) {
  char buf[64];
  if (lang == Lang::zh)
    std::snprintf(buf, sizeof buf, "%.1f 万元", static_cast<double>(fen) / 1e6);
  else
    std::snprintf(buf, sizeof buf, "¥%.1fk", static_cast<double>(fen) / 1e5);
  return buf;
}

std::string percent_text(double ratio) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", ratio * 100.0);
  return buf;
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
    return true;
  }();
  (void)once;
}

}  // namespace sl::api
