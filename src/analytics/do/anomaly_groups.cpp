#include "analytics/do/anomaly_groups.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <utility>

namespace sl::analytics {

namespace {
bool fired(const Anomaly& a, const char* rule) {
  return std::find(a.rules.begin(), a.rules.end(), rule) != a.rules.end();
}
Money rounded(double fen) { return static_cast<Money>(std::llround(fen)); }
}  // namespace

std::optional<int64_t> pace_target(const Anomaly& a) {
  if (!a.target || !a.time_progress) return std::nullopt;
  return rounded(static_cast<double>(*a.target) * *a.time_progress);
}

Money amount_at_stake(const Anomaly& a) {
  Money stake = 0;
  if (fired(a, "yoy") && a.last_year) stake = std::max(stake, std::abs(*a.last_year - a.value));
  if (fired(a, "z") && a.median) stake = std::max(stake, std::abs(a.value - rounded(*a.median)));
  if (fired(a, "completion")) {
    if (auto pace = pace_target(a)) {
      if (a.metric != DoMetric::bids_won)
        stake = std::max(stake, std::abs(*pace - a.value));
      else if (a.count && *a.count > 0)  // missing bids at the month's mean won bid
        stake = std::max(stake, rounded(static_cast<double>(std::abs(*pace - *a.count)) * static_cast<double>(a.value) /
                                        static_cast<double>(*a.count)));
    }
  }
  return stake;
}

std::vector<AnomalyGroup> group_anomalies(const std::vector<Anomaly>& flat) {
  std::vector<Money> stake(flat.size());
  std::map<std::pair<std::string, Id>, size_t> at;  // (unit, id) → index into groups
  std::vector<AnomalyGroup> groups;
  for (size_t i = 0; i < flat.size(); ++i) {
    const Anomaly& a = flat[i];
    stake[i] = amount_at_stake(a);
    auto [it, fresh] = at.try_emplace({a.unit, a.id}, groups.size());
    if (fresh) {
      groups.emplace_back();
      groups.back().unit = a.unit;
      groups.back().id = a.id;
      groups.back().name = a.name;
      groups.back().severity = "medium";
    }
    AnomalyGroup& g = groups[it->second];
    g.anomalies.push_back(i);
    g.at_stake += stake[i];
    if (a.severity == "high") {
      g.high++;
      g.severity = "high";
    } else {
      g.medium++;
    }
    for (const auto& r : a.rules)
      if (std::find(g.rules.begin(), g.rules.end(), r) == g.rules.end()) g.rules.push_back(r);
    if (std::find(g.metrics.begin(), g.metrics.end(), a.metric) == g.metrics.end()) g.metrics.push_back(a.metric);
    if (std::find(g.months.begin(), g.months.end(), a.month) == g.months.end()) g.months.push_back(a.month);
  }
  static const std::vector<std::string> kRuleOrder = {"yoy", "z", "completion"};
  auto rank = [](const std::vector<std::string>& order, const std::string& x) {
    return std::find(order.begin(), order.end(), x) - order.begin();
  };
  for (auto& g : groups) {
    std::sort(g.rules.begin(), g.rules.end(),
              [&](const std::string& x, const std::string& y) { return rank(kRuleOrder, x) < rank(kRuleOrder, y); });
    std::sort(g.metrics.begin(), g.metrics.end());
    std::sort(g.months.begin(), g.months.end());
    std::stable_sort(g.anomalies.begin(), g.anomalies.end(), [&](size_t x, size_t y) {
      if (flat[x].severity != flat[y].severity) return flat[x].severity == "high";
      return stake[x] > stake[y];
    });
  }
  std::sort(groups.begin(), groups.end(), [](const AnomalyGroup& x, const AnomalyGroup& y) {
    if (x.severity != y.severity) return x.severity == "high";
    if (x.at_stake != y.at_stake) return x.at_stake > y.at_stake;
    if (x.anomalies.size() != y.anomalies.size()) return x.anomalies.size() > y.anomalies.size();
    if (x.unit != y.unit) return x.unit == "region";
    return x.id < y.id;
  });
  return groups;
}

}  // namespace sl::analytics
