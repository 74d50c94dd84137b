#include "bench/requests.h"

#include "analytics/check/churn_reasons.h"
#include "analytics/check/key_accounts.h"
#include "analytics/check/rfm.h"
#include "analytics/check/customer_profile.h"
#include "analytics/check/review.h"
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
    if (d.rep_active(p, month.first, as_of)) {
      rep = p;
      break;
    }
  for (int mgr = 0; mgr < 2; ++mgr) {
    auto scope = [&d, mgr, manager_region] {
      return mgr ? engine::scope_region(d, d.find_region(manager_region)) : engine::scope_all(d);
    };
    const std::string at = mgr ? "@mgr" : "@all";
    const std::pair<const char*, Period> periods[] = {{"month", month}, {"quarter", quarter}, {"year", year}};
    for (const auto& [name, named_period] : periods) {
      const Period period = named_period;  // lambdas capture a variable, not a binding (clang 14)
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
    // C2 and C3 as their pages call them (api/check_rfm_api.cpp, check_churn_api.cpp).
    qs.push_back({"c2_rfm" + at, [&s, scope, as_of] {
                    auto r = analytics::rfm(s, scope(), {as_of, 365, false, {}});
                    return Rows{{static_cast<int64_t>(r.customers.size()), r.segments[7].amount}};
                  }});
    qs.push_back(
        {"c3_churn" + at, [&s, scope, as_of] {
           auto sc = scope();
           auto flow = analytics::customer_flow(s, sc, {as_of, 8, analytics::FlowGrain::quarter, {}});
           auto p = analytics::pareto(s, sc, {as_of, 80, 95, {}});
           auto ka = analytics::key_accounts(s, sc, {as_of}, p);
           auto why = analytics::churn_reasons(s, sc, {as_of, {}});
           return Rows{{flow.back().churned, p.classes[0].customers, static_cast<int64_t>(ka.size()), why.customers}};
         }});
  }
  qs.push_back({"d1_cockpit", [&s, &d, rep, as_of] {
                  auto r = analytics::rep_cockpit(s, engine::scope_all(d), d.rep_id[rep], as_of);
                  return Rows{{static_cast<int64_t>(r.pipeline.size())}};
                }});
  // C1 sales review (company and manager) and one customer profile with its company-wide class and segment.
  for (int mgr = 0; mgr < 2; ++mgr)
    qs.push_back(
        {std::string("c1_review_quarter") + (mgr ? "@mgr" : "@all"), [&s, &d, mgr, manager_region, quarter, as_of] {
           auto scope = mgr ? engine::scope_region(d, d.find_region(manager_region)) : engine::scope_all(d);
           auto r = analytics::sales_review(s, scope, {quarter, as_of, {}});
           return Rows{{r.aging.overdue, static_cast<int64_t>(r.customers.size())}};
         }});
  qs.push_back({"c1_customer_profile", [&s, &d, as_of] {
                  auto all = engine::scope_all(d);
                  auto pareto = analytics::pareto(s, all, {as_of});
                  auto rfm = analytics::rfm(s, all, {as_of});
                  int32_t c = pareto.customers.empty() ? 0 : pareto.customers.front().customer;
                  auto r = analytics::customer_profile(s, all, c, as_of, pareto, rfm);
                  return Rows{{r.receivable, static_cast<int64_t>(r.timeline_total)}};
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
