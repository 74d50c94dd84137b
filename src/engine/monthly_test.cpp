// sum_by_month_top_region and parallel_chunks on hand-made rows.
#include "engine/monthly.h"

#include <gtest/gtest.h>

#include <atomic>

#include "engine/parallel.h"

using namespace sl;
using namespace sl::engine;

namespace {
Date D(const char* s) { return *parse_date(s); }
}  // namespace

TEST(MonthlyGrid, SumsByMonthAndDaqu) {
  // 公司(1) → 华东(2) → 上海(4); 华南(3) → 广东(5). Rep 10 in 上海, rep 11 in 广东, rep 12 at 华南 itself.
  std::vector<model::Region> regions = {
      {1, "公司", 0, 0}, {2, "华东", 1, 1}, {3, "华南", 1, 1}, {4, "上海", 2, 2}, {5, "广东", 3, 2}};
  std::vector<model::Rep> reps = {{10, "a", 4, 0, D("2020-01-01"), std::nullopt},
                                  {11, "b", 5, 0, D("2020-01-01"), std::nullopt},
                                  {12, "c", 3, 0, D("2020-01-01"), std::nullopt}};
  Dims d = build_dims(regions, reps);
  int32_t p10 = d.find_rep(10), p11 = d.find_rep(11), p12 = d.find_rep(12);
  FactTable t = build_facts({{D("2026-01-05").days, p10, 0, kNone, 100},
                             {D("2026-01-31").days, p11, 0, kNone, 50},
                             {D("2026-01-20").days, p12, 0, kNone, 5},
                             {D("2026-02-01").days, p10, 0, kNone, 7},
                             {D("2026-03-10").days, p11, 0, kNone, 1},       // after last
                             {D("2025-12-31").days, p10, 0, kNone, 1000}});  // before first
  int32_t east = d.find_region(2), south = d.find_region(3);
  auto g = sum_by_month_top_region(d, t, scope_all(d), D("2026-01-01"), D("2026-03-09"));
  ASSERT_EQ(g.months, 3);
  EXPECT_EQ(g.at(Month::of(2026, 1), east), 100);
  EXPECT_EQ(g.at(Month::of(2026, 1), south), 55);
  EXPECT_EQ(g.at(Month::of(2026, 2), east), 7);
  EXPECT_EQ(g.at(Month::of(2026, 3), south), 0);
  auto m = sum_by_month_top_region(d, t, scope_region(d, east), D("2026-01-01"), D("2026-03-09"));
  EXPECT_EQ(m.at(Month::of(2026, 1), east), 100);
  EXPECT_EQ(m.at(Month::of(2026, 1), south), 0);
}

TEST(ParallelChunks, CoversEveryIndexOnce) {
  for (size_t workers : {1u, 2u, 3u, 7u}) {
    std::vector<std::atomic<int>> hits(1001);
    parallel_chunks(hits.size(), workers, [&](size_t, size_t b, size_t e) {
      for (size_t i = b; i < e; ++i) ++hits[i];
    });
    for (auto& h : hits) EXPECT_EQ(h.load(), 1);
  }
}
