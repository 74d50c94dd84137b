#include "bench/workload.h"

#include "analytics/check/aging.h"
#include "analytics/check/customer_flow.h"
#include "analytics/check/rfm.h"
#include "engine/aggregate.h"
#include "engine/monthly.h"

namespace sl::bench {

namespace {

Rows grid_rows(const engine::Dims& d, const engine::MonthRegionGrid& g) {
  Rows out;
  for (int m = 0; m < g.months; ++m) {
    Month mo{g.first.index + m};
    for (int32_t r = 0; r < g.regions; ++r) {
      Money v = g.cells[static_cast<size_t>(m * g.regions + r)];
      if (v != 0) out.push_back({mo.year() * 100 + mo.month(), d.region_id[static_cast<size_t>(r)], v});
    }
  }
  return out;  // months ascend; regions in id order within a month (Dims keeps id order)
}

}  // namespace

std::vector<Query> engine_workload(const engine::Snapshot& s, Date as_of, Id manager_region) {
  std::vector<Query> qs;
  const Ymd a = to_ymd(as_of);
  const Date month_first = from_ymd(a.year, a.month, 1), last_year_first = from_ymd(a.year - 1, 1, 1);
  for (int mgr = 0; mgr < 2; ++mgr) {
    // Scope resolved per request, as the API does (it is part of the measured time).
    auto scope = [&s, mgr, manager_region] {
      return mgr ? engine::scope_region(*s.dims, s.dims->find_region(manager_region)) : engine::scope_all(*s.dims);
    };
    const std::string at = mgr ? "@mgr" : "@all";
    const auto& f = *s.facts;
    qs.push_back({"d3_sales_by_rep" + at, [&s, &f, scope, month_first, as_of] {
                    auto by_rep = engine::sum_by_rep(f.sales_lines, scope(), month_first, as_of);
                    Rows out;
                    for (size_t p = 0; p < by_rep.size(); ++p)
                      if (by_rep[p] != 0) out.push_back({s.dims->rep_id[p], by_rep[p]});
                    return out;
                  }});
    auto grid = [&s, scope, last_year_first, as_of](const engine::FactTable& t) {
      return grid_rows(*s.dims, engine::sum_by_month_top_region(*s.dims, t, scope(), last_year_first, as_of));
    };
    qs.push_back({"d2_bids_won" + at, [&f, grid] { return grid(f.bids_won); }});
    qs.push_back({"d2_sales" + at, [&f, grid] { return grid(f.sales_lines); }});
    qs.push_back({"d2_collections" + at, [&f, grid] { return grid(f.collections); }});
    qs.push_back({"c1_aging" + at, [&s, scope, as_of] {
                    auto r = analytics::receivables_aging(s, scope(), {as_of});
                    Rows out{{0, 0, r.receivable}};
                    for (int b = 0; b < 5; ++b)
                      if (r.buckets[static_cast<size_t>(b)].items)
                        out.push_back(
                            {b + 1, r.buckets[static_cast<size_t>(b)].items, r.buckets[static_cast<size_t>(b)].amount});
                    return out;
                  }});
    qs.push_back({"c2_rfm" + at, [&s, scope, as_of] {
                    auto r = analytics::rfm(s, scope(), {as_of, 365, false});
                    Rows out;
                    for (int g = 0; g < 8; ++g)
                      if (r.segments[static_cast<size_t>(g)].customers)
                        out.push_back({g, r.segments[static_cast<size_t>(g)].customers,
                                       r.segments[static_cast<size_t>(g)].amount});
                    return out;
                  }});
    qs.push_back({"c3_flow" + at, [&s, scope, as_of] {
                    Rows out;
                    for (const auto& r : analytics::customer_flow(s, scope(), {as_of, 8}))
                      out.push_back({r.year * 4 + r.quarter - 1, r.active, r.fresh, r.retained, r.returned, r.churned,
                                     r.active_prev});
                    return out;
                  }});
    qs.push_back({"c3_pareto" + at, [&s, scope, as_of] {
                    auto r = analytics::pareto(s, scope(), {as_of});
                    Rows out;
                    for (int c = 0; c < 3; ++c)
                      if (r.classes[static_cast<size_t>(c)].customers)
                        out.push_back({c + 1, r.classes[static_cast<size_t>(c)].customers,
                                       r.classes[static_cast<size_t>(c)].amount});
                    return out;
                  }});
  }
  return qs;
}

std::vector<Query> floor_workload(const engine::Snapshot& s, Date as_of, Id manager_region) {
  std::vector<Query> qs;
  const Ymd a = to_ymd(as_of);
  const Date month_first = from_ymd(a.year, a.month, 1), last_year_first = from_ymd(a.year - 1, 1, 1);
  const auto& f = *s.facts;
  for (int mgr = 0; mgr < 2; ++mgr) {
    auto sc = mgr ? engine::scope_region(*s.dims, s.dims->find_region(manager_region)) : engine::scope_all(*s.dims);
    std::vector<uint8_t> mask(sc.rep.size());
    for (size_t i = 0; i < mask.size(); ++i) mask[i] = sc.rep[i];
    const std::string at = mgr ? "@mgr" : "@all";
    // Σ amount of visible reps over a date range: what every fact-table query must at least read.
    auto scan = [mask](const engine::FactTable& t, Date b, Date e) {
      auto rr = t.range(b, e);
      Money sum = 0;
      for (size_t i = rr.begin; i < rr.end; ++i) sum += mask[static_cast<size_t>(t.rep[i])] ? t.amount[i] : 0;
      return Rows{{sum}};
    };
    qs.push_back(
        {"d3_sales_by_rep" + at, [&f, scan, month_first, as_of] { return scan(f.sales_lines, month_first, as_of); }});
    qs.push_back(
        {"d2_bids_won" + at, [&f, scan, last_year_first, as_of] { return scan(f.bids_won, last_year_first, as_of); }});
    qs.push_back(
        {"d2_sales" + at, [&f, scan, last_year_first, as_of] { return scan(f.sales_lines, last_year_first, as_of); }});
    qs.push_back({"d2_collections" + at,
                  [&f, scan, last_year_first, as_of] { return scan(f.collections, last_year_first, as_of); }});
    qs.push_back({"c1_aging" + at, [&f, mask, as_of] {
                    const auto& t = f.contracts;
                    Money sum = 0;
                    for (size_t i = 0; i < t.size(); ++i) {
                      if (!mask[static_cast<size_t>(t.rep[i])] || t.signed_day[i] > as_of.days) continue;
                      for (uint32_t k = t.pay_begin[i]; k < t.pay_begin[i + 1]; ++k)
                        sum += t.pay_day[k] <= as_of.days ? t.pay_amount[k] : 0;
                      for (uint32_t k = t.plan_begin[i]; k < t.plan_begin[i + 1]; ++k)
                        sum += t.plan_due[k] < as_of.days ? t.plan_amount[k] : 0;
                    }
                    return Rows{{sum}};
                  }});
    // C2 and C3 read every contract up to as_of into per-customer slots.
    auto per_customer = [&f, mask, as_of] {
      const auto& t = f.sales;
      std::vector<Money> slot(f.customer_id.size(), 0);
      auto rr = t.range(Date{INT32_MIN / 2}, as_of);
      for (size_t i = rr.begin; i < rr.end; ++i)
        if (mask[static_cast<size_t>(t.rep[i])]) slot[static_cast<size_t>(t.customer[i])] += t.amount[i] + t.day[i];
      Money sum = 0;
      for (Money v : slot) sum += v;
      return Rows{{sum}};
    };
    qs.push_back({"c2_rfm" + at, per_customer});
    qs.push_back({"c3_flow" + at, per_customer});
    qs.push_back({"c3_pareto" + at, [&f, scan, as_of] { return scan(f.sales, Date{as_of.days - 364}, as_of); }});
  }
  return qs;
}

}  // namespace sl::bench
