#include "api/do_json.h"

#include "api/json_fields.h"

namespace sl::api::do_api {

Date as_of_param(const http::Request& req, Context& ctx) {
  return query_date(req.query_value("as_of", format_date(ctx.today())), "as_of");
}

json::object period_json(const Period& p, Date as_of) {
  return json::object{{"label", p.label()},
                      {"first", format_date(p.first)},
                      {"last", format_date(p.last)},
                      {"days", p.days()},
                      {"elapsed", elapsed_days(p, as_of)}};
}

json::object progress_json(const analytics::ProgressRow& r) {
  return json::object{{"target", opt(r.target)},          {"actual", r.actual}, {"completion", opt(r.completion)},
                      {"time_progress", r.time_progress}, {"gap", opt(r.gap)},  {"status", status_json(r.status)}};
}

json::value status_json(analytics::ProgressStatus s) {
  return s == analytics::ProgressStatus::none ? json::value(nullptr) : json::value(analytics::status_code(s));
}

json::object figures_json(const analytics::RepFigures& f) {
  json::array parts;
  for (const auto& p : f.parts)
    parts.push_back(
        json::object{{"code", p.code},
                     {"weight", p.weight},
                     {"value", opt(p.value)},
                     {"capped", p.value ? json::value(std::min(*p.value, analytics::kKpiCap)) : json::value(nullptr)}});
  return json::object{{"sales", f.sales},
                      {"sales_target", opt(f.sales_target)},
                      {"completion", opt(f.completion)},
                      {"collections", f.collections},
                      {"collection_target", opt(f.collection_target)},
                      {"collection_completion", opt(f.collection_completion)},
                      {"collection_rate", opt(f.collection_rate)},
                      {"new_customers", f.new_customers},
                      {"new_customer_target", opt(f.new_customer_target)},
                      {"win_rate", opt(f.win_rate)},
                      {"won", f.won},
                      {"lost", f.lost},
                      {"forecast_accuracy", opt(f.forecast_accuracy)},
                      {"kpi_score", opt(f.kpi_score)},
                      {"kpi_parts", std::move(parts)}};
}

json::object filter_options(const Caller& c) {
  const auto& d = *c.snap->dims;
  const auto& f = *c.snap->facts;
  json::array regions, reps, industries, categories;
  for (int32_t g : d.regions_at_level(1))
    if (c.scope.sees_region(g)) regions.push_back(json::object{{"id", d.region_id[g]}, {"name", d.region_name[g]}});
  for (int32_t p = 0; p < d.rep_count(); ++p) {
    if (!c.scope.sees_rep(p)) continue;
    int32_t top = d.region_top[d.rep_region[p]];
    reps.push_back(json::object{{"id", d.rep_id[p]},
                                {"name", d.rep_name[p]},
                                {"employee_no", d.rep_employee_no[p]},
                                {"region", top == engine::kNone ? json::value(nullptr) : json::value(d.region_id[top])},
                                {"active", !d.rep_leave[p].has_value()}});
  }
  for (const auto& s : f.customers.industries) industries.push_back(json::string(s));
  for (const auto& s : f.categories) categories.push_back(json::string(s));
  return json::object{{"regions", std::move(regions)},
                      {"reps", std::move(reps)},
                      {"industries", std::move(industries)},
                      {"categories", std::move(categories)}};
}

void write_figures(JsonWriter& w, const analytics::RepFigures& f) {
  w.begin_object();
  w.field("sales", f.sales);
  w.field("sales_target", f.sales_target);
  w.field("completion", f.completion);
  w.field("collections", f.collections);
  w.field("collection_target", f.collection_target);
  w.field("collection_completion", f.collection_completion);
  w.field("collection_rate", f.collection_rate);
  w.field("new_customers", f.new_customers);
  w.field("new_customer_target", f.new_customer_target);
  w.field("win_rate", f.win_rate);
  w.field("won", f.won);
  w.field("lost", f.lost);
  w.field("forecast_accuracy", f.forecast_accuracy);
  w.field("kpi_score", f.kpi_score);
  w.key("kpi_parts");
  w.begin_array();
  for (const auto& p : f.parts) {
    w.begin_object();
    w.field("code", p.code);
    w.field("weight", p.weight);
    w.field("value", p.value);
    w.key("capped");
    if (p.value)
      w.value(std::min(*p.value, analytics::kKpiCap));
    else
      w.null();
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_rep_options(JsonWriter& w, const Caller& c) {
  const auto& d = *c.snap->dims;
  w.begin_array();
  for (int32_t p = 0; p < d.rep_count(); ++p) {
    if (!c.scope.sees_rep(p)) continue;
    const int32_t top = d.region_top[d.rep_region[p]];
    w.begin_object();
    w.field("id", d.rep_id[p]);
    w.field("name", d.rep_name[p]);
    w.field("employee_no", d.rep_employee_no[p]);
    w.key("region");
    if (top == engine::kNone)
      w.null();
    else
      w.value(d.region_id[top]);
    w.field("active", !d.rep_leave[p].has_value());
    w.end_object();
  }
  w.end_array();
}

void write_filter_options(JsonWriter& w, const Caller& c) {
  const auto& d = *c.snap->dims;
  const auto& f = *c.snap->facts;
  w.begin_object();
  w.key("regions");
  w.begin_array();
  for (int32_t g : d.regions_at_level(1))
    if (c.scope.sees_region(g)) {
      w.begin_object();
      w.field("id", d.region_id[g]);
      w.field("name", d.region_name[g]);
      w.end_object();
    }
  w.end_array();
  w.key("reps");
  write_rep_options(w, c);
  w.key("industries");
  w.begin_array();
  for (const auto& s : f.customers.industries) w.value(s);
  w.end_array();
  w.key("categories");
  w.begin_array();
  for (const auto& s : f.categories) w.value(s);
  w.end_array();
  w.end_object();
}

}  // namespace sl::api::do_api
