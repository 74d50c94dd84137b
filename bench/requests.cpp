#include "bench/requests.h"

#include "analytics/check/products.h"
#include "analytics/do/cockpit.h"
#include "analytics/do/leaderboard.h"
#include "analytics/do/per_capita.h"
#include "analytics/do/process.h"
#include "analytics/do/progress.h"

namespace sl::bench {

std::vector<Query> request_workload(const engine::Snapshot& s, Date as_of, Id manager_region) {
  std::vector<Query> qs;
  const Ymd a = to_ymd(as_of);
  const Period month = month_period(Month::of(as_of)), quarter = quarter_period(a.year, (a.month - 1) / 3 + 1),
               year = year_period(a.year);
  const engine::Dims& d = *s.dims;
  // The busiest rep in scope: the cockpit of someone with a full book.
  int32_t rep = 0;
  for (int32_t p = 0; p < d.rep_count(); ++p)
    if (d.rep_active(p, month.first, as_of)) { rep = p; break; }
  for (int mgr = 0; mgr < 2; ++mgr) {
    auto scope = [&d, mgr, manager_region] {
      return mgr ? engine::scope_region(d, d.find_region(manager_region)) : engine::scope_all(d);
    };
    const std::string at = mgr ? "@mgr" : "@all";
    const std::pair<const char*, Period> periods[] = {{"month", month}, {"quarter", quarter}, {"year", year}};
    for (const auto& [name, period] : periods) {
      qs.push_back({std::string("d3_progress_") + name + at, [&s, scope, period, as_of] {
                      analytics::ProgressParams p{period, as_of, analytics::ProgressLevel::region, 0,
                                                  model::TargetMetric::sales};
                      auto r = analytics::target_progress(s, scope(), p);
                      return Rows{{static_cast<int64_t>(r.rows.size())}};
                    }});
      qs.push_back({std::string("d2_process_") + name + at, [&s, scope, period, as_of] {
                      auto r = analytics::performance_process(s, scope(), {period, as_of, {}});
                      return Rows{{r.totals[1].amount, static_cast<int64_t>(r.anomalies.size())}};
                    }});
      qs.push_back({std::string("d4_leaderboard_") + name + at, [&s, scope, period, as_of] {
                      auto r = analytics::leaderboard(s, scope(), {period, as_of, analytics::BoardMetric::sales});
                      return Rows{{static_cast<int64_t>(r.reps.size())}};
                    }});
    }
    qs.push_back({"d4_per_capita" + at, [&s, scope, as_of] {
                    auto r = analytics::per_capita(s, scope(), as_of);
                    return Rows{{static_cast<int64_t>(r.months.size())}};
                  }});
  }
  qs.push_back({"d1_cockpit", [&s, &d, rep, as_of] {
                  auto r = analytics::rep_cockpit(s, engine::scope_all(d), d.rep_id[rep], as_of);
                  return Rows{{static_cast<int64_t>(r.pipeline.size())}};
                }});
  qs.push_back({"c4_products_year@all", [&s, &d, year, as_of] {
                  analytics::ProductParams p;
                  p.period = year;
                  p.as_of = as_of;
                  auto r = analytics::product_warning(s, engine::scope_all(d), p);
                  return Rows{{r.totals.sales, static_cast<int64_t>(r.warnings.size())}};
                }});
  return qs;
}

}  // namespace sl::bench
