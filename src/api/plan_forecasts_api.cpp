// P5 月度销售目标预测: GET/PUT /api/v1/plan/forecasts (填报: one month's submissions in the
// caller's scope and who has not submitted; a submission) and GET /api/v1/plan/forecast-accuracy
// (accuracy, WAPE and bias per rep and for the scope, the ranking, forecast vs target vs actual by
// month). The lock day is the server's setting (serve --forecast-lock-day, Context); "now" is the
// server's today at the real time of day (analytics::server_now), so --today pins the lock too.
#include "analytics/plan/forecast_report.h"
#include "analytics/plan/forecast_submissions.h"
#include "api/check_lists.h"
#include "api/do_json.h"
#include "api/page.h"
#include "api/routes.h"
#include "model/target_rules.h"

namespace sl::api {

namespace {

using present::Unit;
using present::Value;

constexpr int kAhead = 3;  // months after today's that take forecasts

// The first month still taking forecasts on `today`: its own until the lock day, else the next.
Month first_open(Date today, int lock_day) {
  const Month m = Month::of(today);
  return analytics::forecast_open(m, today, lock_day) ? m : Month{m.index + 1};
}

Month read_month(const std::string& v) {
  auto m = parse_month(v);
  if (!m || m->year() < 2000 || m->year() > 2100)
    throw invalid_field("month", "月份应为 YYYY-MM：" + v, "month must be YYYY-MM: " + v);
  return *m;
}

std::string lock_date(Month m, int lock_day) { return format_date(Date{m.first_day().days + lock_day - 1}); }

json::object rep_json(const engine::Dims& d, int32_t rep) {
  const int32_t top = d.region_top[d.rep_region[rep]];
  return json::object{
      {"id", d.rep_id[rep]},
      {"name", d.rep_name[rep]},
      {"employee_no", d.rep_employee_no[rep]},
      {"region", top == engine::kNone ? json::value(nullptr)
                                      : json::value(json::object{{"id", d.region_id[top]}, {"name", d.region_name[top]}})}};
}

std::string region_name(const engine::Dims& d, int32_t rep) {
  const int32_t top = d.region_top[d.rep_region[rep]];
  return top == engine::kNone ? "" : d.region_name[top];
}

json::array open_months(Date today, int lock_day) {
  json::array out;
  for (Month m = first_open(today, lock_day); m.index <= Month::of(today).index + kAhead; m.index++)
    out.push_back(json::string(format_month(m)));
  return out;
}

// --- GET /api/v1/plan/forecasts ---

std::vector<ParamSpec> submission_params() {
  ParamSpec month = text_param("month");
  month.fallback = [](const PageCall& q) {
    return format_month(first_open(q.ctx.today(), q.ctx.forecast_lock_day));
  };
  return join({month, id_param("region"), id_param("rep")}, check::list_params());
}

std::vector<const analytics::SubmissionRow*> listed(const PageCall& q, const analytics::MonthSubmissions& m) {
  const std::string text = q.p.text("q");
  std::vector<const analytics::SubmissionRow*> out;
  for (const auto& r : m.rows)
    if (check::name_matches(q.c.snap->dims->rep_name[r.rep], text)) out.push_back(&r);
  return out;
}

json::value submissions_json(const PageCall& q, const analytics::MonthSubmissions& m) {
  const engine::Dims& d = *q.c.snap->dims;
  const int lock_day = q.ctx.forecast_lock_day;
  json::object out = check::page_of(q, listed(q, m), [&](const analytics::SubmissionRow& r) {
    json::object o{{"rep", rep_json(d, r.rep)},
                   {"employed", r.employed},
                   {"counted", opt(r.counted)},
                   {"latest", opt(r.latest)},
                   {"submitted_at", r.latest_at ? json::value(iso_time(r.latest_at)) : json::value(nullptr)},
                   {"submissions", r.submissions},
                   {"target", opt(r.target)}};
    return o;
  });
  json::array missing;
  for (int32_t rep : m.not_submitted) missing.push_back(rep_json(d, rep));
  out["month"] = format_month(m.month);
  out["lock_day"] = lock_day;
  out["lock_date"] = lock_date(m.month, lock_day);
  out["locks_at"] = iso_time(m.lock_at);
  out["today"] = format_date(q.ctx.today());
  out["open"] = analytics::forecast_open(m.month, q.ctx.today(), lock_day) &&
                m.month.index <= Month::of(q.ctx.today()).index + kAhead;
  out["open_months"] = open_months(q.ctx.today(), lock_day);
  out["employed"] = m.employed;
  out["submitted"] = m.submitted;
  out["counted_total"] = m.counted_total;
  out["not_submitted"] = std::move(missing);
  out["unit"] = "fen";
  out["options"] = do_api::filter_options(q.c);
  return out;
}

present::Table submissions_table(const PageCall& q, const analytics::MonthSubmissions& m) {
  using R = const analytics::SubmissionRow*;
  const engine::Dims& d = *q.c.snap->dims;
  const present::TableSpec<R> spec{
      "p5_submissions",
      {{{"rep", "p5.rep"}, [&](const R& r) { return Value{d.rep_name[r->rep]}; }},
       {{"employee_no", "p5.employee_no"}, [&](const R& r) { return Value{d.rep_employee_no[r->rep]}; }},
       {{"region", "p5.region"}, [&](const R& r) { return Value{region_name(d, r->rep)}; }},
       {{"counted", "p5.counted", Unit::money}, [](const R& r) { return present::opt_value(r->counted); }},
       {{"latest", "p5.latest", Unit::money}, [](const R& r) { return present::opt_value(r->latest); }},
       {{"submitted_at", "p5.submitted_at"},
        [](const R& r) { return r->latest_at ? Value{iso_time(r->latest_at)} : Value{}; }},
       {{"submissions", "p5.submissions", Unit::count}, [](const R& r) { return Value{int64_t{r->submissions}}; }},
       {{"target", "p5.target", Unit::money}, [](const R& r) { return present::opt_value(r->target); }}}};
  return spec.build(listed(q, m));
}

present::Table not_submitted_table(const PageCall& q, const analytics::MonthSubmissions& m) {
  const engine::Dims& d = *q.c.snap->dims;
  const present::TableSpec<int32_t> spec{
      "p5_not_submitted",
      {{{"rep", "p5.rep"}, [&](const int32_t& r) { return Value{d.rep_name[r]}; }},
       {{"employee_no", "p5.employee_no"}, [&](const int32_t& r) { return Value{d.rep_employee_no[r]}; }},
       {{"region", "p5.region"}, [&](const int32_t& r) { return Value{region_name(d, r)}; }}}};
  return spec.build(m.not_submitted);
}

// --- PUT /api/v1/plan/forecasts ---

// The rep a submission is for: a rep submits their own (another rep's id is 403); a manager,
// an executive or an admin names a rep of their scope with "rep" (403 outside it, 404 unknown).
int32_t submission_rep(const Caller& c, const json::object& body) {
  const engine::Dims& d = *c.snap->dims;
  auto given = optional_int(body, "rep", "rep", 1, INT64_MAX);
  if (c.user.role == model::Role::rep) {
    if (given && *given != c.user.rep) throw forbidden();
    int32_t own = d.find_rep(c.user.rep);
    if (own == engine::kNone) throw forbidden();
    return own;
  }
  if (!given)
    throw invalid_field("rep", "请选择为哪位销售代表填报", "Choose the rep this forecast is for (\"rep\")");
  int32_t rep = d.find_rep(*given);
  if (rep == engine::kNone) throw not_found();
  if (!c.scope.sees_rep(rep)) throw forbidden();
  return rep;
}

Money submission_value(const json::object& body) {
  auto* v = body.if_contains("value");
  if (!v || v->is_null()) throw missing_field("value");
  if (v->is_int64() && v->get_int64() < 0)
    throw invalid_field("value", "预测值不能为负数", "A forecast cannot be negative");
  return required_int(body, "value", "value", 0, model::kMaxTargetValue);
}

http::Response put_forecast(Context& ctx, http::Request& req) {
  Caller c = require_caller(ctx, req);
  const json::value parsed = http::parse_json_body(req);
  const auto& body = as_object(parsed, "body");
  const Month month = read_month(required_string(body, "month", 7));
  const Date today = ctx.today();
  const int lock_day = ctx.forecast_lock_day;
  if (!analytics::forecast_open(month, today, lock_day))
    throw invalid_field("month",
                        format_month(month) + " 的预测已于 " + lock_date(month, lock_day) + " 00:00（北京时间）锁定，不能再提交",
                        "Forecasts for " + format_month(month) + " locked on " + lock_date(month, lock_day) +
                            " at 00:00 Beijing time and can no longer be submitted");
  if (month.index > Month::of(today).index + kAhead)
    throw invalid_field("month", "最多可提前 " + std::to_string(kAhead) + " 个月填报",
                        "Forecasts can be submitted up to " + std::to_string(kAhead) + " months ahead");
  const int32_t rep = submission_rep(c, body);  // who may submit for whom, before the value
  const Money value = submission_value(body);
  const engine::Dims& d = *c.snap->dims;
  if (!d.rep_active(rep, month.first_day(), month.last_day()))
    throw invalid_field("rep", "该销售代表在 " + format_month(month) + " 不在职",
                        "The rep is not employed in " + format_month(month));
  const int64_t now = analytics::server_now(today, auth::system_clock_seconds());
  const Id id = ctx.snapshots.add_forecast({0, month, d.rep_id[rep], value, now}, c.user.id, now);
  return http::json_response(200, json::object{{"id", id},
                                               {"month", format_month(month)},
                                               {"rep", d.rep_id[rep]},
                                               {"value", value},
                                               {"submitted_at", iso_time(now)},
                                               {"locks_at", iso_time(analytics::forecast_lock_at(month, lock_day))}});
}

// --- GET /api/v1/plan/forecast-accuracy ---

std::vector<ParamSpec> accuracy_params() {
  return join({as_of_param(),
               count_param("months", 6, 1, 24, "months 应在 1 到 24 之间", "months must be 1 to 24"),
               id_param("region"), id_param("rep")},
              check::list_params());
}

json::object accuracy_json(const analytics::SetAccuracy& a) {
  const char* label = analytics::bias_label(a.bias);
  return json::object{{"accuracy", opt(a.accuracy)},
                      {"wape", opt(a.wape)},
                      {"bias", opt(a.bias)},
                      {"bias_label", label ? json::value(label) : json::value(nullptr)},
                      {"pairs", a.months}};
}

std::vector<const analytics::RepAccuracy*> ranked(const PageCall& q, const analytics::ForecastReport& r) {
  const std::string text = q.p.text("q");
  std::vector<const analytics::RepAccuracy*> out;
  for (const auto& x : r.ranking)
    if (check::name_matches(q.c.snap->dims->rep_name[x.rep], text)) out.push_back(&x);
  return out;
}

json::value report_json(const PageCall& q, const analytics::ForecastReport& r) {
  const engine::Dims& d = *q.c.snap->dims;
  json::object summary = accuracy_json(r.overall);
  summary["forecast"] = r.forecast;
  summary["actual"] = r.actual;
  json::array months;
  for (const auto& m : r.months) {
    json::object o = accuracy_json(m.acc);
    o["month"] = format_month(m.month);
    o["complete"] = m.complete;
    o["forecast"] = opt(m.forecast);
    o["forecasters"] = m.forecasters;
    o["target"] = opt(m.target);
    o["actual"] = m.actual;
    months.push_back(std::move(o));
  }
  json::object ranking = check::page_of(q, ranked(q, r), [&](const analytics::RepAccuracy& x) {
    json::object o = accuracy_json(x.acc);
    o["rank"] = x.rank ? json::value(x.rank) : json::value(nullptr);
    o["rep"] = rep_json(d, x.rep);
    o["forecast"] = x.forecast;
    o["actual"] = x.actual;
    return o;
  });
  return json::object{{"as_of", format_date(q.p.date("as_of"))},
                      {"window", json::object{{"first", format_month(r.first)},
                                              {"last", format_month(r.last)},
                                              {"months", q.p.number("months")}}},
                      {"lock_day", q.ctx.forecast_lock_day},
                      {"summary", std::move(summary)},
                      {"months", std::move(months)},
                      {"ranking", std::move(ranking)},
                      {"unit", "fen"},
                      {"options", do_api::filter_options(q.c)}};
}

// The accuracy columns every P5 table shares.
template <class R, class Get>
void add_accuracy_cols(present::TableSpec<R>& spec, Get acc) {
  spec.cols.push_back({{"accuracy", "p5.accuracy", Unit::percent},
                       [acc](const R& x) { return present::opt_value(acc(x).accuracy); }});
  spec.cols.push_back(
      {{"wape", "p5.wape", Unit::percent}, [acc](const R& x) { return present::opt_value(acc(x).wape); }});
  spec.cols.push_back(
      {{"bias", "p5.bias", Unit::percent}, [acc](const R& x) { return present::opt_value(acc(x).bias); }});
  spec.cols.push_back({{"bias_label", "p5.bias_label"}, [acc](const R& x) {
                         const char* l = analytics::bias_label(acc(x).bias);
                         return l ? Value{present::Label{std::string("p5.") + l}} : Value{};
                       }});
}

present::Table ranking_table(const PageCall& q, const analytics::ForecastReport& r) {
  using R = const analytics::RepAccuracy*;
  const engine::Dims& d = *q.c.snap->dims;
  present::TableSpec<R> spec{
      "p5_ranking",
      {{{"rank", "p5.rank", Unit::count}, [](const R& x) { return x->rank ? Value{int64_t{x->rank}} : Value{}; }},
       {{"rep", "p5.rep"}, [&](const R& x) { return Value{d.rep_name[x->rep]}; }},
       {{"employee_no", "p5.employee_no"}, [&](const R& x) { return Value{d.rep_employee_no[x->rep]}; }},
       {{"region", "p5.region"}, [&](const R& x) { return Value{region_name(d, x->rep)}; }}}};
  add_accuracy_cols(spec, [](const R& x) -> const analytics::SetAccuracy& { return x->acc; });
  spec.cols.push_back({{"pairs", "p5.pairs", Unit::count}, [](const R& x) { return Value{int64_t{x->acc.months}}; }});
  spec.cols.push_back({{"forecast", "p5.forecast", Unit::money}, [](const R& x) { return Value{x->forecast}; }});
  spec.cols.push_back({{"actual", "p5.actual", Unit::money}, [](const R& x) { return Value{x->actual}; }});
  return spec.build(ranked(q, r));
}

present::Table months_table(const analytics::ForecastReport& r) {
  using M = analytics::ForecastMonth;
  present::TableSpec<M> spec{
      "p5_months",
      {{{"month", "p5.month", Unit::month}, [](const M& m) { return Value{format_month(m.month)}; }},
       {{"forecast", "p5.forecast", Unit::money}, [](const M& m) { return present::opt_value(m.forecast); }},
       {{"target", "p5.target", Unit::money}, [](const M& m) { return present::opt_value(m.target); }},
       {{"actual", "p5.actual", Unit::money}, [](const M& m) { return Value{m.actual}; }},
       {{"forecasters", "p5.forecasters", Unit::count}, [](const M& m) { return Value{int64_t{m.forecasters}}; }}}};
  add_accuracy_cols(spec, [](const M& m) -> const analytics::SetAccuracy& { return m.acc; });
  return spec.build(r.months);
}

}  // namespace

void add_plan_forecasts_routes(http::Router& r, Context& ctx) {
  add_page<analytics::MonthSubmissions>(
      r, ctx,
      {
          .path = "/api/v1/plan/forecasts",
          .kind = "p5_submissions",
          .params = submission_params(),
          .scope = filter_scope,
          .compute =
              [](const PageCall& q) {
                return analytics::forecast_submissions(*q.c.snap, q.scope, read_month(q.p.text("month")),
                                                       q.ctx.forecast_lock_day);
              },
          .encode = submissions_json,
          .tables = {{"submissions", submissions_table}, {"not_submitted", not_submitted_table}},
          .table_zh = "table 应为 submissions 或 not_submitted",
          .table_en = "table must be submissions or not_submitted",
          .file = [](const PageCall& q, const std::string& t) { return "p5-" + t + "-" + q.p.text("month"); },
      });
  r.add("PUT", "/api/v1/plan/forecasts", [&ctx](http::Request& req) { return put_forecast(ctx, req); });
  add_page<analytics::ForecastReport>(
      r, ctx,
      {
          .path = "/api/v1/plan/forecast-accuracy",
          .kind = "p5_accuracy",
          .params = accuracy_params(),
          .scope = filter_scope,
          .compute =
              [](const PageCall& q) {
                analytics::ForecastReportParams p;
                p.as_of = q.p.date("as_of");
                p.months = static_cast<int>(q.p.number("months"));
                p.lock_day = q.ctx.forecast_lock_day;
                return analytics::forecast_report(*q.c.snap, q.scope, p);
              },
          .encode = report_json,
          .tables = {{"ranking", ranking_table},
                     {"months", [](const PageCall&, const analytics::ForecastReport& x) { return months_table(x); }}},
          .table_zh = "table 应为 ranking 或 months",
          .table_en = "table must be ranking or months",
          .file = [](const PageCall& q,
                     const std::string& t) { return "p5-" + t + "-" + format_date(q.p.date("as_of")); },
      });
}

}  // namespace sl::api
