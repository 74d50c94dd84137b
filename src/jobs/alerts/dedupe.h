// One alert per breach until it clears (issue 14): what a check opens and closes, given the
// rule's alerts so far and what breaches now. Pure, so the rule is tested without a store.
//  - threshold: a key (scope and period) with no open alert opens one; an open alert whose key
//    no longer breaches closes; a later breach of the same key opens a new one.
//  - anomaly: one alert per anomaly key, ever — an anomaly that was alerted once, open or
//    closed, does not alert again; an open one closes when the anomaly is no longer found.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace sl::jobs::alerts {

struct Finding {
  std::string key;
  std::optional<double> measured;
  std::string title_zh, title_en, link, figures;
};

struct Plan {
  std::vector<Finding> open;
  std::vector<Id> close;
};

Plan plan_alerts(const std::string& kind, const std::vector<store::AlertStore::Alert>& existing,
                 const std::vector<Finding>& found);

}  // namespace sl::jobs::alerts
