#include "api/report_pieces.h"

#include <charconv>

#include "present/cell_text.h"

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

namespace {

std::map<std::string, std::string> query_of(const jobs::ReportInput& in) {
  std::map<std::string, std::string> q;
  for (const auto& [k, v] : in.params) q[std::string(k)] = param_text(in.params, std::string(k).c_str());
  if (q["as_of"].empty()) q["as_of"] = format_date(in.today);
  return q;
}

const json::value* at(const json::value& v, std::string_view path) {
  const json::value* cur = &v;
  while (!path.empty() && cur) {
    const size_t dot = path.find('.');
    const std::string_view part = path.substr(0, dot);
    path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
    if (cur->is_object()) {
      cur = cur->as_object().if_contains(part);
    } else if (cur->is_array()) {
      size_t i = 0;
      const auto [e, ec] = std::from_chars(part.data(), part.data() + part.size(), i);
      cur = ec == std::errc() && i < cur->as_array().size() ? &cur->as_array()[i] : nullptr;
    } else {
      cur = nullptr;
    }
  }
  return cur;
}

std::optional<double> number(const json::value* v) {
  if (!v) return std::nullopt;
  if (v->is_int64()) return static_cast<double>(v->as_int64());
  if (v->is_uint64()) return static_cast<double>(v->as_uint64());
  if (v->is_double()) return v->as_double();
  return std::nullopt;
}

std::string web_query(const jobs::ReportInput& in) {
  std::string q;
  for (const auto& [k, v] : in.params) {
    const std::string t = param_text(in.params, std::string(k).c_str());
    if (!t.empty()) q += (q.empty() ? "?" : "&") + std::string(k) + "=" + t;
  }
  return q;
}

}  // namespace

PageRun run_for(const jobs::ReportInput& in, const std::string& path, const std::vector<std::string>& tables) {
  // A view of the run's Snapshot, which outlives the run (the worker holds it).
  const std::shared_ptr<const engine::Snapshot> snap(std::shared_ptr<const engine::Snapshot>(), &in.snap);
  const Caller c{in.user, "", snap, in.scope};
  return run_page(report_context(in), path, c, query_of(in), tables);
}

std::optional<double> figure(const json::value& answer, std::string_view path) { return number(at(answer, path)); }

std::string text_at(const json::value& answer, std::string_view path) {
  const json::value* v = at(answer, path);
  return v && v->is_string() ? std::string(v->as_string()) : "";
}

std::vector<std::optional<double>> column(const json::value& answer, std::string_view array, std::string_view field) {
  std::vector<std::optional<double>> out;
  if (const json::value* a = at(answer, array); a && a->is_array())
    for (const auto& e : a->as_array()) out.push_back(number(at(e, field)));
  return out;
}

std::vector<std::string> labels(const json::value& answer, std::string_view array, std::string_view field) {
  std::vector<std::string> out;
  if (const json::value* a = at(answer, array); a && a->is_array())
    for (const auto& e : a->as_array()) out.push_back(text_at(e, field));
  return out;
}

jobs::ReportDoc report_frame(const jobs::ReportInput& in, const char* zh, const char* en, const std::string& web_path,
                             const std::string& scope, const std::string& period) {
  const bool z = in.lang == Lang::zh;
  jobs::ReportDoc d;
  d.lang = in.lang;
  d.title = z ? zh : en;
  d.subtitle = scope + (period.empty() ? "" : " · " + period) + (z ? " · 截至 " : " · as of ") + format_date(in.today);
  d.link = in.base_url + "/" + web_path + web_query(in);
  return d;
}

jobs::ReportKpi kpi(const jobs::ReportInput& in, const char* zh, const char* en, std::optional<double> v,
                    present::Unit u, std::string note) {
  return {in.lang == Lang::zh ? zh : en, v ? present::figure_text(*v, u, in.lang) : "—", std::move(note)};
}

std::string change_note(const jobs::ReportInput& in, const char* zh, const char* en, std::optional<double> v) {
  if (!v) return "";
  return std::string(in.lang == Lang::zh ? zh : en) + " " + (*v > 0 ? "+" : "") +
         present::figure_text(*v, present::Unit::percent, in.lang);
}

void add_tables(jobs::ReportDoc& doc, std::vector<present::Table> tables) {
  for (auto& t : tables)
    if (!t.rows.empty()) doc.tables.push_back(std::move(t));
}

Context& report_context(const jobs::ReportInput& in) {
  if (!in.ctx) throw AppError(500, "no_context", "", "报表未收到运行环境", "The report was run without its context");
  return *in.ctx;
}

void add_reports() {
  static const bool once = [] {
    add_progress_report();
    add_leaderboard_report();
    add_do_reports();
    add_check_reports();
    add_plan_reports();
    add_act_reports();
    return true;
  }();
  (void)once;
}

}  // namespace sl::api
