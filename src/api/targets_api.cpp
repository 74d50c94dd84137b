// GET/PUT /api/v1/targets/grid and GET /api/v1/targets/audit: target entry (目标填报). A PUT may
// say "source": "suggestion" (P6 目标建议's 采纳); its audit rows keep it.
#include <set>

#include "api/json_fields.h"
#include "api/routes.h"
#include "api/target_grid.h"
#include "api/version_conflict.h"
#include "model/target_rules.h"

namespace sl::api {

namespace {

int32_t slot_of(const engine::Snapshot& s, const GridSpec& g, int32_t index) {
  return g.owner == model::OwnerKind::region ? s.targets->region_slot(index) : s.targets->rep_slot(index);
}

json::array month_values(const engine::Snapshot& s, const GridSpec& g, int32_t slot) {
  json::array values;
  for (int m = 1; m <= 12; ++m) {
    int64_t v = s.targets->get(g.metric, slot, Month::of(g.year, m));
    values.push_back(v == engine::kNoTarget ? json::value(nullptr) : json::value(v));
  }
  return values;
}

Id owner_id(const engine::Dims& d, const GridSpec& g, int32_t index) {
  return g.owner == model::OwnerKind::region ? d.region_id[index] : d.rep_id[index];
}

// The stored cells of the grid with their versions, by (owner id, month 1-12).
std::map<std::pair<Id, int>, store::TargetCell> stored_cells(Context& ctx, const GridSpec& g) {
  std::map<std::pair<Id, int>, store::TargetCell> out;
  for (const auto& t : ctx.store.target_cells(g.year, g.metric, g.owner)) out[{t.owner_id, t.month.month()}] = t;
  return out;
}

// Issue 15: per row, the version of each month's cell as the store has it (0 = no target),
// sent back with a save. A cell whose stored value is not the one shown (the Snapshot has not
// caught up with a write yet) gets -1, which no save matches: the grid is reloaded first.
json::array month_versions(const engine::Snapshot& s, const GridSpec& g, int32_t slot, Id owner,
                           const std::map<std::pair<Id, int>, store::TargetCell>& stored) {
  json::array versions;
  for (int m = 1; m <= 12; ++m) {
    int64_t shown = s.targets->get(g.metric, slot, Month::of(g.year, m));
    auto it = stored.find({owner, m});
    int64_t value = it == stored.end() ? engine::kNoTarget : it->second.value;
    versions.push_back(value != shown ? -1 : it == stored.end() ? 0 : it->second.version);
  }
  return versions;
}

json::value grid_json(Context& ctx, const Caller& c, const GridSpec& g) {
  const engine::Snapshot& s = *c.snap;
  const engine::Dims& d = *s.dims;
  const auto stored = stored_cells(ctx, g);
  json::array rows;
  for (int32_t i : g.rows) {
    const Id id = owner_id(d, g, i);
    rows.push_back(json::object{{"id", id},
                                {"name", g.owner == model::OwnerKind::region ? d.region_name[i] : d.rep_name[i]},
                                {"values", month_values(s, g, slot_of(s, g, i))},
                                {"versions", month_versions(s, g, slot_of(s, g, i), id, stored)}});
    if (g.owner == model::OwnerKind::rep) rows.back().as_object()["employee_no"] = d.rep_employee_no[i];
  }
  // No reference row while the company has no regions (a database just made by `salesloop init`).
  json::value parent = nullptr;
  if (g.parent != engine::kNone) {
    int32_t parent_slot = g.parent == d.company ? s.targets->company_slot() : s.targets->region_slot(g.parent);
    parent = json::object{
        {"id", d.region_id[g.parent]}, {"name", d.region_name[g.parent]}, {"values", month_values(s, g, parent_slot)}};
  }
  json::value region = g.owner == model::OwnerKind::rep && g.parent != engine::kNone
                           ? json::value(json::object{{"id", d.region_id[g.parent]}, {"name", d.region_name[g.parent]}})
                           : json::value(nullptr);
  return json::object{{"year", g.year},
                      {"metric", model::metric_code(g.metric)},
                      {"owner", model::owner_code(g.owner)},
                      {"region", region},
                      {"locked_before", format_month(g.locked_before)},
                      {"unit", "fen"},
                      {"parent", std::move(parent)},
                      {"rows", std::move(rows)}};
}

// Every cell is checked before anything is written: one bad cell rejects the batch.
std::vector<store::TargetChange> decode_cells(const Caller& c, const GridSpec& g, const json::array& cells) {
  const engine::Dims& d = *c.snap->dims;
  if (cells.size() > 20000)
    throw invalid_field("cells", "一次最多保存 20000 个单元格", "At most 20000 cells can be saved at once");
  std::set<Id> allowed;
  for (int32_t i : g.rows) allowed.insert(owner_id(d, g, i));
  std::set<std::pair<Id, int>> seen;
  std::vector<store::TargetChange> out;
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string at = "cells[" + std::to_string(i) + "]";
    const auto& cell = as_object(cells[i], at);
    Id id = required_int(cell, "id", at + ".id", 1, INT64_MAX);
    if (!allowed.count(id)) {
      bool exists =
          g.owner == model::OwnerKind::region ? d.find_region(id) != engine::kNone : d.find_rep(id) != engine::kNone;
      if (exists) throw forbidden();
      throw invalid_field(at + ".id", "该行不在本表中：" + std::to_string(id),
                          "This row is not part of the grid: " + std::to_string(id));
    }
    const Month month =
        model::target_month(g.year, required_int(cell, "month", at + ".month", 1, 12), g.locked_before, at);
    if (!seen.insert({id, month.month()}).second)
      throw invalid_field(at, "同一单元格出现了两次", "The same cell appears twice");
    auto value = optional_int(cell, "value", at + ".value", 0, model::kMaxTargetValue);
    model::Target key{month, g.metric, g.owner, id, 0};
    model::validate_target_cell(key, value, g.locked_before, at);
    out.push_back({key, value, "", version_field(cell, "version", at + ".version")});
  }
  return out;
}

}  // namespace

void add_target_routes(http::Router& r, Context& ctx) {
  r.add("GET", "/api/v1/targets/grid", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    GridSpec g = grid_spec(c, ctx.today(), req.query_value("year"), req.query_value("metric"), req.query_value("owner"),
                           req.query_value("region"));
    return http::json_response(200, grid_json(ctx, c, g));
  });

  r.add("PUT", "/api/v1/targets/grid", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    auto text = [&](const char* key) -> std::string {
      auto* v = body.if_contains(key);
      if (!v || v->is_null()) return "";
      if (v->is_string()) return std::string(v->get_string());
      if (v->is_int64()) return std::to_string(v->get_int64());
      throw invalid_field(key, std::string("字段格式无效：") + key, std::string("Invalid field: ") + key);
    };
    GridSpec g = grid_spec(c, ctx.today(), text("year"), text("metric"), text("owner"), text("region"));
    auto changes = decode_cells(c, g, required_array(body, "cells"));
    // P6: "source": "suggestion" when the cells came from an accepted target suggestion.
    const std::string source = text("source");
    if (!source.empty() && source != "suggestion")
      throw invalid_field("source", "source 只能是 suggestion", "source must be suggestion");
    for (auto& change : changes) change.source = source;
    auto now = auth::system_clock_seconds();
    // A conflict answers the saved cells as they are now: {id, month, value, version}.
    auto current = [&] {
      const auto stored = stored_cells(ctx, g);
      json::array cells;
      for (const auto& ch : changes) {
        auto it = stored.find({ch.key.owner_id, ch.key.month.month()});
        cells.push_back(json::object{{"id", ch.key.owner_id},
                                     {"month", ch.key.month.month()},
                                     {"value", it == stored.end() ? json::value(nullptr) : json::value(it->second.value)},
                                     {"version", it == stored.end() ? 0 : it->second.version}});
      }
      return json::value(json::object{{"cells", std::move(cells)}});
    };
    if (auto conflict = write_or_conflict(req, [&] { ctx.snapshots.save_targets(changes, c.user.id, now); }, current))
      return std::move(*conflict);
    return http::json_response(200, json::object{{"saved", changes.size()}});
  });

  r.add("GET", "/api/v1/targets/audit", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    GridSpec g = grid_spec(c, ctx.today(), req.query_value("year"), req.query_value("metric"), req.query_value("owner"),
                           req.query_value("region"));
    const engine::Dims& d = *c.snap->dims;
    std::map<Id, std::string> names;
    for (int32_t i : g.rows)
      names[owner_id(d, g, i)] = g.owner == model::OwnerKind::region ? d.region_name[i] : d.rep_name[i];
    std::string year_prefix = std::to_string(g.year) + "-";
    std::string suffix = std::string("/") + model::metric_code(g.metric) + "/" + model::owner_code(g.owner) + "/";
    json::array entries;
    for (const auto& e : ctx.store.audit_log({"target", year_prefix, 5000})) {
      // key: YYYY-MM/metric/owner_kind/owner_id
      auto pos = e.entity_key.find(suffix);
      if (pos != 7) continue;
      Id owner = std::atoll(e.entity_key.c_str() + pos + suffix.size());
      auto name = names.find(owner);
      if (name == names.end()) continue;  // outside this grid, or outside the caller's scope
      auto num = [](const std::string& s) {
        return s.empty() ? json::value(nullptr) : json::value(std::atoll(s.c_str()));
      };
      entries.push_back(json::object{{"at", iso_time(e.at)},
                                     {"user", e.user_login},
                                     {"key", e.entity_key},
                                     {"name", name->second},
                                     {"old", num(e.old_value)},
                                     {"new", num(e.new_value)},
                                     {"source", e.source.empty() ? json::value(nullptr) : json::value(e.source)}});
      if (entries.size() >= 500) break;
    }
    return http::json_response(200, json::object{{"entries", std::move(entries)}});
  });
}

}  // namespace sl::api
