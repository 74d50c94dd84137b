// The P5 fixture the forecast tests share, on the C-area organisation (check_fixture_test_util.h):
// as_of 2026-06-15, so May 2026 is the last complete month and June locks on 2026-06-03.
//   rep 10 (上海): sales Apr 100, May 300, Jun 10th 50; forecasts Apr 80, May 360 (in time),
//                  May 999 (3 May 10:00 Beijing: late), Jun 70 (3 Jun 10:00: late), Jul 90 (20 Jun: after as_of)
//   rep 11 (广东): sales May 200; forecasts May 500, Jun 150 (30 May)
//   rep 12 (上海): hired 2026-06-01, no forecast; rep 13 (上海): left 2025-11-30
//   targets (sales, May 2026): company 1000, 华东(2) 450, rep 10 320
#pragma once
#include "analytics/check/check_fixture_test_util.h"
#include "analytics/plan/forecast_accuracy.h"

namespace sl::plan_test {

using check_test::contract;
using check_test::D;

// A unix second at `hour`:00 Beijing time on a date.
inline int64_t at(const char* date, int hour) { return analytics::beijing_midnight(D(date)) + hour * 3600; }

inline model::Dataset forecasts() {
  model::Dataset d = check_test::org();
  d.reps.push_back({12, "王五", 4, 0, D("2026-06-01"), std::nullopt, "E12"});
  d.reps.push_back({13, "赵六", 4, 0, D("2020-01-01"), D("2025-11-30"), "E13"});
  d.contracts = {contract(1, 1, 10, "2026-04-10", 100), contract(2, 1, 10, "2026-05-10", 300),
                 contract(3, 2, 11, "2026-05-20", 200), contract(4, 1, 10, "2026-06-10", 50)};
  d.forecasts = {{1, Month::of(2026, 4), 10, 80, at("2026-04-01", 9)},
                 {2, Month::of(2026, 5), 10, 360, at("2026-04-25", 9)},
                 {3, Month::of(2026, 5), 10, 999, at("2026-05-03", 10)},
                 {4, Month::of(2026, 6), 10, 70, at("2026-06-03", 10)},
                 {5, Month::of(2026, 7), 10, 90, at("2026-06-20", 9)},
                 {6, Month::of(2026, 5), 11, 500, at("2026-05-02", 23)},
                 {7, Month::of(2026, 6), 11, 150, at("2026-05-30", 9)}};
  using model::OwnerKind, model::TargetMetric;
  d.targets = {{Month::of(2026, 5), TargetMetric::sales, OwnerKind::company, 0, 1000},
               {Month::of(2026, 5), TargetMetric::sales, OwnerKind::region, 2, 450},
               {Month::of(2026, 5), TargetMetric::sales, OwnerKind::rep, 10, 320}};
  return d;
}

}  // namespace sl::plan_test
