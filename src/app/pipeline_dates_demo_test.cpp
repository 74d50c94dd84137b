// P6's multi-date pipeline kernels on the small demo (seed 3, as of 2026-06-15, as the bench's
// data): stage_probabilities_at and weighted_pipelines_at at the 13 dates P6 asks for (as_of
// and the month ends of its backtest origins) equal one single-date call per date exactly, for
// the company, every region and a spread of reps, with and without a category filter. Here
// because this module links both the demo generator and the analytics.
#include <gtest/gtest.h>

#include "analytics/plan/pipeline_dates_test_util.h"
#include "demo/demo.h"

using namespace sl;

TEST(PipelineAtDatesDemo, EqualsOneCallPerDate) {
  const Date as_of = from_ymd(2026, 6, 15);
  auto s = engine::build_snapshot(demo::generate({3, "small", as_of}), 1);
  ASSERT_GT(s->facts->opportunities.size(), 1000u);
  std::vector<Date> dates{as_of};
  for (int32_t m = Month::of(2025, 5).index; m <= Month::of(2026, 4).index; ++m) dates.push_back(Month{m}.last_day());
  const auto& d = *s->dims;
  std::vector<std::pair<std::string, engine::Scope>> scopes{{"company", engine::scope_all(d)}};
  for (int32_t r = 0; r < d.region_count(); ++r) scopes.push_back({"region " + std::to_string(r), engine::scope_region(d, r)});
  for (int32_t p = 0; p < d.rep_count(); p += std::max(1, d.rep_count() / 12))
    scopes.push_back({"rep " + std::to_string(p), engine::scope_rep(d, p)});
  analytics::RowFilter category;
  category.category = 0;
  for (const auto& [name, scope] : scopes) {
    pipeline_test::expect_same_at_dates(*s, scope, dates, {}, 20, name);
    pipeline_test::expect_same_at_dates(*s, scope, dates, category, 20, name + " category 0");
  }
}
