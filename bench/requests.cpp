#include "bench/requests.h"

#include "bench/digest.h"

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
#include "analytics/plan/funnel.h"
#include "analytics/plan/opportunity_trend.h"
#include "analytics/plan/pipeline.h"
#include "analytics/plan/competitors.h"
#include "analytics/plan/market.h"
#include "analytics/plan/finance_overview.h"
#include "analytics/plan/forecast_report.h"
#include "analytics/plan/forecast_submissions.h"
#include "analytics/plan/suggestion.h"
#include "engine/scope.h"
#include "forecast/forecast.h"

#include <cmath>
#include <memory>
#include <optional>
#include <tuple>

namespace sl::bench {

namespace {

// The C pages' analytics as their API files call them (src/api/check_*_api.cpp,
// customer_profile_api.cpp), each at company scope and at one manager's: C1 review for the
// page's default month and a quarter, C2 RFM, C3 churn (flow, Pareto, key accounts, churn
// reasons), C4 products for a month and a year, and one customer profile — cold (with the
// company-wide Pareto and RFM the profile needs, as the first request of a Snapshot pays them)
// and as later requests call it (those two kept per Snapshot by the server's result cache).
template <class T>
std::tuple<const T&> as_tuple(const T& x) {
  return std::tie(x);
}
template <class... T>
const std::tuple<T...>& as_tuple(const std::tuple<T...>& x) {
  return x;
}

// A C request: `compute` is timed (with the destruction of the previous run's result, as a
// request frees its own); the digest of every figure is taken once after the runs, from the
// last result, and is not part of the time.
template <class Compute>
Query c_query(std::string name, Compute compute) {
  using Result = decltype(compute());
  auto last = std::make_shared<std::optional<Result>>();
  return {std::move(name),
          [compute, last] {
            last->reset();
            last->emplace(compute());
            return Rows{};
          },
          [last] { return Rows{{std::apply([](const auto&... x) { return digest(x...); }, as_tuple(**last))}}; }};
}

void add_c_requests(std::vector<Query>& qs, const engine::Snapshot& s, Date as_of, Id manager_region) {
  const Ymd a = to_ymd(as_of);
  const Period month = month_period(Month::of(as_of)), quarter = quarter_period(a.year, (a.month - 1) / 3 + 1),
               year = year_period(a.year);
  const engine::Dims& d = *s.dims;
  const engine::Scope all = engine::scope_all(d);
  auto pareto = std::make_shared<analytics::ParetoResult>(analytics::pareto(s, all, {as_of, 80, 95, {}}));
  auto rfm = std::make_shared<analytics::RfmResult>(analytics::rfm(s, all, {as_of, 365, false, {}}));
  for (int mgr = 0; mgr < 2; ++mgr) {
    auto scope = [&d, mgr, manager_region] {
      return mgr ? engine::scope_region(d, d.find_region(manager_region)) : engine::scope_all(d);
    };
    const std::string at = mgr ? "@mgr" : "@all";
    for (const auto& [name, named_period] : {std::pair{"month", month}, std::pair{"quarter", quarter}}) {
      const Period period = named_period;  // lambdas capture a variable, not a binding (clang 14)
      qs.push_back(c_query(std::string("c1_review_") + name + at, [&s, scope, period, as_of] {
        return analytics::sales_review(s, scope(), {period, as_of, {}});
      }));
    }
    qs.push_back(
        c_query("c2_rfm" + at, [&s, scope, as_of] { return analytics::rfm(s, scope(), {as_of, 365, false, {}}); }));
    qs.push_back(c_query("c3_churn" + at, [&s, scope, as_of] {
      auto sc = scope();
      auto flow = analytics::customer_flow(s, sc, {as_of, 8, analytics::FlowGrain::quarter, {}});
      auto p = analytics::pareto(s, sc, {as_of, 80, 95, {}});
      auto ka = analytics::key_accounts(s, sc, {as_of}, p);
      auto why = analytics::churn_reasons(s, sc, {as_of, {}});
      return std::tuple{std::move(flow), std::move(p), std::move(ka), std::move(why)};
    }));
    for (const auto& [name, named_period] : {std::pair{"month", month}, std::pair{"year", year}}) {
      const Period period = named_period;
      qs.push_back(c_query(std::string("c4_products_") + name + at, [&s, scope, period, as_of] {
        analytics::ProductParams p;
        p.period = period;
        p.as_of = as_of;
        return analytics::product_warning(s, scope(), p);
      }));
    }
    // The scope's largest customer (class A, so the at-risk check runs too).
    const engine::Scope sc = scope();
    int32_t c = 0;
    for (const auto& x : pareto->customers)
      if (engine::sees_customer(sc, s.facts->customers, x.customer)) {
        c = x.customer;
        break;
      }
    qs.push_back(c_query("c1_profile_cold" + at, [&s, scope, c, as_of] {
      const engine::Scope company = engine::scope_all(*s.dims);
      auto p = analytics::pareto(s, company, {as_of, 80, 95, {}});
      auto r = analytics::rfm(s, company, {as_of, 365, false, {}});
      return analytics::customer_profile(s, scope(), c, as_of, p, r);
    }));
    qs.push_back(c_query("c1_profile" + at, [&s, scope, c, as_of, pareto, rfm] {
      return analytics::customer_profile(s, scope(), c, as_of, *pareto, *rfm);
    }));
  }
}

// Every figure of a P6 suggestion (the evidences with their backtests and bases, the blend,
// the split), so a faster kernel can be shown to give the same answer.
int64_t digest_suggestion(const analytics::Suggestion& r) {
  Digest d;
  d << int64_t{r.history_first.index} << int64_t{r.history_last.index};
  for (Money v : r.sales) d << v;
  for (const auto& e : r.evidence) {
    d << int64_t{static_cast<int>(e.method)} << e.value << e.backtest.mape << e.backtest.wape
      << int64_t{e.backtest.points} << e.weight << int64_t{static_cast<int>(e.model)} << e.share << e.share_own
      << e.share_market << e.market_forecast << e.expected << e.run_rate << e.open;
    for (double m : e.months) d << m;
    if (e.params) d << e.params->alpha << e.params->beta << e.params->gamma;
  }
  d << r.suggested << r.low << r.high << r.error;
  for (Money v : r.split) d << v;
  return d.value();
}

}  // namespace

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
  }
  qs.push_back(c_query("d1_cockpit", [&s, &d, rep, as_of] {
    return analytics::rep_cockpit(s, engine::scope_all(d), d.rep_id[rep], as_of);
  }));
  // The 9:00 storm without HTTP: the cockpits of 100 reps spread over the company, one after
  // another (ms for all 100; the digest covers every answer).
  std::vector<Id> spread;
  for (int32_t p = 0; p < d.rep_count(); p += std::max(1, d.rep_count() / 100)) spread.push_back(d.rep_id[p]);
  qs.push_back(c_query("d1_cockpit_100_reps", [&s, &d, spread, as_of] {
    std::vector<analytics::CockpitResult> out;
    for (Id id : spread) out.push_back(analytics::rep_cockpit(s, engine::scope_all(d), id, as_of));
    return out;
  }));
  add_c_requests(qs, s, as_of, manager_region);
  // One forecast line as P4 and P6 call it: 36 months, horizon 12, with both backtests
  // (12 Holt-Winters fits). A fixed seasonal series with trend and noise, not the Snapshot's.
  qs.push_back({"p4_forecast_line_36m", [] {
                  std::vector<double> x;
                  for (int t = 0; t < 36; ++t)
                    x.push_back(1e9 * (1 + 0.01 * t + 0.3 * std::sin(t * 0.5236)) + 4e7 * ((t * 7919) % 13 - 6));
                  auto f = forecast::forecast_line(x, 12);
                  return Rows{{static_cast<int64_t>(f.forecast.back().value)}};
                }});
  // P3 funnel page as plan_funnel_api.cpp calls it: as_of's year, company scope.
  qs.push_back({"p3_funnel_year@all", [&s, &d, as_of] {
                  const engine::Scope all = engine::scope_all(d);
                  const Period y = year_period(to_ymd(as_of).year);
                  auto f = analytics::funnel(s, all, {y.first, y.last, as_of, {}});
                  auto p = analytics::stage_probabilities(s, all, {as_of, {}});
                  auto w = analytics::weighted_pipeline(s, all, {as_of, {}}, p);
                  auto t = analytics::opportunity_trend(s, all, {as_of, {}});
                  return Rows{{f.cohort, f.stages[5].reached, w.count, static_cast<int64_t>(t.size())}};
                }});
  // P1 market share and P2 competitors for the year to date (their pages' default), company-wide.
  qs.push_back({"p1_market_year@all", [&s, &d, year, as_of] {
                  auto r = analytics::market_share(s, engine::scope_all(d), {year, as_of, {}, 24});
                  return Rows{{r.total.own, r.total.market}};
                }});
  qs.push_back({"p2_competitors_year@all", [&s, &d, year, as_of] {
                  auto r = analytics::competitors(s, engine::scope_all(d), {year, as_of, 3, 12});
                  return Rows{{static_cast<int64_t>(r.categories.size())}};
                }});
  // P4 as GET /api/v1/plan/finance computes it: the ledger's lines, YTD, the Pearson matrix and
  // eight forecast_line fits (company scope: the ledger is company-wide).
  qs.push_back({"p4_finance", [&s, &d, as_of] {
                  auto r = analytics::finance_overview(s, engine::scope_all(d), {as_of});
                  const auto& revenue = r.forecast.lines[0].forecast;
                  return Rows{{static_cast<int64_t>(r.months.size()), revenue.empty() ? 0 : revenue.back().value}};
                }});
  // P5 (plan_forecasts_api.cpp), company scope: the month's submissions and the accuracy page.
  qs.push_back({"p5_submissions@all", [&s, &d, as_of] {
                  auto r = analytics::forecast_submissions(s, engine::scope_all(d), Month::of(as_of));
                  return Rows{{static_cast<int64_t>(r.rows.size())}};
                }});
  qs.push_back({"p5_accuracy@all", [&s, &d, as_of] {
                  analytics::ForecastReportParams p;
                  p.as_of = as_of;
                  auto r = analytics::forecast_report(s, engine::scope_all(d), p);
                  return Rows{{static_cast<int64_t>(r.ranking.size())}};
                }});
  // P6 (plan_suggestion_api.cpp) for the quarter after as_of's, one owner each: the company,
  // the manager's region and one rep, backtests included.
  const Month next_quarter{Month::of(as_of).index - (Month::of(as_of).month() - 1) % 3 + 3};
  const analytics::SuggestionParams sp{as_of, next_quarter, Month{next_quarter.index + 2}};
  const int32_t region_index = d.find_region(manager_region);
  const std::vector<std::pair<std::string, std::function<engine::Scope()>>> owners = {
      {"company", [&d] { return engine::scope_all(d); }},
      {"region", [&d, region_index] { return engine::scope_region(d, region_index); }},
      {"rep", [&d, rep] { return engine::scope_rep(d, rep); }}};
  for (const auto& [name, owner] : owners)
    qs.push_back({"p6_suggestion@" + name, [&s, owner, sp] {
                    auto r = analytics::suggestion(s, owner(), sp);
                    return Rows{{r.suggested.value_or(-1), static_cast<int64_t>(r.sales.size())}};
                  }});
  // The same three with a digest of every figure (--rows 1), timed like the others.
  for (const auto& [name, owner] : owners)
    qs.push_back({"p6_digest@" + name, [&s, owner, sp] {
                    return Rows{{digest_suggestion(analytics::suggestion(s, owner(), sp))}};
                  }});
  // The parts of C3 churn and C1's aging at company scope, one query each (a page's time split).
  {
    const engine::Scope all = engine::scope_all(d);
    auto pareto = std::make_shared<analytics::ParetoResult>(analytics::pareto(s, all, {as_of, 80, 95, {}}));
    qs.push_back({"c3_part_flow@all", [&s, all, as_of] {
                    auto r = analytics::customer_flow(s, all, {as_of, 8, analytics::FlowGrain::quarter, {}});
                    return Rows{{r.back().active, r.back().churned}};
                  }});
    qs.push_back({"c3_part_pareto@all", [&s, all, as_of] {
                    auto r = analytics::pareto(s, all, {as_of, 80, 95, {}});
                    return Rows{{r.total, r.classes[0].customers}};
                  }});
    qs.push_back({"c3_part_key_accounts@all", [&s, all, as_of, pareto] {
                    auto r = analytics::key_accounts(s, all, {as_of}, *pareto);
                    return Rows{{static_cast<int64_t>(r.size())}};
                  }});
    qs.push_back({"c3_part_reasons@all", [&s, all, as_of] {
                    auto r = analytics::churn_reasons(s, all, {as_of, {}});
                    return Rows{{r.customers}};
                  }});
    // C2 and C3 under a product category (the first category): they read its purchases.
    analytics::DoFilter cat;
    if (!s.facts->categories.empty()) cat.category = s.facts->categories[0];
    const analytics::RowFilter rf = cat.category.empty() ? analytics::RowFilter{} : analytics::row_filter(s, cat);
    qs.push_back({"c2_rfm_category@all", [&s, all, as_of, rf] {
                    auto r = analytics::rfm(s, all, {as_of, 365, false, rf});
                    return Rows{{static_cast<int64_t>(r.customers.size()), r.segments[7].amount}};
                  }});
    qs.push_back({"c3_churn_category@all", [&s, all, as_of, rf] {
                    auto flow = analytics::customer_flow(s, all, {as_of, 8, analytics::FlowGrain::quarter, rf});
                    auto p = analytics::pareto(s, all, {as_of, 80, 95, rf});
                    auto ka = analytics::key_accounts(s, all, {as_of, rf}, p);
                    auto why = analytics::churn_reasons(s, all, {as_of, rf});
                    return Rows{{flow.back().active, p.total, static_cast<int64_t>(ka.size()), why.customers}};
                  }});
    qs.push_back({"c1_part_aging@all", [&s, all, as_of] {
                    auto r = analytics::receivables_aging(s, all, {as_of, {}, true});
                    return Rows{{r.receivable, r.overdue, static_cast<int64_t>(r.by_customer.size())}};
                  }});
  }
  return qs;
}

}  // namespace sl::bench
