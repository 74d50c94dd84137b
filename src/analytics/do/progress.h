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

// Why a projection or a required daily rate is absent (docs/metrics.md, D3).
//   normal      — shown;
//   not_started — the period has not started: nothing to project from (the required daily rate
//                 of a period not started is still shown: the whole target over its days);
//   too_early   — the period has started but fewer than early_days(period) days have passed:
//                 a few days of data say little about the period (day 1 × 30 is no forecast);
//   no_target   — no target, so no required rate (the projection does not need one);
//   over        — the period is over: no day remains to require anything of.
enum class FigureBasis { normal, not_started, too_early, no_target, over };
const char* basis_code(FigureBasis b);

// The setting: a projection and a required daily rate show once this share (in percent) of a
// period's days has passed — 20 %: day 6 of a 30-day month, day 7 of a 31-day one, day 19 of a
// 91-day quarter, day 73 of a year.
inline constexpr int kEarlySharePercent = 20;
// The days a period must have run (through as_of) before its projection shows: 20 % of its
// days, rounded up.
int early_days(const Period& period);
// Whether as_of falls in the period's first days, before early_days have passed.
bool too_early(const Period& period, Date as_of);

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
  std::optional<double> required_daily;  // fen per remaining day; nullopt unless its basis is normal
  std::optional<double> projected;       // nullopt unless its basis is normal
  FigureBasis required_basis = FigureBasis::normal, projection_basis = FigureBasis::normal;
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
