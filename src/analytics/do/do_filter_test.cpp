// D2's per-rep sums (sum_by_rep, rep_month_grid) read the (rep, month) cells when no filter
// applies: checked against a plain pass over the contracts written here, on the fixture as
// built and after contracts appended to it (rows past the cells: the tail), in company and
// region scope, for periods cut by as_of and months past the data.
#include "analytics/do/do_filter.h"

#include <gtest/gtest.h>

#include "analytics/do/do_fixture_test_util.h"

using namespace sl;
using namespace sl::analytics::testing;

namespace {

// Σ amount and count of the sales rows of rep p (index) dated [first, last], p in scope.
analytics::SumCount by_hand(const engine::Facts& f, const engine::Scope& scope, int32_t p, Date first, Date last) {
  analytics::SumCount s;
  const auto& t = f.sales;
  for (size_t i = 0; i < t.size(); ++i)
    if (t.rep[i] == p && scope.rep[p] && t.day[i] >= first.days && t.day[i] <= last.days) {
      s.amount += t.amount[i];
      s.count += 1;
    }
  return s;
}

void expect_sums(const engine::Snapshot& s, const engine::Scope& scope, Date as_of) {
  const engine::Facts& f = *s.facts;
  const int32_t reps = s.dims->rep_count();
  for (const auto& [a, b] : {std::pair{"2025-01-01", "2026-06-15"}, std::pair{"2026-06-01", "2026-06-15"},
                             std::pair{"2026-05-10", "2026-06-03"}, std::pair{"2027-01-01", "2027-03-31"}}) {
    const auto got = analytics::sum_by_rep(f, f.sales, scope, {}, D(a), D(b));
    for (int32_t p = 0; p < reps; ++p) {
      const auto want = by_hand(f, scope, p, D(a), D(b));
      EXPECT_EQ(got[p].amount, want.amount) << a << ".." << b << " rep " << p;
      EXPECT_EQ(got[p].count, want.count) << a << ".." << b << " rep " << p;
    }
  }
  const Month first = Month::of(2025, 1), last = Month::of(2026, 12);
  const auto g = analytics::rep_month_grid(f, f.sales, scope, {}, first, last, as_of);
  for (int32_t p = 0; p < reps; ++p)
    for (Month m = first; m <= last; m.index++) {
      const auto want = by_hand(f, scope, p, m.first_day(), std::min(m.last_day(), as_of));
      EXPECT_EQ(g.amount[g.at(p, m)], want.amount) << format_month(m) << " rep " << p;
      EXPECT_EQ(g.count[g.at(p, m)], want.count) << format_month(m) << " rep " << p;
    }
}

}  // namespace

TEST(DoFilterSums, FromTheCellsAsAPlainPassBeforeAndAfterAppends) {
  auto d = base_company();
  d.contracts = {contract(1, "2025-03-05", 10, 100), contract(2, "2025-03-31", 12, 250),
                 contract(3, "2026-05-20", 10, 70),  contract(4, "2026-06-02", 10, 30),
                 contract(5, "2026-06-09", 12, 40),  contract(6, "2026-06-14", 11, 5)};
  auto s = engine::build_snapshot(d, 1);
  ASSERT_TRUE(s->facts->rep_month_sums && s->facts->rep_month_sums->sales);
  const Date as_of = D("2026-06-15");
  const engine::Scope all = engine::scope_all(*s->dims), east = engine::scope_region(*s->dims, s->dims->find_region(2));
  expect_sums(*s, all, as_of);
  expect_sums(*s, east, as_of);
  // Appended after the cells were built: the tail (one inside a whole month of a period,
  // one on as_of, one after it).
  auto next = engine::with_contracts(*s, {contract(7, "2026-06-15", 10, 9), contract(8, "2026-06-20", 11, 3)}, 2);
  ASSERT_TRUE(next);
  expect_sums(*next, all, as_of);
  expect_sums(*next, east, as_of);
  expect_sums(*next, all, D("2026-06-30"));
}
