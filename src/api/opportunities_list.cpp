// 商机维护's reads: GET /api/v1/opportunities, the opportunities in the caller's scope (a rep
// their own, a manager their region's, an executive all) searched (?q= in the code and the
// customer's name and code), filtered (?stage, ?rep, ?customer, ?close_month=YYYY-MM of the
// expected close, ?status=open|won|lost), sorted and paged on the server, newest first by
// default; also the opportunity picker of 合同录入 (?customer=&status=open).
// GET /api/v1/opportunities/{id}: one with its stage history, lost reason, the stages it may
// move to and its audit trail (the drawer). Both read the published Snapshot, so a save shows
// at once; an id or filter outside the scope answers 404, as one that does not exist.
#include <algorithm>

#include "api/do_json.h"
#include "api/json_fields.h"
#include "api/list_order.h"
#include "api/list_search.h"
#include "api/routes.h"
#include "model/opportunity_rules.h"

namespace sl::api {

namespace {

const std::vector<std::string> kSortKeys = {"code",     "customer", "rep",   "category",      "amount",
                                            "created",  "expected_close", "stage", "closed"};

AppError no_such(const std::string& field, const std::string& zh, const std::string& en, int64_t id) {
  return AppError(404, "not_found", field, zh + "不存在：" + std::to_string(id), "No such " + en + ": " + std::to_string(id));
}

std::string day_text(int32_t day) { return day == engine::kNoDay ? "" : format_date(Date{day}); }

json::object row_json(const engine::Snapshot& s, size_t i) {
  const auto& o = s.facts->opportunities;
  const auto& cs = s.facts->customers;
  const int32_t cu = o.customer[i], rep = o.rep[i], cat = o.category[i];
  return json::object{
      {"id", o.id[i]},
      {"code", std::string(o.code(i))},
      {"customer", cu == engine::kNone ? json::value(nullptr)
                                       : json::value(json::object{{"id", s.facts->customer_id[cu]},
                                                                  {"code", cs.code[cu]},
                                                                  {"name", cs.name[cu]}})},
      {"rep", rep == engine::kNone ? json::value(nullptr)
                                   : json::value(json::object{{"id", s.dims->rep_id[rep]}, {"name", s.dims->rep_name[rep]}})},
      {"category", cat == engine::kNone ? "" : s.facts->categories[cat]},
      {"amount", o.amount[i]},
      {"created", day_text(o.created[i])},
      {"expected_close", day_text(o.expected_close[i])},
      {"stage", model::stage_code(static_cast<model::Stage>(o.stage[i]))},
      {"closed", o.closed[i] == engine::kNoDay ? json::value(nullptr) : json::value(day_text(o.closed[i]))}};
}

// The row of an opportunity the caller sees, or 404.
size_t visible_row(const Caller& c, Id id) {
  const auto& o = c.snap->facts->opportunities;
  const auto it = std::lower_bound(o.id.begin(), o.id.end(), id);
  const size_t row = static_cast<size_t>(it - o.id.begin());
  if (it == o.id.end() || *it != id || !engine::sees_opportunity(c.scope, o, row))
    throw no_such("id", "商机", "opportunity", id);
  return row;
}

struct ListFilter {
  TextQuery q;
  int stage = -1;                         // model::Stage, -1 any
  int32_t rep = engine::kNone, customer = engine::kNone;
  std::optional<Month> close_month;
  std::string status;                     // "", open, won, lost
};

ListFilter read_filter(const Caller& c, const http::Request& req) {
  const engine::Snapshot& s = *c.snap;
  ListFilter f;
  f.q = read_text_query(req);
  if (auto v = req.query_value("stage"); !v.empty()) {
    const auto st = model::stage_of(v);
    if (!st) throw invalid_field("stage", "阶段无效：" + v, "Not a stage: " + v);
    f.stage = static_cast<int>(*st);
  }
  if (auto v = req.query_value("rep"); !v.empty()) {
    const Id id = query_id(v, "rep");
    f.rep = s.dims->find_rep(id);
    if (!c.scope.sees_rep(f.rep)) throw no_such("rep", "销售", "rep", id);
  }
  if (auto v = req.query_value("customer"); !v.empty()) {
    const Id id = query_id(v, "customer");
    f.customer = s.facts->customer_index ? s.facts->customer_index->find(id) : engine::kNone;
    if (!engine::sees_customer(c.scope, s.facts->customers, f.customer)) throw no_such("customer", "客户", "customer", id);
  }
  if (auto v = req.query_value("close_month"); !v.empty()) {
    f.close_month = parse_month(v);
    if (!f.close_month) throw invalid_field("close_month", "月份应为 YYYY-MM：" + v, "A month is YYYY-MM: " + v);
  }
  f.status = req.query_value("status");
  if (!f.status.empty() && f.status != "open" && f.status != "won" && f.status != "lost")
    throw invalid_field("status", "状态应为 open、won 或 lost：" + f.status, "status must be open, won or lost: " + f.status);
  return f;
}

bool keeps(const engine::Snapshot& s, const ListFilter& f, size_t i) {
  const auto& o = s.facts->opportunities;
  const auto stage = static_cast<model::Stage>(o.stage[i]);
  if (f.stage >= 0 && o.stage[i] != f.stage) return false;
  if (f.rep != engine::kNone && o.rep[i] != f.rep) return false;
  if (f.customer != engine::kNone && o.customer[i] != f.customer) return false;
  if (f.close_month && Month::of(Date{o.expected_close[i]}) != *f.close_month) return false;
  if (f.status == "open" && model::is_closed(stage)) return false;
  if (f.status == "won" && stage != model::Stage::won) return false;
  if (f.status == "lost" && stage != model::Stage::lost) return false;
  if (f.q.lowered.empty()) return true;
  const int32_t cu = o.customer[i];
  return cu == engine::kNone ? f.q.matches({o.code(i)})
                             : f.q.matches({o.code(i), s.facts->customers.name[cu], s.facts->customers.code[cu]});
}

SortValue sort_value(const engine::Snapshot& s, size_t i, const std::string& key) {
  const auto& o = s.facts->opportunities;
  auto day = [](int32_t d) { return d == engine::kNoDay ? SortValue{} : SortValue{double(d)}; };
  if (key == "code") return std::string(o.code(i));
  if (key == "customer") return o.customer[i] == engine::kNone ? SortValue{} : SortValue{s.facts->customers.name[o.customer[i]]};
  if (key == "rep") return o.rep[i] == engine::kNone ? SortValue{} : SortValue{s.dims->rep_name[o.rep[i]]};
  if (key == "category") return o.category[i] == engine::kNone ? SortValue{} : SortValue{s.facts->categories[o.category[i]]};
  if (key == "amount") return double(o.amount[i]);
  if (key == "created") return day(o.created[i]);
  if (key == "expected_close") return day(o.expected_close[i]);
  if (key == "stage") return double(o.stage[i]);  // funnel order, lost last
  return day(o.closed[i]);
}

// The stages an opportunity in `from` may move to (model::check_move): later open stages and
// won, or lost; none once closed.
json::array next_stages(model::Stage from) {
  json::array out;
  if (model::is_closed(from)) return out;
  for (int s = static_cast<int>(from) + 1; s < model::kStageCount; ++s) out.push_back(json::string(model::stage_code(static_cast<model::Stage>(s))));
  return out;
}

}  // namespace

void add_opportunity_list_routes(http::Router& r, Context& ctx) {
  r.add("GET", "/api/v1/opportunities", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const engine::Snapshot& s = *c.snap;
    const ListFilter f = read_filter(c, req);
    const Paging paging = read_paging(req);
    const SortOrder order = read_sort(req, kSortKeys);
    const auto& o = s.facts->opportunities;
    std::vector<size_t> rows;  // newest first: the list's own order
    for (size_t i = o.size(); i-- > 0;)
      if (engine::sees_opportunity(c.scope, o, i) && keeps(s, f, i)) rows.push_back(i);
    json::array out;
    for (size_t k : page_order(rows.size(), order, paging,
                               [&](size_t k, const std::string& key) { return sort_value(s, rows[k], key); }))
      out.push_back(row_json(s, rows[k]));
    json::object answer{{"rows", std::move(out)}, {"version", s.version}, {"options", do_api::filter_options(c)}};
    add_order(answer, rows.size(), paging, order);
    return http::json_response(200, answer);
  });

  r.add("GET", "/api/v1/opportunities/{id}", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const Id id = query_id(req.params["id"], "id");
    json::object answer = row_json(*c.snap, visible_row(c, id));
    // The stored record (the source of truth) for what the Snapshot does not keep.
    const auto stored = ctx.store.find_opportunity(id);
    if (!stored) throw no_such("id", "商机", "opportunity", id);
    json::array history, audit;
    for (const auto& e : stored->history)
      history.push_back(json::object{{"stage", model::stage_code(e.stage)}, {"date", format_date(e.date)}});
    // Audit keys are the id; a prefix query also returns longer ids ("4" → "42"), hence the check.
    for (const auto& a : ctx.store.audit_log({"opportunity", std::to_string(id), 1000}))
      if (a.entity_key == std::to_string(id))
        audit.push_back(json::object{{"at", iso_time(a.at)}, {"user", a.user_login}, {"old", a.old_value}, {"new", a.new_value}});
    answer["stage"] = model::stage_code(stored->stage);
    answer["lost_reason"] = stored->lost_reason;
    answer["history"] = std::move(history);
    answer["next_stages"] = next_stages(stored->stage);
    answer["audit"] = std::move(audit);
    return http::json_response(200, answer);
  });
}

}  // namespace sl::api
