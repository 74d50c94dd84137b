// A dashboard page declared once (issue 10): its query parameters — typed, with defaults and
// bounds, read by one decoder that also yields the cache key —, the analysis it runs with a
// Scope, the JSON it answers and the tables it downloads. add_page registers the GET route,
// resolves the caller, keeps the analysis result per (Snapshot, scope, parameters), keeps the
// whole answer with an ETag (cached_response.h) and serves ?format=xlsx|csv|json&table=… from the
// same result. A new page is a declaration:
//
//   add_page<analytics::BoardResult>(r, ctx, {
//       .path = "/api/v1/do/leaderboard", .kind = "d4",
//       .params = {as_of(), period(), choice("metric", "sales", …), region()},
//       .compute = [](const PageCall& q) { return analytics::leaderboard(*q.c.snap, q.scope, …); },
//       .encode = [](const PageCall& q, const analytics::BoardResult& r) { return json::object{…}; },
//       .tables = {{"reps", …}, {"regions", …}}, .file = …});
#pragma once
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "analytics/do/do_filter.h"
#include "api/cached_response.h"
#include "api/context.h"
#include "api/export.h"
#include "api/json_fields.h"
#include "api/json_writer.h"

namespace sl::api {

// One query parameter of a page.
struct ParamSpec {
  enum class Type { date, period, id, count, text, choice };
  std::string name;
  Type type = Type::text;
  // Absent or empty: this default (text as the user would write it; "" = absent is allowed and
  // stays absent). as_of's default is today, period's the month of as_of (see the makers).
  std::function<std::string(const struct PageCall&)> fallback;
  int64_t min = 1, max = INT64_MAX;  // count: bounds, 422 outside
  std::string bounds_zh, bounds_en;  // count: the 422 message outside the bounds
  std::vector<std::string> choices;  // choice: the accepted values
  std::string choice_zh, choice_en;  // choice: the 422 message, followed by the value given
  bool keys_result = true;           // false: it shapes the answer only, not the analysis
  bool custom_range = false;         // period: a..b accepted
};

// The decoded parameters of one request: typed reads by name, and the canonical key of those
// that key the result (declared order, normalised values).
class Params {
 public:
  using Value = std::variant<std::monostate, Date, Period, int64_t, std::string>;
  bool has(const std::string& name) const;
  Date date(const std::string& name) const;
  Period period(const std::string& name) const;
  int64_t number(const std::string& name, int64_t absent = 0) const;  // id and count
  std::string text(const std::string& name) const;                    // text and choice; "" when absent
  const std::string& key() const { return key_; }

  void set(const std::string& name, Value v) { values_[name] = std::move(v); }
  void add_to_key(const std::string& part) { key_ += (key_.empty() ? "" : "&") + part; }

 private:
  std::map<std::string, Value> values_;
  std::string key_;
};

// What the callbacks of a page get: the request, the caller, the parameters and the scope the
// page reads (the caller's, or narrowed by the page).
struct PageCall {
  Context& ctx;
  const http::Request& req;
  const Caller& c;
  Params p;
  engine::Scope scope;
};

template <class Result>
struct Page {
  std::string path;  // the GET route
  std::string kind;  // the result cache's kind ("d4"); results are kept per kind
  std::vector<ParamSpec> params;
  // The scope the analysis reads; default the caller's.
  std::function<engine::Scope(const PageCall&)> scope;
  std::function<Result(const PageCall&)> compute;
  std::function<json::value(const PageCall&, const Result&)> encode;
  // Optional: the same answer written straight into the body (json_writer.h), for the large
  // answers (issue 17). Used instead of encode when present; with SALESLOOP_JSON_CHECK=1 in the
  // server's environment both run and a difference answers 500 (the API tests' check of write).
  std::function<void(const PageCall&, const Result&, JsonWriter&)> write;
  // ?format=xlsx|csv|json: table name → the table (present/table.h: column specs and typed rows,
  // language-free); `table` picks one (default the first declared).
  std::vector<std::pair<std::string, std::function<present::Table(const PageCall&, const Result&)>>> tables;
  std::string table_zh, table_en;                                              // the 422 message for an unknown table
  std::function<std::string(const PageCall&, const std::string& table)> file;  // without extension
};

// The parameter makers every page shares (one rule each: names, defaults, bounds, messages).
ParamSpec as_of_param();  // date, default today
// "2026-06", "2026-Q2", "2026", or with `custom` also "2026-01-05..2026-02-01" (≤ 3 years);
// default as_of's month, so as_of is declared before it.
ParamSpec period_param(bool custom = true);
ParamSpec id_param(std::string name);  // optional id (region, rep)
ParamSpec text_param(std::string name);
ParamSpec count_param(std::string name, int64_t fallback, int64_t min, int64_t max, std::string zh, std::string en);
ParamSpec choice_param(std::string name, std::string fallback, std::vector<std::string> choices, std::string zh,
                       std::string en);

// The filter bar of the D and C pages: region and rep (ids, narrowing the scope: 403 outside the
// caller's, 404 unknown), industry and category (names), size (large | medium | small).
std::vector<ParamSpec> filter_params();
analytics::DoFilter filter_of(const PageCall& q);
// The caller's scope narrowed by the region and rep of the filter bar (a page's .scope).
engine::Scope filter_scope(const PageCall& q);
// a followed by b: `.params = join({as_of_param(), period_param()}, filter_params())`.
std::vector<ParamSpec> join(std::vector<ParamSpec> a, const std::vector<ParamSpec>& b);

// Decodes the declared parameters of a request (422 naming the parameter on a bad value).
Params decode_params(const std::vector<ParamSpec>& specs, const PageCall& call);
// The language of a download: ?lang=en|zh-CN (a link cannot set Accept-Language), else the header.
Lang download_lang(const http::Request& req);

// A page run outside HTTP — a pushed report (issue 14): the page's JSON answer and the named
// tables, for a caller and a query as the page's GET would decode them (same parameters,
// defaults and bounds, same scope, same kept result), so a report shows what the page shows.
struct PageRun {
  json::value answer;
  std::vector<present::Table> tables;  // in the order asked for
};
// `path` is a page's route ("/api/v1/check/review"); 404 when no page was declared there.
PageRun run_page(Context& ctx, const std::string& path, const Caller& c, const std::map<std::string, std::string>& query,
                 const std::vector<std::string>& tables);

namespace page_detail {
using Runner = std::function<PageRun(Context&, const Caller&, const http::Request&, const std::vector<std::string>&)>;
void add_runner(const std::string& path, Runner run);
// The body of a page's handler with the result type erased.
http::Response serve(Context& ctx, http::Request& req, const std::vector<ParamSpec>& specs,
                     const std::function<engine::Scope(const PageCall&)>& scope,
                     const std::function<http::Response(PageCall&)>& answer);
// The 200 JSON answer from write (when given) or encode, with a Server-Timing header giving the
// analysis time (0 when the result was kept) and the encoding time, in ms.
http::Response json_answer(const std::function<json::value()>& encode, const std::function<void(JsonWriter&)>& write,
                           double analytics_ms);
double ms_since(std::chrono::steady_clock::time_point t);
}  // namespace page_detail

template <class Result>
void add_page(http::Router& r, Context& ctx, Page<Result> page) {
  auto pg = std::make_shared<Page<Result>>(std::move(page));
  auto answer = [&ctx, pg](PageCall& q) -> http::Response {
    double analytics_ms = 0;
    const auto held = ctx.results.get<Result>(q.c.snap->version, q.scope, pg->kind, q.p.key(), [&] {
      const auto t = std::chrono::steady_clock::now();
      Result made = pg->compute(q);
      analytics_ms = page_detail::ms_since(t);
      return made;
    });
    if (auto format = q.req.query_value("format"); !format.empty()) {
      if (pg->tables.empty())
        throw invalid_field("format", "该页面没有可下载的表格", "This page has no table to download");
      const std::string name = q.req.query_value("table", pg->tables.empty() ? "" : pg->tables.front().first);
      for (const auto& [t, make] : pg->tables)
        if (t == name) return export_response(make(q, *held), download_lang(q.req), format, pg->file(q, t));
      throw invalid_field("table", pg->table_zh, pg->table_en);
    }
    std::function<void(JsonWriter&)> write;
    if (pg->write) write = [&](JsonWriter& w) { pg->write(q, *held, w); };
    return page_detail::json_answer([&] { return pg->encode(q, *held); }, write, analytics_ms);
  };
  page_detail::add_runner(pg->path, [pg](Context& ctx, const Caller& c, const http::Request& req,
                                         const std::vector<std::string>& names) {
    PageCall q{ctx, req, c, {}, c.scope};
    q.p = decode_params(pg->params, q);
    if (pg->scope) q.scope = pg->scope(q);
    const auto held = ctx.results.get<Result>(c.snap->version, q.scope, pg->kind, q.p.key(), [&] { return pg->compute(q); });
    PageRun run{pg->encode(q, *held), {}};
    for (const auto& name : names)
      for (const auto& [t, make] : pg->tables)
        if (t == name) run.tables.push_back(make(q, *held));
    return run;
  });
  r.add("GET", pg->path, cached_get(ctx, [&ctx, pg, answer](http::Request& req) {
          return page_detail::serve(ctx, req, pg->params, pg->scope, answer);
        }));
}

}  // namespace sl::api
