#include "analytics/act/metric_goal.h"

#include <charconv>

#include "analytics/do/progress.h"
#include "core/error.h"
#include "engine/aggregate.h"

namespace sl::analytics {

using engine::kNone;

std::optional<GoalMetric> parse_goal_metric(std::string_view s) {
  if (s == "sales") return GoalMetric::sales;
  if (s == "collections") return GoalMetric::collections;
  if (s == "completion") return GoalMetric::completion;
  if (s == "collection_rate") return GoalMetric::collection_rate;
  if (s == "bids_won") return GoalMetric::bids_won;
  if (s == "new_customers") return GoalMetric::new_customers;
  return std::nullopt;
}

const char* goal_metric_code(GoalMetric m) {
  switch (m) {
    case GoalMetric::sales: return "sales";
    case GoalMetric::collections: return "collections";
    case GoalMetric::completion: return "completion";
    case GoalMetric::collection_rate: return "collection_rate";
    case GoalMetric::bids_won: return "bids_won";
    case GoalMetric::new_customers: return "new_customers";
  }
  return "";
}

std::optional<GoalScope> parse_goal_scope(std::string_view s) {
  if (s == "company") return GoalScope{model::OwnerKind::company, 0};
  auto kind_of = [&](std::string_view prefix, model::OwnerKind k) -> std::optional<GoalScope> {
    if (s.substr(0, prefix.size()) != prefix) return std::nullopt;
    std::string_view num = s.substr(prefix.size());
    Id id = 0;
    auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), id);
    if (ec != std::errc() || p != num.data() + num.size() || id <= 0) return std::nullopt;
    return GoalScope{k, id};
  };
  if (auto g = kind_of("region:", model::OwnerKind::region)) return g;
  return kind_of("rep:", model::OwnerKind::rep);
}

bool valid_comparator(std::string_view c) { return c == ">=" || c == "<=" || c == ">" || c == "<"; }

bool compare(double v, std::string_view c, double goal) {
  if (c == ">=") return v >= goal;
  if (c == "<=") return v <= goal;
  if (c == ">") return v > goal;
  if (c == "<") return v < goal;
  return false;
}

Period goal_window(Date due) {
  Period p = month_period(Month::of(due));
  p.kind = PeriodKind::custom;
  p.last = due;
  return p;
}

namespace {

// The goal's own scope as an engine Scope, intersected with what the caller sees.
engine::Scope goal_engine_scope(const engine::Snapshot& s, const engine::Scope& caller, const GoalScope& g) {
  const engine::Dims& d = *s.dims;
  engine::Scope out;
  switch (g.kind) {
    case model::OwnerKind::company: out = engine::scope_all(d); break;
    case model::OwnerKind::region: out = engine::scope_region(d, d.find_region(g.id)); break;
    case model::OwnerKind::rep: out = engine::scope_rep(d, d.find_rep(g.id)); break;
  }
  for (size_t i = 0; i < out.rep.size(); ++i) out.rep[i] = out.rep[i] && caller.sees_rep(static_cast<int32_t>(i));
  return out;
}

Money total(const engine::FactTable& t, const engine::Scope& scope, const Period& w) {
  Money sum = 0;
  for (Money v : engine::sum_by_rep(t, scope, w.first, w.last)) sum += v;
  return sum;
}

int64_t count(const engine::FactTable& t, const engine::Scope& scope, const Period& w) {
  auto range = t.range(w.first, w.last);
  int64_t n = 0;
  for (size_t i = range.begin; i < range.end; ++i) n += scope.sees_rep(t.rep[i]) ? 1 : 0;
  return n;
}

int32_t target_slot(const engine::Snapshot& s, const GoalScope& g) {
  const engine::Dims& d = *s.dims;
  switch (g.kind) {
    case model::OwnerKind::company: return s.targets->company_slot();
    case model::OwnerKind::region: return s.targets->region_slot(d.find_region(g.id));
    case model::OwnerKind::rep: return s.targets->rep_slot(d.find_rep(g.id));
  }
  return 0;
}

}  // namespace

void check_goal_scope(const engine::Snapshot& s, const engine::Scope& scope, const GoalScope& g) {
  const engine::Dims& d = *s.dims;
  switch (g.kind) {
    case model::OwnerKind::company:
      if (!scope.everything) throw forbidden();
      return;
    case model::OwnerKind::region: {
      int32_t r = d.find_region(g.id);
      if (r == kNone) throw not_found();
      // A region goal needs the region's whole book: the scope must cover its subtree.
      if (scope.everything) return;
      if (scope.root_region == kNone || !d.in_subtree(r, scope.root_region)) throw forbidden();
      return;
    }
    case model::OwnerKind::rep: {
      int32_t p = d.find_rep(g.id);
      if (p == kNone) throw not_found();
      if (!scope.sees_rep(p)) throw forbidden();
      return;
    }
  }
}

GoalMeasure measure_goal(const engine::Snapshot& s, const engine::Scope& scope, GoalMetric m, const GoalScope& g,
                         Date due) {
  check_goal_scope(s, scope, g);
  GoalMeasure out;
  out.window = goal_window(due);
  engine::Scope gs = goal_engine_scope(s, scope, g);
  const engine::Facts& f = *s.facts;
  switch (m) {
    case GoalMetric::sales: out.value = static_cast<double>(total(f.sales, gs, out.window)); break;
    case GoalMetric::collections: out.value = static_cast<double>(total(f.collections, gs, out.window)); break;
    case GoalMetric::completion: {
      Month month = Month::of(due);
      auto target = s.targets->sum(model::TargetMetric::sales, target_slot(s, g), month, month);
      // The same row D3 shows for that month as of the due date.
      ProgressRow row = progress_row(target, total(f.sales, gs, out.window), month_period(month), due);
      if (row.completion) out.value = *row.completion;
      break;
    }
    case GoalMetric::collection_rate: {
      Money sales = total(f.sales, gs, out.window);
      if (sales != 0)
        out.value = static_cast<double>(total(f.collections, gs, out.window)) / static_cast<double>(sales);
      break;
    }
    case GoalMetric::bids_won: out.value = static_cast<double>(count(f.bids_won, gs, out.window)); break;
    case GoalMetric::new_customers: out.value = static_cast<double>(count(f.first_contracts, gs, out.window)); break;
  }
  return out;
}

GoalOutcome evaluate_goal(const engine::Snapshot& s, const engine::Scope& scope, const std::string& metric,
                          const std::string& goal_scope, const std::string& comparator, double value, Date due) {
  auto m = parse_goal_metric(metric);
  auto g = parse_goal_scope(goal_scope);
  if (!m) throw invalid_field("goal.metric", "未知的目标指标：" + metric, "Unknown goal metric: " + metric);
  if (!g)
    throw invalid_field("goal.scope", "目标范围应为 company、region:ID 或 rep:ID",
                        "goal scope must be company, region:ID or rep:ID");
  if (!valid_comparator(comparator))
    throw invalid_field("goal.comparator", "比较符应为 >=、<=、> 或 <", "comparator must be >=, <=, > or <");
  GoalOutcome out;
  out.measured = measure_goal(s, scope, *m, *g, due).value;
  out.met = out.measured && compare(*out.measured, comparator, value);
  return out;
}

}  // namespace sl::analytics
