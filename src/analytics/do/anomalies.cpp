#include "analytics/do/anomalies.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "analytics/do/month_complete.h"

namespace sl::analytics {

using engine::kNone;

std::string Anomaly::key() const {
  std::string r;
  for (const auto& x : rules) r += (r.empty() ? "" : "+") + x;
  return unit + ":" + std::to_string(id) + "/" + do_metric_code(metric) + "/" + format_month(month) + "/" + r;
}

namespace {
// The median of v (reordered): the middle value, or the mean of the two middle ones, as a
// full sort would give them (nth_element for the upper, the largest below it for the lower).
double median_of(std::vector<double>& v) {
  const size_t n = v.size();
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(n / 2);
  std::nth_element(v.begin(), mid, v.end());
  if (n % 2) return *mid;
  return (*std::max_element(v.begin(), mid) + *mid) / 2;
}
// Round to 1e-4 points so that a boundary written as "20 points" is not lost to floating point.
double points(double ratio) { return std::round(ratio * 1e6) / 1e4; }
}  // namespace

RobustZ robust_z(double x, std::vector<double> history) {
  RobustZ out;
  if (history.empty()) return out;
  std::vector<double> sorted = history;
  out.median = median_of(sorted);
  std::vector<double> dev;
  dev.reserve(history.size());
  double mean_ad = 0;
  for (double h : history) {
    dev.push_back(std::abs(h - out.median));
    mean_ad += std::abs(h - out.median);
  }
  mean_ad /= static_cast<double>(history.size());
  out.mad = median_of(dev);
  if (out.mad > 0)
    out.z = (x - out.median) / (1.4826 * out.mad);
  else if (mean_ad > 0)
    out.z = (x - out.median) / (1.2533 * mean_ad);
  // else: a constant history gives no scale; z stays null.
  return out;
}

std::vector<Anomaly> detect_anomalies(const engine::Snapshot& s, const engine::Scope& scope, const RowFilter& rf,
                                      Month first, Month last, Date as_of, const AnomalyRules& rules) {
  if (last < first) return {};
  std::array<RepMonthGrid, 3> grids;
  const Month m0{first.index - 12};
  for (size_t k = 0; k < grids.size(); ++k)
    grids[k] = rep_month_grid(*s.facts, metric_table(*s.facts, kDoMetrics[k], rf), scope, rf, m0, last, as_of);
  return detect_anomalies(s, scope, rf, first, last, as_of, grids, rules);
}

std::vector<Anomaly> detect_anomalies(const engine::Snapshot& s, const engine::Scope& scope, const RowFilter& rf,
                                      Month first, Month last, Date as_of, const std::array<RepMonthGrid, 3>& grids,
                                      const AnomalyRules& rules) {
  std::vector<Anomaly> out;
  if (last < first) return out;
  const engine::Dims& d = *s.dims;
  const Month m0{first.index - 12};
  const int months = last.index - m0.index + 1;
  const bool targets_apply = rf.industry == kNone && !rf.by_category();

  struct Unit {
    std::string kind;
    int32_t index;
    std::vector<int32_t> reps;  // the reps whose monthly sums make the unit's series
    int32_t slot;
  };
  std::vector<Unit> units;
  if (scope.own_rep == kNone)
    for (int32_t g : d.regions_at_level(1)) {
      if (!scope.sees_region(g)) continue;
      std::vector<int32_t> reps;
      for (int32_t p = 0; p < d.rep_count(); ++p)
        if (scope.rep[p] && d.in_subtree(d.rep_region[p], g)) reps.push_back(p);
      units.push_back({"region", g, std::move(reps), s.targets->region_slot(g)});
    }
  for (int32_t p = 0; p < d.rep_count(); ++p) {
    if (!scope.sees_rep(p) || !d.rep_active(p, first.first_day(), std::min(last.last_day(), as_of))) continue;
    units.push_back({"rep", p, {p}, s.targets->rep_slot(p)});
  }

  // Whether each rep unit was employed in each month of m0..last (the history's test, the
  // whole month) and in its part through as_of (the month judged): once, not per metric.
  std::vector<char> active_month, active_to_as_of;
  for (const auto& u : units) {
    if (u.kind != "rep") continue;
    for (int k = 0; k < months; ++k) {
      const Month m{m0.index + k};
      active_month.push_back(d.rep_active(u.index, m.first_day(), m.last_day()));
      active_to_as_of.push_back(d.rep_active(u.index, m.first_day(), std::min(m.last_day(), as_of)));
    }
  }

  for (size_t mk = 0; mk < kDoMetrics.size(); ++mk) {
    const DoMetric metric = kDoMetrics[mk];
    size_t rep_units = 0;  // rep units before u, for its row of the flags
    const RepMonthGrid& g = grids[mk];
    if (!g.covers(m0) || !g.covers(last)) throw std::logic_error("detect_anomalies: grid does not cover the months");
    std::vector<double> hist;
    for (const auto& u : units) {
      const char* active = nullptr;
      const char* active_part = nullptr;
      if (u.kind == "rep") {
        active = active_month.data() + rep_units * static_cast<size_t>(months);
        active_part = active_to_as_of.data() + rep_units * static_cast<size_t>(months);
        ++rep_units;
      }
      std::vector<Money> a(months, 0);
      std::vector<int64_t> c(months, 0);
      // Each rep belongs to one region unit and one rep unit, so this is O(reps × months).
      for (int32_t p : u.reps) {
        const size_t base = g.at(p, m0);
        for (int k = 0; k < months; ++k) {
          a[k] += g.amount[base + k];
          c[k] += g.count[base + k];
        }
      }
      for (Month m = first; m <= last; m.index++) {
        // A month counts for a rep only while they are employed in it, for every rule: a rep
        // who left is not "−100 % YoY" (the list and the acknowledgement see the same set).
        const int off = m.index - m0.index;
        if (active_part && !active_part[off]) continue;
        const bool complete = month_complete(m, as_of);
        // The unit's history: the 12 months before m (for a rep, those they were employed in).
        hist.clear();
        for (int k = off - 12; k < off; ++k) {
          if (active && !active[k]) continue;
          hist.push_back(static_cast<double>(a[k]));
        }
        Anomaly an;
        an.metric = metric;
        an.month = m;
        an.value = a[off];
        if (metric == DoMetric::bids_won) an.count = c[off];
        an.last_year = a[off - 12];
        if (complete) {
          Growth yoy =
              growth_over(a[off], a[off - 12], min_base(hist, 1, rules.yoy_min_base_share), rules.yoy_min_base_share);
          an.yoy = yoy.value;
          an.yoy_basis = yoy.basis;
        } else {
          an.yoy_basis = YoyBasis::partial;
        }
        if (an.yoy && points(*an.yoy) < -rules.yoy_fall_points) an.rules.push_back("yoy");
        if (complete && (u.kind == "region" || hist.size() >= rules.rep_history_months)) {
          RobustZ rz = robust_z(static_cast<double>(a[off]), hist);
          an.median = rz.median;
          an.mad = rz.mad;
          an.z = rz.z;
          if (rz.z && std::abs(*rz.z) > rules.z_limit) an.rules.push_back("z");
        }
        if (targets_apply) {
          int64_t target = s.targets->get(metric == DoMetric::bids_won ? model::TargetMetric::bids_won
                                          : metric == DoMetric::sales  ? model::TargetMetric::sales
                                                                       : model::TargetMetric::collection,
                                          u.slot, m);
          if (target != engine::kNoTarget) an.target = target;
          an.time_progress = time_progress(month_period(m), as_of);
          if (target != engine::kNoTarget && target > 0) {
            double x = metric == DoMetric::bids_won ? static_cast<double>(c[off]) : static_cast<double>(a[off]);
            an.completion = x / static_cast<double>(target);
            if (points(*an.completion - *an.time_progress) < -rules.completion_behind_points)
              an.rules.push_back("completion");
          }
        }
        if (an.rules.empty()) continue;
        an.unit = u.kind;
        an.id = u.kind == "region" ? d.region_id[u.index] : d.rep_id[u.index];
        an.name = u.kind == "region" ? d.region_name[u.index] : d.rep_name[u.index];
        // an.yoy and an.z are set for complete months only: severity judges what the rules judge.
        bool high =
            an.rules.size() >= static_cast<size_t>(rules.high_rule_count) ||
            (an.yoy && points(*an.yoy) < -rules.high_yoy_fall_points) ||
            (an.z && std::abs(*an.z) > rules.high_z_limit) ||
            (an.completion && points(*an.completion - *an.time_progress) < -rules.high_completion_behind_points);
        an.severity = high ? "high" : "medium";
        out.push_back(std::move(an));
      }
    }
  }
  // Most severe first, then the most recent month, then by unit.
  std::stable_sort(out.begin(), out.end(), [](const Anomaly& x, const Anomaly& y) {
    if (x.severity != y.severity) return x.severity == "high";
    if (x.month != y.month) return x.month > y.month;
    return false;
  });
  return out;
}

}  // namespace sl::analytics
