// GET /api/v1/do/leaderboard (D4 ranking; for managers and executives also the per-capita
// trend, so the page loads with one call) and GET /api/v1/do/per-capita. Both take
// format=xlsx|csv to download a table.
#include "analytics/do/leaderboard.h"
#include "analytics/do/per_capita.h"
#include "api/cached_response.h"
#include "api/do_json.h"
#include "api/do_tables.h"
#include "api/export.h"
#include "api/rep_json.h"
#include "api/json_fields.h"
#include "api/page.h"
#include "api/paging.h"
#include "api/routes.h"

namespace sl::api {

using namespace do_api;

namespace {

json::value opt_int(const std::optional<int>& v) { return v ? json::value(*v) : json::value(nullptr); }

json::object row_json(const analytics::BoardRow& r) {
  return json::object{{"id", r.id},
                      {"name", r.name},
                      {"region", r.region ? json::value(r.region) : json::value(nullptr)},
                      {"region_name", r.region_name},
                      {"own", r.own},
                      {"visible", r.visible},
                      {"value", opt(r.value)},
                      {"rank", opt_int(r.rank)},
                      {"previous_rank", opt_int(r.previous_rank)},
                      {"change", opt_int(r.change)},
                      {"figures", r.figures ? json::value(figures_json(*r.figures)) : json::value(nullptr)}};
}

// row_json written straight into the body; with `dims`, the rep's 工号 after the rest.
void write_row(JsonWriter& w, const analytics::BoardRow& r, const engine::Dims* dims) {
  w.begin_object();
  w.field("id", r.id);
  w.field("name", r.name);
  w.key("region");
  if (r.region)
    w.value(r.region);
  else
    w.null();
  w.field("region_name", r.region_name);
  w.field("own", r.own);
  w.field("visible", r.visible);
  w.field("value", r.value);
  w.field("rank", r.rank);
  w.field("previous_rank", r.previous_rank);
  w.field("change", r.change);
  w.key("figures");
  if (r.figures)
    write_figures(w, *r.figures);
  else
    w.null();
  if (dims) w.field("employee_no", employee_no(*dims, r.id));
  w.end_object();
}

json::object per_capita_json(const analytics::PerCapitaResult& r) {
  auto series = [](const analytics::PerCapitaSeries& s) {
    json::array sales, hc, pc;
    for (size_t i = 0; i < s.sales.size(); ++i) {
      sales.push_back(s.sales[i]);
      hc.push_back(s.headcount[i]);
      pc.push_back(opt(s.per_capita[i]));
    }
    return json::object{{"id", s.id ? json::value(s.id) : json::value(nullptr)},
                        {"name", s.name},
                        {"sales", std::move(sales)},
                        {"headcount", std::move(hc)},
                        {"per_capita", std::move(pc)}};
  };
  json::array months, regions;
  for (Month m : r.months) months.push_back(json::string(format_month(m)));
  for (const auto& s : r.regions) regions.push_back(series(s));
  return json::object{{"months", std::move(months)},
                      {"last_partial", r.last_partial},
                      {"total", series(r.total)},
                      {"regions", std::move(regions)}};
}

using present::Col;
using present::Unit;
using present::Value;

// Per-capita sales by month: one column per series (the whole scope, then each 大区), in yuan.
present::Table per_capita_table(const analytics::PerCapitaResult& r) {
  std::vector<const analytics::PerCapitaSeries*> all{&r.total};
  for (const auto& s : r.regions) all.push_back(&s);
  present::TableSpec<size_t> spec{
      "d4_per_capita",
      {{{"month", "col.month", Unit::month}, [&r](const size_t& i) { return Value{format_month(r.months[i])}; }}}};
  for (size_t k = 0; k < all.size(); ++k) {
    const auto* s = all[k];
    spec.cols.push_back({{"per_capita_" + (s->id ? std::to_string(s->id) : std::string("total")), "col.per_head",
                          Unit::money, "", s->name},
                         [s](const size_t& i) { return present::opt_value(s->per_capita[i]); }});
  }
  std::vector<size_t> months(r.months.size());
  for (size_t i = 0; i < months.size(); ++i) months[i] = i;
  return spec.build(months);
}

}  // namespace

// The unit of a ranking metric's value: money, a plain number, or a ratio.
Unit metric_unit(analytics::BoardMetric m) {
  using M = analytics::BoardMetric;
  if (m == M::sales || m == M::collections) return Unit::money;
  if (m == M::new_customers) return Unit::count;
  if (m == M::kpi_score) return Unit::number;
  return Unit::percent;
}

present::Table board_table(const analytics::BoardResult& b, const std::string& table, analytics::BoardMetric m) {
  const bool regions = table == "regions";
  auto rank = [](const std::optional<int>& v) { return present::opt_value(v); };
  const present::TableSpec<analytics::BoardRow> spec{
      regions ? "d4_regions" : "d4_reps",
      {{{"rank", "col.rank", Unit::count}, [&](const analytics::BoardRow& r) { return rank(r.rank); }},
       {{"name", "col.name"}, [](const analytics::BoardRow& r) { return Value{r.name}; }},
       {{"region", "col.region"}, [](const analytics::BoardRow& r) { return Value{r.region_name}; }},
       {{"value", std::string("board.") + analytics::board_metric_code(m), metric_unit(m)},
        [](const analytics::BoardRow& r) { return present::opt_value(r.value); }},
       {{"previous_rank", "col.previous_rank", Unit::count},
        [&](const analytics::BoardRow& r) { return rank(r.previous_rank); }},
       {{"change", "col.change", Unit::count}, [&](const analytics::BoardRow& r) { return rank(r.change); }}}};
  return spec.build(regions ? b.regions : b.reps);
}

namespace {

// ?region=ID narrows the ranking (and per-capita) to that region's subtree: 403 outside the
// caller's scope, 404 unknown, as on D2. A rep's peer group is their 大区 whatever is asked.
engine::Scope board_scope(const PageCall& q) {
  analytics::DoFilter f;
  f.region = q.p.number("region");
  return analytics::narrow_scope(*q.c.snap, q.c.scope, f);
}

std::vector<std::string> board_metrics() {
  std::vector<std::string> out;
  for (int i = 0; i <= static_cast<int>(analytics::BoardMetric::kpi_score); ++i)
    out.push_back(analytics::board_metric_code(static_cast<analytics::BoardMetric>(i)));
  return out;
}

analytics::BoardMetric metric_of(const PageCall& q) { return *analytics::parse_board_metric(q.p.text("metric")); }

// The per-capita trend of a scope, kept as the per-capita page keeps it.
std::shared_ptr<const analytics::PerCapitaResult> per_capita_of(const PageCall& q, int months) {
  return q.ctx.results.get<analytics::PerCapitaResult>(
      q.c.snap->version, q.scope, "d4pc",
      "as_of=" + std::to_string(q.p.date("as_of").days) + "&months=" + std::to_string(months),
      [&] { return analytics::per_capita(*q.c.snap, q.scope, q.p.date("as_of"), months); });
}

// What D4 answers: the ranking and, for managers and executives, the per-capita trend (24
// months), both made by .compute so the encoders only write.
struct BoardPage {
  analytics::BoardResult board;
  std::shared_ptr<const analytics::PerCapitaResult> per_capita;  // null for a rep
};

bool peer_view(const PageCall& q) { return q.c.user.role == model::Role::rep; }

// The page's per-capita trend (a result made for another role's identical scope may lack it).
std::shared_ptr<const analytics::PerCapitaResult> page_per_capita(const PageCall& q, const BoardPage& r) {
  return r.per_capita ? r.per_capita : per_capita_of(q, 24);
}

}  // namespace

void add_do_leaderboard_routes(http::Router& r, Context& ctx) {
  // D4 ranking; for managers and executives also the per-capita trend, so the page loads with one call.
  add_page<BoardPage>(
      r, ctx,
      {
          .path = "/api/v1/do/leaderboard",
          .kind = "d4",
          .params = {as_of_param(), period_param(),
                     choice_param("metric", "sales", board_metrics(), "未知排名指标：", "Unknown ranking metric: "),
                     id_param("region")},
          .scope = board_scope,
          .compute =
              [](const PageCall& q) {
                BoardPage out{analytics::leaderboard(
                                  *q.c.snap, q.scope,
                                  {q.p.period("period"), q.p.date("as_of"), metric_of(q), q.ctx.forecast_lock_day}),
                              nullptr};
                if (!peer_view(q)) out.per_capita = per_capita_of(q, 24);
                return out;
              },
          .encode = [](const PageCall& q, const BoardPage& page) -> json::value {
            const analytics::BoardResult& board = page.board;
            const Period period = q.p.period("period");
            const Date as_of = q.p.date("as_of");
            // The reps in rank order, one page of them (paging.h); the 大区 are few and all listed.
            const Paging paging = read_paging(q.req);
            json::array reps, regions;
            for (size_t i = paging.first(board.reps.size()); i < paging.last(board.reps.size()); ++i) {
              json::object o = row_json(board.reps[i]);
              add_employee_no(o, *q.c.snap->dims, board.reps[i].id);
              reps.push_back(std::move(o));
            }
            for (const auto& row : board.regions) regions.push_back(row_json(row));
            json::value pc = nullptr, options = nullptr;
            if (!peer_view(q)) {
              pc = per_capita_json(*page_per_capita(q, page));
              options = filter_options(q.c);
            }
            json::object answer{{"period", period_json(period, as_of)},
                                {"previous", period_json(period.previous(), period.previous().last)},
                                {"as_of", format_date(as_of)},
                                {"metric", q.p.text("metric")},
                                {"peer_view", peer_view(q)},
                                {"reps", std::move(reps)},
                                {"regions", std::move(regions)},
                                {"per_capita", std::move(pc)},
                                {"options", std::move(options)}};
            add_paging(answer, board.reps.size(), paging);
            return answer;
          },
          .write =
              [](const PageCall& q, const BoardPage& page, JsonWriter& w) {
                const analytics::BoardResult& board = page.board;
                const Period period = q.p.period("period");
                const Date as_of = q.p.date("as_of");
                const Paging paging = read_paging(q.req);
                const bool peers = peer_view(q);
                w.begin_object();
                w.field("period", json::value(period_json(period, as_of)));
                w.field("previous", json::value(period_json(period.previous(), period.previous().last)));
                w.field("as_of", format_date(as_of));
                w.field("metric", q.p.text("metric"));
                w.field("peer_view", peers);
                w.key("reps");
                w.begin_array();
                for (size_t i = paging.first(board.reps.size()); i < paging.last(board.reps.size()); ++i)
                  write_row(w, board.reps[i], q.c.snap->dims.get());
                w.end_array();
                w.key("regions");
                w.begin_array();
                for (const auto& row : board.regions) write_row(w, row, nullptr);
                w.end_array();
                w.key("per_capita");
                if (peers)
                  w.null();
                else
                  w.value(json::value(per_capita_json(*page_per_capita(q, page))));
                w.key("options");
                if (peers)
                  w.null();
                else
                  write_filter_options(w, q.c);
                w.field("total", board.reps.size());
                w.field("page", paging.page);
                w.field("page_size", paging.size);
                w.end_object();
              },
          .tables = {{"reps",
                      [](const PageCall& q, const BoardPage& b) { return board_table(b.board, "reps", metric_of(q)); }},
                     {"regions", [](const PageCall& q,
                                    const BoardPage& b) { return board_table(b.board, "regions", metric_of(q)); }}},
          .table_zh = "table 应为 reps 或 regions",
          .table_en = "table must be reps or regions",
          .file = [](const PageCall& q,
                     const std::string&) { return "d4-" + q.p.text("metric") + "-" + q.p.period("period").label(); },
      });

  // D4 per-capita sales alone (months 1–120).
  add_page<std::shared_ptr<const analytics::PerCapitaResult>>(
      r, ctx,
      {
          .path = "/api/v1/do/per-capita",
          .kind = "d4pc-page",
          .params = {as_of_param(),
                     count_param("months", 24, 1, 120, "月数应在 1 到 120 之间", "months must be 1 to 120"),
                     id_param("region")},
          .scope = board_scope,
          .compute = [](const PageCall& q) { return per_capita_of(q, static_cast<int>(q.p.number("months"))); },
          .encode = [](const PageCall& q, const std::shared_ptr<const analytics::PerCapitaResult>& r) -> json::value {
            auto body = per_capita_json(*r);
            body["as_of"] = format_date(q.p.date("as_of"));
            return body;
          },
          .tables = {{"per_capita",
                      [](const PageCall&, const std::shared_ptr<const analytics::PerCapitaResult>& r) {
                        return per_capita_table(*r);
                      }}},
          .table_zh = "table 应为 per_capita",
          .table_en = "table must be per_capita",
          .file = [](const PageCall& q,
                     const std::string&) { return "d4-per-capita-" + format_date(q.p.date("as_of")); },
      });
}

void add_do_routes(http::Router& r, Context& ctx) {
  add_do_cockpit_routes(r, ctx);
  add_do_process_routes(r, ctx);
  add_do_leaderboard_routes(r, ctx);
}

}  // namespace sl::api
