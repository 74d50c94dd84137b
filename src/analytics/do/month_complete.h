// The one rule of "is this month over" (shared/METRICS.md): a month is complete when as_of
// is on or after its last day. Every rule that must not judge half a month (D2's YoY and z
// rules, the severity of an anomaly, forecast accuracy, the partial mark of a trend) asks this.
#pragma once
#include "core/date.h"

namespace sl::analytics {

inline bool month_complete(Month m, Date as_of) { return m.last_day() <= as_of; }

}  // namespace sl::analytics
