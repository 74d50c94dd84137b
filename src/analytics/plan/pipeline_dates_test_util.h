// The multi-date kernels (stage_probabilities_at, weighted_pipelines_at) against one
// single-date call per date, field by field and exactly (doubles with ==): for the fixture
// test and the small demo's.
#pragma once
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analytics/plan/pipeline.h"

namespace sl::pipeline_test {

inline void expect_same_month(const analytics::PipelineMonth& a, const analytics::PipelineMonth& b,
                              const std::string& at) {
  EXPECT_EQ(a.month, b.month) << at;
  EXPECT_EQ(a.count, b.count) << at;
  EXPECT_EQ(a.amount, b.amount) << at;
  EXPECT_EQ(a.weighted, b.weighted) << at;
}

// `what` names the case in failure messages.
inline void expect_same_at_dates(const engine::Snapshot& s, const engine::Scope& scope, const std::vector<Date>& dates,
                                 const analytics::RowFilter& rf, int min_closed, const std::string& what) {
  using namespace analytics;
  const auto probs = stage_probabilities_at(s, scope, dates, rf, min_closed);
  const auto pipes = weighted_pipelines_at(s, scope, dates, rf, probs);
  ASSERT_EQ(probs.size(), dates.size());
  ASSERT_EQ(pipes.size(), dates.size());
  for (size_t k = 0; k < dates.size(); ++k) {
    const std::string at = what + " on " + format_date(dates[k]);
    const auto one = stage_probabilities(s, scope, {dates[k], rf, min_closed});
    for (int st = 0; st < kFunnelStages; ++st) {
      EXPECT_EQ(probs[k][st].p, one[st].p) << at << " stage " << st;
      EXPECT_EQ(probs[k][st].basis, one[st].basis) << at << " stage " << st;
      EXPECT_EQ(probs[k][st].closed, one[st].closed) << at << " stage " << st;
      EXPECT_EQ(probs[k][st].won, one[st].won) << at << " stage " << st;
    }
    const Pipeline p = weighted_pipeline(s, scope, {dates[k], rf}, one);
    EXPECT_EQ(pipes[k].count, p.count) << at;
    EXPECT_EQ(pipes[k].amount, p.amount) << at;
    EXPECT_EQ(pipes[k].weighted, p.weighted) << at;
    for (int st = 0; st < kFunnelStages; ++st) expect_same_month(pipes[k].stages[st], p.stages[st], at + " stage");
    ASSERT_EQ(pipes[k].months.size(), p.months.size()) << at;
    for (size_t m = 0; m < p.months.size(); ++m) expect_same_month(pipes[k].months[m], p.months[m], at + " month");
  }
}

}  // namespace sl::pipeline_test
