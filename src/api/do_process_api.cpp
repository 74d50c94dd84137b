// GET /api/v1/do/process: D2 业绩完成过程看板 (one answer for the whole page, or with
// format=xlsx|csv&table=totals|regions|reps|trend|anomalies one table as a file) and
// POST /api/v1/do/anomalies/ack: acknowledge an anomaly with a comment (stored, audited).
#include <cmath>
#include <map>

#include "analytics/do/anomaly_groups.h"
#include "analytics/do/process.h"
#include "api/cached_response.h"
#include "api/do_json.h"
#include "api/export.h"
#include "api/json_fields.h"
#include "api/list_order.h"
#include "api/page.h"
#include "api/rep_json.h"
#include "api/routes.h"

namespace sl::api {

using namespace do_api;

namespace {

json::object metric_json(const analytics::MetricFigures& m) {
  return json::object{{"metric", analytics::do_metric_code(m.metric)},
                      {"amount", m.amount},
                      {"count", opt(m.count)},
                      {"target", opt(m.target)},
                      {"completion", opt(m.completion)},
                      {"yoy_amount", m.yoy_amount},
                      {"yoy", opt(m.yoy)},
                      {"yoy_basis", analytics::yoy_basis_code(m.yoy_basis)},
                      {"pop_amount", m.pop_amount},
                      {"pop", opt(m.pop)},
                      {"pop_basis", analytics::yoy_basis_code(m.pop_basis)}};
}

json::array metrics_json(const std::array<analytics::MetricFigures, 3>& ms) {
  json::array a;
  for (const auto& m : ms) a.push_back(metric_json(m));
  return a;
}

// metric_json written straight into the body.
void write_metric(JsonWriter& w, const analytics::MetricFigures& m) {
  w.begin_object();
  w.field("metric", analytics::do_metric_code(m.metric));
  w.field("amount", m.amount);
  w.field("count", m.count);
  w.field("target", m.target);
  w.field("completion", m.completion);
  w.field("yoy_amount", m.yoy_amount);
  w.field("yoy", m.yoy);
  w.field("yoy_basis", analytics::yoy_basis_code(m.yoy_basis));
  w.field("pop_amount", m.pop_amount);
  w.field("pop", m.pop);
  w.field("pop_basis", analytics::yoy_basis_code(m.pop_basis));
  w.end_object();
}

using AckMap = std::map<std::string, std::vector<store::Store::AnomalyAck>>;

std::string ack_key(const store::Store::AnomalyAck& a) {
  return a.unit + ":" + std::to_string(a.unit_id) + "/" + a.metric + "/" + a.month + "/" + a.rule;
}

json::object anomaly_json(const analytics::Anomaly& a, const AckMap& acks) {
  json::array rules, ack_list;
  for (const auto& r : a.rules) rules.push_back(json::string(r));
  auto it = acks.find(a.key());
  if (it != acks.end())
    for (const auto& x : it->second)
      ack_list.push_back(json::object{{"user", x.user_login}, {"at", iso_time(x.at)}, {"comment", x.comment}});
  return json::object{{"key", a.key()},
                      {"unit", a.unit},
                      {"id", a.id},
                      {"name", a.name},
                      {"metric", analytics::do_metric_code(a.metric)},
                      {"month", format_month(a.month)},
                      {"rules", std::move(rules)},
                      {"severity", a.severity},
                      {"value", a.value},
                      {"count", opt(a.count)},
                      {"last_year", opt(a.last_year)},
                      {"yoy", opt(a.yoy)},
                      {"yoy_basis", analytics::yoy_basis_code(a.yoy_basis)},
                      {"z", opt(a.z)},
                      {"median", opt(a.median)},
                      {"mad", opt(a.mad)},
                      {"target", opt(a.target)},
                      {"completion", opt(a.completion)},
                      {"time_progress", opt(a.time_progress)},
                      {"acks", std::move(ack_list)}};
}

// anomaly_json written straight into the body; with `dims`, the rep's 工号 after the rest.
void write_anomaly(JsonWriter& w, const analytics::Anomaly& a, const AckMap& acks, const engine::Dims* dims) {
  w.begin_object();
  w.field("key", a.key());
  w.field("unit", a.unit);
  w.field("id", a.id);
  w.field("name", a.name);
  w.field("metric", analytics::do_metric_code(a.metric));
  w.field("month", format_month(a.month));
  w.key("rules");
  w.begin_array();
  for (const auto& r : a.rules) w.value(r);
  w.end_array();
  w.field("severity", a.severity);
  w.field("value", a.value);
  w.field("count", a.count);
  w.field("last_year", a.last_year);
  w.field("yoy", a.yoy);
  w.field("yoy_basis", analytics::yoy_basis_code(a.yoy_basis));
  w.field("z", a.z);
  w.field("median", a.median);
  w.field("mad", a.mad);
  w.field("target", a.target);
  w.field("completion", a.completion);
  w.field("time_progress", a.time_progress);
  w.key("acks");
  w.begin_array();
  if (auto it = acks.find(a.key()); it != acks.end())
    for (const auto& x : it->second) {
      w.begin_object();
      w.field("user", x.user_login);
      w.field("at", iso_time(x.at));
      w.field("comment", x.comment);
      w.end_object();
    }
  w.end_array();
  if (dims) w.field("employee_no", employee_no(*dims, a.id));
  w.end_object();
}

// One anomaly inside its group: the flat form without the unit (the group names it), with the
// amount at stake, the target pro rata to time progress and the completion gap, which the web's
// plain words read (docs/api.md).
json::object grouped_anomaly_json(const analytics::Anomaly& a, const AckMap& acks) {
  json::object o = anomaly_json(a, acks);
  for (const char* k : {"unit", "id", "name"}) o.erase(k);
  // Ratios to 1e-6 and the median and MAD to whole fen: all a sentence or a tooltip shows, in
  // ~6 % fewer bytes (a year's page of groups on the medium demo holds ~200 anomalies).
  auto round_to = [&o](const char* k, double scale) {
    if (auto* v = o.if_contains(k); v && v->is_double()) *v = std::round(v->get_double() * scale) / scale;
  };
  for (const char* k : {"yoy", "z", "completion", "time_progress"}) round_to(k, 1e6);
  for (const char* k : {"median", "mad"}) round_to(k, 1);
  o["at_stake"] = analytics::amount_at_stake(a);
  o["pace_target"] = opt(analytics::pace_target(a));
  o["gap"] = a.completion && a.time_progress ? json::value(std::round((*a.completion - *a.time_progress) * 1e6) / 1e6)
                                             : json::value(nullptr);
  return o;
}

json::object group_json(const analytics::AnomalyGroup& g, const std::vector<analytics::Anomaly>& flat,
                        const AckMap& acks) {
  json::array rules, metrics, months, items;
  for (const auto& r : g.rules) rules.push_back(json::string(r));
  for (auto m : g.metrics) metrics.push_back(json::string(analytics::do_metric_code(m)));
  for (auto m : g.months) months.push_back(json::string(format_month(m)));
  for (size_t i : g.anomalies) items.push_back(grouped_anomaly_json(flat[i], acks));
  return json::object{{"unit", g.unit},
                      {"id", g.id},
                      {"name", g.name},
                      {"severity", g.severity},
                      {"at_stake", g.at_stake},
                      {"count", g.anomalies.size()},
                      {"high", g.high},
                      {"medium", g.medium},
                      {"rules", std::move(rules)},
                      {"metrics", std::move(metrics)},
                      {"months", std::move(months)},
                      {"anomalies", std::move(items)}};
}

// The groups of anomaly_page (anomaly_page_size groups a page, the ranked order of
// anomaly_groups.h) and what the page does not show: anomaly_summary counts every group. The
// answer's fields anomaly_groups, anomaly_page, anomaly_page_size and anomaly_summary.
json::object anomaly_groups_part(const PageCall& q, const std::vector<analytics::Anomaly>& flat, const AckMap& acks) {
  json::object answer;
  const auto groups = analytics::group_anomalies(flat);
  const size_t page = static_cast<size_t>(q.p.number("anomaly_page")),
               size = static_cast<size_t>(q.p.number("anomaly_page_size"));
  json::array items;
  size_t high_groups = 0, high = 0, medium = 0, rest = 0;
  for (size_t i = 0; i < groups.size(); ++i) {
    const auto& g = groups[i];
    if (i >= (page - 1) * size && i < page * size) items.push_back(group_json(g, flat, acks));
    high += g.high;
    medium += g.medium;
    if (g.severity == "high")
      high_groups++;
    else
      rest += g.anomalies.size();
  }
  answer["anomaly_groups"] = std::move(items);
  answer["anomaly_page"] = page;
  answer["anomaly_page_size"] = size;
  answer["anomaly_summary"] = json::object{
      {"groups", groups.size()}, {"high_groups", high_groups}, {"high", high}, {"medium", medium}, {"rest", rest}};
  return answer;
}

AckMap load_acks(Context& ctx, const Period& p) {
  AckMap m;
  for (auto& a : ctx.store.anomaly_acks(format_month(Month::of(p.first)), format_month(Month::of(p.last))))
    m[ack_key(a)].push_back(std::move(a));
  return m;
}

using present::Col;
using present::Unit;
using present::Value;

const char* const kMetricCodes[] = {"bids_won", "sales", "collection"};

// A growth as a file shows it: the percentage on a normal base, 新增 / New when last year had
// nothing to speak of, empty on a small base or an unfinished month (docs/metrics.md).
Value growth_value(const std::optional<double>& v, analytics::YoyBasis basis) {
  if (basis == analytics::YoyBasis::new_base) return present::Label{"value.new"};
  return present::opt_value(v);
}

// Totals, regions or reps: the name, then per metric (中标, 签单, 回款) amount, count, target,
// completion, YoY and PoP. Bids are counted, so their target is a count; the others are money.
present::Table breakdown_table(const std::string& sheet, const char* first,
                               const std::vector<analytics::BreakdownRow>& rows) {
  using Row = analytics::BreakdownRow;
  // The totals row has no name of its own: "合计" / "Total".
  present::TableSpec<Row> spec{sheet, {{{"name", first}, [](const Row& r) {
                                          return r.id == 0 && r.name.empty() ? Value{present::Label{"value.total"}}
                                                                             : Value{r.name};
                                        }}}};
  for (int k = 0; k < 3; ++k) {
    const std::string m = kMetricCodes[k], g = "metric." + m;
    auto col = [&](const char* key, const char* label, Unit u,
                   std::function<Value(const analytics::MetricFigures&)> get) {
      spec.cols.push_back({{m + "_" + key, label, u, g}, [k, get](const Row& r) { return get(r.metrics[k]); }});
    };
    col("amount", "col.amount", Unit::money, [](const analytics::MetricFigures& f) { return Value{f.amount}; });
    col("count", "col.count", Unit::count,
        [](const analytics::MetricFigures& f) { return present::opt_value(f.count); });
    col("target", "col.target", k == 0 ? Unit::count : Unit::money,
        [](const analytics::MetricFigures& f) { return present::opt_value(f.target); });
    col("completion", "col.completion", Unit::percent,
        [](const analytics::MetricFigures& f) { return present::opt_value(f.completion); });
    col("yoy", "col.yoy", Unit::percent,
        [](const analytics::MetricFigures& f) { return growth_value(f.yoy, f.yoy_basis); });
    col("pop", "col.pop", Unit::percent,
        [](const analytics::MetricFigures& f) { return growth_value(f.pop, f.pop_basis); });
  }
  return spec.build(rows);
}

present::Table trend_table(const analytics::ProcessResult& r) {
  using Row = analytics::TrendMonth;
  present::TableSpec<Row> spec{
      "d2_trend", {{{"month", "col.month", Unit::month}, [](const Row& m) { return Value{format_month(m.month)}; }}}};
  for (int k = 0; k < 3; ++k) {
    const std::string m = kMetricCodes[k], g = "metric." + m;
    spec.cols.push_back({{m + "_this_year", "col.this_year", Unit::money, g},
                         [k](const Row& x) { return present::opt_value(x.this_year[k]); }});
    spec.cols.push_back(
        {{m + "_last_year", "col.last_year", Unit::money, g}, [k](const Row& x) { return Value{x.last_year[k]}; }});
  }
  return spec.build(r.trend);
}

present::Table anomalies_table(const analytics::ProcessResult& r, const AckMap& acks) {
  using Row = analytics::Anomaly;
  // The rank of each anomaly's unit among the groups (anomaly_groups.h): the file keeps the
  // list's order and can be sorted by group.
  std::map<std::pair<std::string, Id>, size_t> group_rank;
  const auto groups = analytics::group_anomalies(r.anomalies);
  for (size_t i = 0; i < groups.size(); ++i) group_rank[{groups[i].unit, groups[i].id}] = i + 1;
  auto pct = [](std::optional<double> analytics::Anomaly::*f) {
    return [f](const Row& a) { return present::opt_value(a.*f); };
  };
  const present::TableSpec<Row> spec{
      "d2_anomalies",
      {{{"unit", "col.unit"}, [](const Row& a) { return Value{present::Label{"value." + a.unit}}; }},
       {{"name", "col.name"}, [](const Row& a) { return Value{a.name}; }},
       {{"metric", "col.metric"},
        [](const Row& a) {
          return Value{present::Label{std::string("metric.") + analytics::do_metric_code(a.metric)}};
        }},
       {{"month", "col.month", Unit::month}, [](const Row& a) { return Value{format_month(a.month)}; }},
       {{"rules", "col.rules"},
        [](const Row& a) {
          std::string rules;
          for (const auto& x : a.rules) rules += (rules.empty() ? "" : "+") + x;
          return Value{rules};
        }},
       {{"severity", "col.severity"}, [](const Row& a) { return Value{present::Label{"value." + a.severity}}; }},
       {{"value", "col.amount", Unit::money}, [](const Row& a) { return Value{a.value}; }},
       {{"last_year", "col.last_year_month", Unit::money},
        [](const Row& a) { return present::opt_value(a.last_year); }},
       {{"yoy", "col.yoy", Unit::percent}, [](const Row& a) { return growth_value(a.yoy, a.yoy_basis); }},
       {{"z", "col.z", Unit::number}, pct(&Row::z)},
       {{"completion", "col.completion", Unit::percent}, pct(&Row::completion)},
       {{"time_progress", "col.time_progress", Unit::percent}, pct(&Row::time_progress)},
       {{"ack", "col.ack"},
        [&acks](const Row& a) {
          std::string ack;
          if (auto it = acks.find(a.key()); it != acks.end())
            for (const auto& x : it->second) ack += (ack.empty() ? "" : "; ") + x.user_login + ": " + x.comment;
          return Value{ack};
        }},
       {{"at_stake", "col.at_stake", Unit::money}, [](const Row& a) { return Value{analytics::amount_at_stake(a)}; }},
       {{"group_rank", "col.group_rank", Unit::count}, [&group_rank](const Row& a) {
          return Value{static_cast<int64_t>(group_rank.at({a.unit, a.id}))};
        }}}};
  return spec.build(r.anomalies);
}

present::Table export_table(const analytics::ProcessResult& r, const std::string& table, const AckMap& acks) {
  if (table == "regions") return breakdown_table("d2_regions", "col.region", r.regions);
  if (table == "reps") return breakdown_table("d2_reps", "col.rep", r.reps);
  if (table == "trend") return trend_table(r);
  if (table == "anomalies") return anomalies_table(r, acks);
  return breakdown_table("d2_totals", "col.scope", {analytics::BreakdownRow{0, "", r.totals}});
}

// D2 answers at most anomaly_limit anomalies, the most severe first: a large company can have
// thousands, which no one reads on a page (10M lines: ~10,000 in a year, 3.6 MB of JSON).
// The export has all of them.
ParamSpec anomaly_limit_param() {
  ParamSpec s = count_param("anomaly_limit", 200, 1, 10000, "anomaly_limit 应在 1 到 10000 之间",
                            "anomaly_limit must be 1 to 10000");
  s.keys_result = false;
  return s;
}

// The groups of anomalies come a page at a time (anomaly_groups.h; a year of a medium company
// has ~110 units with ~2,300 anomalies between them).
std::vector<ParamSpec> anomaly_page_params() {
  ParamSpec page = count_param("anomaly_page", 1, 1, 100000, "anomaly_page 应在 1 到 100000 之间",
                               "anomaly_page must be 1 to 100000");
  ParamSpec size = count_param("anomaly_page_size", 10, 1, 100, "anomaly_page_size 应在 1 到 100 之间",
                               "anomaly_page_size must be 1 to 100");
  page.keys_result = size.keys_result = false;
  return {page, size};
}

analytics::ProcessParams process_params(const PageCall& q) {
  analytics::ProcessParams p;
  p.as_of = q.p.date("as_of");
  p.period = q.p.period("period");
  p.filter = {q.p.number("region"), q.p.number("rep"), q.p.text("industry"), q.p.text("category")};
  return p;
}

// The rep table is sorted and paged on the server (?reps_sort=name|bids_won|sales|collection —
// the amounts —, ?reps_order, ?reps_page, ?reps_page_size; list_order.h).
const std::vector<std::string> kRepSortKeys{"name", "bids_won", "sales", "collection"};

SortValue rep_sort_value(const analytics::BreakdownRow& r, const std::string& key) {
  if (key == "name") return r.name;
  for (int k = 0; k < 3; ++k)
    if (key == kMetricCodes[k]) return static_cast<double>(r.metrics[k].amount);
  return std::monostate{};
}

// What D2's two encoders (process_json, write_process) read besides the result.
struct ProcessView {
  analytics::ProcessParams p;
  AckMap acks;
  std::vector<const analytics::BreakdownRow*> rep_page;  // the page of reps in the asked order
  json::object small;                                    // period … windows: a few fields
  json::object tail;  // the anomaly groups, then the rep table's paging and order fields
};

ProcessView process_view(const PageCall& q, const analytics::ProcessResult& result) {
  ProcessView v;
  v.p = process_params(q);
  v.acks = load_acks(q.ctx, v.p.period);
  const Paging rep_paging = read_paging(q.req, 50, "reps_");
  const SortOrder rep_order = read_sort(q.req, kRepSortKeys, "reps_");
  for (size_t i : page_order(result.reps.size(), rep_order, rep_paging,
                             [&](size_t k, const std::string& key) { return rep_sort_value(result.reps[k], key); }))
    v.rep_page.push_back(&result.reps[i]);
  auto window = [](const analytics::Window& w) {
    return json::object{{"first", format_date(w.first)}, {"last", format_date(w.last)}};
  };
  const auto& f = v.p.filter;
  v.small = json::object{
      {"period", period_json(v.p.period, v.p.as_of)},
      {"as_of", format_date(v.p.as_of)},
      {"filter", json::object{{"region", f.region ? json::value(f.region) : json::value(nullptr)},
                              {"rep", f.rep ? json::value(f.rep) : json::value(nullptr)},
                              {"industry", f.industry},
                              {"category", f.category}}},
      {"windows",
       json::object{{"current", window(result.current)}, {"yoy", window(result.yoy)}, {"pop", window(result.pop)}}}};
  v.tail = anomaly_groups_part(q, result.anomalies, v.acks);
  add_order(v.tail, result.reps.size(), rep_paging, rep_order, "reps_");
  return v;
}

json::array trend_json(const analytics::ProcessResult& result) {
  json::array trend;
  for (const auto& m : result.trend) {
    json::array ty, ly;
    for (int k = 0; k < 3; ++k) {
      ty.push_back(opt(m.this_year[k]));
      ly.push_back(m.last_year[k]);
    }
    trend.push_back(
        json::object{{"month", format_month(m.month)}, {"this_year", std::move(ty)}, {"last_year", std::move(ly)}});
  }
  return trend;
}

json::value process_json(const PageCall& q, const analytics::ProcessResult& result) {
  ProcessView v = process_view(q, result);
  const engine::Dims& d = *q.c.snap->dims;
  auto row = [](const analytics::BreakdownRow& r) {
    return json::object{{"id", r.id}, {"name", r.name}, {"metrics", metrics_json(r.metrics)}};
  };
  json::array regions, reps, anomalies;
  for (const auto& r : result.regions) regions.push_back(row(r));
  for (const auto* r : v.rep_page) {
    json::object o = row(*r);
    add_employee_no(o, d, r->id);
    reps.push_back(std::move(o));
  }
  const size_t limit = static_cast<size_t>(q.p.number("anomaly_limit"));
  for (size_t i = 0; i < result.anomalies.size() && i < limit; ++i) {
    anomalies.push_back(anomaly_json(result.anomalies[i], v.acks));
    if (result.anomalies[i].unit == "rep") add_employee_no(anomalies.back().as_object(), d, result.anomalies[i].id);
  }
  json::object answer = std::move(v.small);
  answer["time_progress"] = result.time_progress;
  answer["totals"] = metrics_json(result.totals);
  answer["regions"] = std::move(regions);
  answer["reps"] = std::move(reps);
  answer["trend_year"] = result.trend_year;
  answer["trend"] = trend_json(result);
  answer["anomalies"] = std::move(anomalies);
  answer["anomalies_total"] = result.anomalies.size();
  answer["options"] = filter_options(q.c);
  for (auto& kv : v.tail) answer[kv.key()] = std::move(kv.value());
  return answer;
}

// process_json written straight into the body: the lists (reps, anomalies, the filter bar's
// options) without a DOM; the few small parts through theirs.
void write_process(const PageCall& q, const analytics::ProcessResult& result, JsonWriter& w) {
  const ProcessView v = process_view(q, result);
  const engine::Dims* d = q.c.snap->dims.get();
  auto row = [&w](const analytics::BreakdownRow& r, const engine::Dims* dims) {
    w.begin_object();
    w.field("id", r.id);
    w.field("name", r.name);
    w.key("metrics");
    w.begin_array();
    for (const auto& m : r.metrics) write_metric(w, m);
    w.end_array();
    if (dims) w.field("employee_no", employee_no(*dims, r.id));
    w.end_object();
  };
  w.begin_object();
  for (const auto& kv : v.small) w.field(kv.key(), kv.value());
  w.field("time_progress", result.time_progress);
  w.key("totals");
  w.begin_array();
  for (const auto& m : result.totals) write_metric(w, m);
  w.end_array();
  w.key("regions");
  w.begin_array();
  for (const auto& r : result.regions) row(r, nullptr);
  w.end_array();
  w.key("reps");
  w.begin_array();
  for (const auto* r : v.rep_page) row(*r, d);
  w.end_array();
  w.field("trend_year", result.trend_year);
  w.field("trend", json::value(trend_json(result)));
  w.key("anomalies");
  w.begin_array();
  const size_t limit = static_cast<size_t>(q.p.number("anomaly_limit"));
  for (size_t i = 0; i < result.anomalies.size() && i < limit; ++i) {
    const auto& a = result.anomalies[i];
    write_anomaly(w, a, v.acks, a.unit == "rep" ? d : nullptr);
  }
  w.end_array();
  w.field("anomalies_total", result.anomalies.size());
  w.key("options");
  write_filter_options(w, q.c);
  for (const auto& kv : v.tail) w.field(kv.key(), kv.value());
  w.end_object();
}

}  // namespace

void add_do_process_routes(http::Router& r, Context& ctx) {
  using Table = std::function<present::Table(const PageCall&, const analytics::ProcessResult&)>;
  auto table = [](const char* name) -> Table {
    return [name](const PageCall& q, const analytics::ProcessResult& result) {
      return export_table(result, name, load_acks(q.ctx, q.p.period("period")));
    };
  };
  add_page<analytics::ProcessResult>(
      r, ctx,
      {
          .path = "/api/v1/do/process",
          .kind = "d2",
          .params = join({as_of_param(), period_param(), id_param("region"), id_param("rep"), text_param("industry"),
                          text_param("category"), anomaly_limit_param()},
                         anomaly_page_params()),
          .scope = {},
          .compute =
              [](const PageCall& q) { return analytics::performance_process(*q.c.snap, q.scope, process_params(q)); },
          .encode = process_json,
          .write = write_process,
          .tables = {{"regions", table("regions")},
                     {"reps", table("reps")},
                     {"totals", table("totals")},
                     {"trend", table("trend")},
                     {"anomalies", table("anomalies")}},
          .table_zh = "table 应为 totals、regions、reps、trend 或 anomalies",
          .table_en = "table must be totals, regions, reps, trend or anomalies",
          .file = [](const PageCall& q,
                     const std::string& t) { return "d2-" + t + "-" + q.p.period("period").label(); },
      });

  r.add("POST", "/api/v1/do/anomalies/ack", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    std::string key = required_string(body, "key", 200);
    std::string comment = required_string(body, "comment", 4000);
    // Length in characters, not bytes: count UTF-8 lead bytes.
    size_t chars = 0;
    for (unsigned char ch : comment) chars += (ch & 0xC0) != 0x80;
    if (chars == 0 || comment.find_first_not_of(" \t\r\n") == std::string::npos)
      throw invalid_field("comment", "请填写确认说明", "Enter a comment");
    if (chars > 500) throw invalid_field("comment", "说明不能超过 500 字", "The comment is longer than 500 characters");
    // The key must name an anomaly the caller can see now: recompute the month's anomalies
    // in the caller's scope and look for it (404 otherwise, never a blind write).
    auto parts = key;  // unit:id/metric/YYYY-MM/rules
    auto s1 = parts.find('/'), s2 = parts.find('/', s1 + 1),
         s3 = parts.find('/', s2 == std::string::npos ? s2 : s2 + 1);
    if (s1 == std::string::npos || s2 == std::string::npos || s3 == std::string::npos)
      throw invalid_field("key", "异常标识格式无效", "Malformed anomaly key");
    auto month = parse_month(parts.substr(s2 + 1, s3 - s2 - 1));
    if (!month) throw invalid_field("key", "异常标识格式无效", "Malformed anomaly key");
    Date as_of = ctx.today();
    if (auto* v = body.if_contains("as_of"); v && v->is_string())
      as_of = query_date(std::string(v->get_string()), "as_of");
    // The filters the list was read with (industry, category): what was listed can be acknowledged.
    analytics::DoFilter filter;
    for (auto [name, into] : {std::pair{"industry", &filter.industry}, std::pair{"category", &filter.category}})
      if (auto* v = body.if_contains(name); v && !v->is_null()) {
        if (!v->is_string())
          throw invalid_field(name, std::string("应为文本：") + name, std::string("Expected text: ") + name);
        *into = std::string(v->get_string());
      }
    const analytics::RowFilter rf = analytics::row_filter(*c.snap, filter);
    auto found = analytics::detect_anomalies(*c.snap, c.scope, rf, *month, *month, as_of);
    const analytics::Anomaly* hit = nullptr;
    for (const auto& a : found)
      if (a.key() == key) hit = &a;
    if (!hit) throw not_found();
    store::Store::AnomalyAck ack;
    ack.unit = hit->unit;
    ack.unit_id = hit->id;
    ack.metric = analytics::do_metric_code(hit->metric);
    ack.month = format_month(hit->month);
    for (const auto& x : hit->rules) ack.rule += (ack.rule.empty() ? "" : "+") + x;
    ack.user = c.user.id;
    ack.at = auth::system_clock_seconds();
    ack.comment = comment;
    Id id = ctx.store.add_anomaly_ack(ack);
    return http::json_response(
        201,
        json::object{{"id", id}, {"key", key}, {"user", c.user.login}, {"at", iso_time(ack.at)}, {"comment", comment}});
  });
}

}  // namespace sl::api
