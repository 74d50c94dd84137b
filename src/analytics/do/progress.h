// D3 target progress (shared/METRICS.md): target, actual, completion, time progress,
// gap, status, required daily rate and projected period end, per region or per rep.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "engine/scope.h"
#include "engine/snapshot.h"

namespace sl::analytics {

enum class ProgressLevel { company, region, rep };
// none: a period that has not started has no status (nothing is ahead or behind yet).
enum class ProgressStatus { ahead, at_risk, behind, no_target, none };
const char* status_code(ProgressStatus s);  // "none" for none; the JSON answers null

struct ProgressParams {
  Period period;
  Date as_of;
  ProgressLevel level = ProgressLevel::company;
  Id region = 0;  // level rep: the 大区 (or any region) whose reps to list; 0 = the caller's own
  model::TargetMetric metric = model::TargetMetric::sales;
};

struct ProgressRow {
  Id id = 0;
  std::string name;
  std::optional<Money> target;            // nullopt: no target set for any month of the period
  Money actual = 0;                       // through min(as_of, period end)
  std::optional<double> completion, gap;  // nullopt without a (non-zero) target
  double time_progress = 0;
  ProgressStatus status = ProgressStatus::no_target;
  std::optional<double> required_daily;  // fen per remaining day; nullopt when no day remains
  std::optional<double> projected;       // nullopt before the period starts
};

struct ProgressResult {
  Period period;
  int elapsed_days = 0;
  std::optional<ProgressRow> parent;  // the row the listed rows break down, when in scope
  std::vector<ProgressRow> rows;
};

// Throws sl::AppError 403 when the requested level/region lies outside the scope and
// 404 when the region does not exist.
ProgressResult target_progress(const engine::Snapshot& s, const engine::Scope& scope, const ProgressParams& p);

// The figures of one row from its target and actual (exposed for tests).
ProgressRow progress_row(std::optional<Money> target, Money actual, const Period& period, Date as_of);

}  // namespace sl::analytics
