#include "analytics/plan/forecast_submissions.h"

#include <limits>

namespace sl::analytics {

MonthSubmissions forecast_submissions(const engine::Snapshot& s, const engine::Scope& scope, Month m, int lock_day) {
  const engine::Dims& d = *s.dims;
  const engine::ForecastTable& t = s.facts->forecasts;
  MonthSubmissions out;
  out.month = m;
  out.lock_at = forecast_lock_at(m, lock_day);
  for (int32_t rep = 0; rep < d.rep_count(); ++rep) {
    if (!scope.sees_rep(rep)) continue;
    SubmissionRow row;
    row.rep = rep;
    row.employed = d.rep_active(rep, m.first_day(), m.last_day());
    const Submissions all = submissions_before(t, rep, m, std::numeric_limits<int64_t>::max());
    if (!row.employed && all.count == 0) continue;
    row.submissions = all.count;
    if (all.count) {
      row.latest = t.value[all.last];
      row.latest_at = t.submitted_at[all.last];
      const Submissions in_time = submissions_before(t, rep, m, out.lock_at);
      if (in_time.count) row.counted = t.value[in_time.last];
    }
    const int64_t target = s.targets->get(model::TargetMetric::sales, s.targets->rep_slot(rep), m);
    if (target != engine::kNoTarget) row.target = target;
    if (row.employed) {
      ++out.employed;
      if (row.counted)
        ++out.submitted;
      else
        out.not_submitted.push_back(rep);
    }
    if (row.counted) out.counted_total += *row.counted;
    out.rows.push_back(row);
  }
  return out;
}

}  // namespace sl::analytics
