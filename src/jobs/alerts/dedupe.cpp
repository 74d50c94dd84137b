#include "jobs/alerts/dedupe.h"

#include <set>

namespace sl::jobs::alerts {

Plan plan_alerts(const std::string& kind, const std::vector<store::AlertStore::Alert>& existing,
                 const std::vector<Finding>& found) {
  const bool once_ever = kind == "anomaly";
  std::set<std::string> open, seen, now;
  for (const auto& a : existing) {
    seen.insert(a.key);
    if (a.state == "open") open.insert(a.key);
  }
  Plan plan;
  for (const auto& f : found) {
    if (!now.insert(f.key).second) continue;  // the same key twice in one check: once
    if (open.count(f.key) || (once_ever && seen.count(f.key))) continue;
    plan.open.push_back(f);
  }
  for (const auto& a : existing)
    if (a.state == "open" && !now.count(a.key)) plan.close.push_back(a.id);
  return plan;
}

}  // namespace sl::jobs::alerts
