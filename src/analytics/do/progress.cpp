#include "analytics/do/progress.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "engine/aggregate.h"

namespace sl::analytics {

using engine::kNone;

const char* status_code(ProgressStatus s) {
  switch (s) {
    case ProgressStatus::ahead: return "ahead";
    case ProgressStatus::at_risk: return "at_risk";
    case ProgressStatus::behind: return "behind";
    case ProgressStatus::no_target: return "no_target";
    case ProgressStatus::none: return "none";
  }
  return "";
}

const char* basis_code(FigureBasis b) {
  switch (b) {
    case FigureBasis::normal: return "normal";
    case FigureBasis::not_started: return "not_started";
    case FigureBasis::too_early: return "too_early";
    case FigureBasis::no_target: return "no_target";
    case FigureBasis::over: return "over";
  }
  return "";
}

int early_days(const Period& period) { return (period.days() * kEarlySharePercent + 99) / 100; }

bool too_early(const Period& period, Date as_of) {
  const int elapsed = elapsed_days(period, as_of);
  return elapsed > 0 && elapsed < early_days(period);
}

ProgressRow progress_row(std::optional<Money> target, Money actual, const Period& period, Date as_of) {
  ProgressRow r;
  r.target = target;
  r.actual = actual;
  const int elapsed = elapsed_days(period, as_of);
  const int remaining = period.days() - elapsed;
  const bool early = too_early(period, as_of);
  r.time_progress = time_progress(period, as_of);
  r.projection_basis = elapsed == 0 ? FigureBasis::not_started : early ? FigureBasis::too_early : FigureBasis::normal;
  if (r.projection_basis == FigureBasis::normal) r.projected = static_cast<double>(actual) / elapsed * period.days();
  if (target && *target > 0) {
    r.completion = static_cast<double>(actual) / static_cast<double>(*target);
    r.gap = *r.completion - r.time_progress;
    // Compare in whole-number hundredths-of-points so that a gap of exactly −10 points,
    // which floating point may render as −0.10000000000000003, counts as at risk.
    const double points = std::round(*r.gap * 1e6) / 1e4;
    r.status = points >= 0 ? ProgressStatus::ahead : points >= -10 ? ProgressStatus::at_risk : ProgressStatus::behind;
  }
  if (elapsed == 0) r.status = ProgressStatus::none;  // a period not started is neither ahead nor behind
  r.required_basis = !target ? FigureBasis::no_target
                     : remaining == 0 ? FigureBasis::over
                     : early          ? FigureBasis::too_early
                                      : FigureBasis::normal;
  if (r.required_basis == FigureBasis::normal)
    r.required_daily = std::max(0.0, static_cast<double>(*target - actual) / remaining);
  return r;
}

namespace {

struct Totals {
  std::vector<Money> by_rep, by_region;
};

Totals actuals(const engine::Snapshot& s, const engine::Scope& scope, const ProgressParams& p) {
  const auto& table = p.metric == model::TargetMetric::collection ? s.facts->collections : s.facts->sales;
  Date last = std::min(p.period.last, p.as_of);
  Totals t;
  t.by_rep = engine::sum_by_rep(table, scope, p.period.first, last);
  t.by_region = engine::roll_up_regions(*s.dims, t.by_rep);
  return t;
}

std::optional<Money> target_sum(const engine::Snapshot& s, const ProgressParams& p, int32_t slot) {
  return s.targets->sum(p.metric, slot, Month::of(p.period.first), Month::of(p.period.last));
}

ProgressRow region_row(const engine::Snapshot& s, const ProgressParams& p, const Totals& t, int32_t r) {
  int32_t slot = r == s.dims->company ? s.targets->company_slot() : s.targets->region_slot(r);
  ProgressRow row = progress_row(target_sum(s, p, slot), t.by_region[r], p.period, p.as_of);
  row.id = s.dims->region_id[r];
  row.name = s.dims->region_name[r];
  return row;
}

ProgressRow rep_row(const engine::Snapshot& s, const ProgressParams& p, const Totals& t, int32_t rep) {
  ProgressRow row = progress_row(target_sum(s, p, s.targets->rep_slot(rep)), t.by_rep[rep], p.period, p.as_of);
  row.id = s.dims->rep_id[rep];
  row.name = s.dims->rep_name[rep];
  return row;
}

// A rep is listed for a period when employed in it or when it has a target or sales in it.
bool rep_listed(const engine::Snapshot& s, const ProgressParams& p, const Totals& t, int32_t rep) {
  return s.dims->rep_active(rep, p.period.first, p.period.last) || t.by_rep[rep] != 0 ||
         target_sum(s, p, s.targets->rep_slot(rep)).has_value();
}

}  // namespace

ProgressResult target_progress(const engine::Snapshot& s, const engine::Scope& scope, const ProgressParams& p) {
  const engine::Dims& d = *s.dims;
  ProgressResult out;
  out.period = p.period;
  out.elapsed_days = elapsed_days(p.period, p.as_of);
  Totals t = actuals(s, scope, p);

  switch (p.level) {
    // A company with no regions yet (a database just made by `salesloop init`) has no rows,
    // which is an answer for those who see everything, not a refusal.
    case ProgressLevel::company:
      if (!scope.everything) throw forbidden();
      if (d.company != kNone) out.rows.push_back(region_row(s, p, t, d.company));
      break;
    case ProgressLevel::region:
      if (scope.everything && d.company != kNone) out.parent = region_row(s, p, t, d.company);
      for (int32_t r : d.regions_at_level(1))
        if (scope.sees_region(r)) out.rows.push_back(region_row(s, p, t, r));
      if (out.rows.empty() && !scope.everything) throw forbidden();
      break;
    case ProgressLevel::rep: {
      if (scope.own_rep != kNone) {  // a rep sees their own row and nothing around it
        if (p.region != 0) throw forbidden();
        out.rows.push_back(rep_row(s, p, t, scope.own_rep));
        break;
      }
      int32_t root = p.region == 0 ? scope.root_region : d.find_region(p.region);
      if (p.region != 0 && root == kNone) throw not_found();
      if (root == kNone && scope.everything) break;  // no regions yet
      if (!scope.sees_region(root)) throw forbidden();
      out.parent = region_row(s, p, t, root);
      for (int32_t rep = 0; rep < d.rep_count(); ++rep)
        if (scope.sees_rep(rep) && d.in_subtree(d.rep_region[rep], root) && rep_listed(s, p, t, rep))
          out.rows.push_back(rep_row(s, p, t, rep));
      break;
    }
  }
  return out;
}

}  // namespace sl::analytics
