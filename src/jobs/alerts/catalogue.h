// The metrics a threshold alert may watch (issue 14): each is a figure a page shows, measured
// by that page's own code — the pushed report's builder (jobs/push/reports.h) where the page
// has one, so an alert, a subscription's condition and the screen agree on every number.
// Ratios are fractions (completion 0.82; completion − time progress −0.25 is "25 points
// behind"), as the page's JSON gives them.
#pragma once
#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/scope.h"
#include "engine/snapshot.h"
#include "model/entities.h"

namespace sl::api {
struct Context;  // handed on to the report builders (jobs/push/reports.h ReportInput::ctx)
}

namespace sl::jobs::alerts {

struct MetricDef {
  std::string code;  // "d3_completion_gap"
  std::string page;  // the page it is shown on: "do/progress"
  std::string zh, en;
  std::string unit;  // "points" (a difference of ratios) | "ratio" | "count" | "money"
};
const std::vector<MetricDef>& metric_catalogue();
const MetricDef* find_metric(const std::string& code);

// Where a rule looks: its scope code resolved against the Snapshot.
struct RuleScope {
  std::string code;  // "company" | "region:3" | "rep:17"
  Id region = 0, rep = 0;
};

struct MeasureInput {
  const engine::Snapshot& snap;
  const engine::Scope& scope;  // the rule's scope, within its owner's
  const model::User& owner;
  const RuleScope& where;
  const boost::json::object& filters;  // the metric's page filters: {"period":"month|quarter|year","metric":"sales|collection"}
  Date today;
  api::Context* ctx = nullptr;  // the report builders' (ReportInput::ctx)
};

struct Measure {
  std::optional<double> value;  // nullopt: undefined here (e.g. no target) — nothing breaches
  std::string key;              // the scope and period measured: "region:3/2026-06"
  std::string link;             // the page path with the filters that show the figure
  std::string where_zh, where_en;  // "华东大区 · 2026-06"
};

// 422 (field "filters") on filters the metric does not take.
Measure measure(const MetricDef& m, const MeasureInput& in);
// The period a rule's filters name, as of today: this month (default), quarter or year.
Period rule_period(const boost::json::object& filters, Date today);

}  // namespace sl::jobs::alerts
