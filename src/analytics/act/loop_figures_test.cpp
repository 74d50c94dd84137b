// A1 figures on a hand-made fixture, as_of 2026-06-15. Expected values are worked out by
// hand below each fixture line, not taken from the code's output.
#include "analytics/act/loop_figures.h"

#include <gtest/gtest.h>

using namespace sl;
using namespace sl::analytics;

namespace {

Date D(const char* s) { return *parse_date(s); }

struct Fixture {
  std::vector<model::Region> regions = {{1, "公司", 0, 0}, {2, "华东", 1, 1}, {3, "华南", 1, 1}};
  engine::Dims dims = engine::build_dims(regions, {});
  std::vector<model::MeetingSeries> series = {{1, "公司月度会", "monthly", "company", 0},
                                              {2, "华东周会", "weekly", "region", 2}};
  std::vector<model::Meeting> meetings;
  std::vector<model::Resolution> res;
  std::vector<model::ActionItem> acts;

  Fixture() {
    using MS = model::MeetingStatus;
    using RS = model::ResolutionStatus;
    using AS = model::ActionStatus;
    auto m = [&](Id id, Id s, const char* d, MS st) {
      model::Meeting x;
      x.id = id;
      x.series = s;
      x.date = D(d);
      x.status = st;
      meetings.push_back(x);
    };
    m(1, 1, "2026-04-05", MS::closed);
    m(2, 1, "2026-05-05", MS::closed);
    m(3, 2, "2026-06-01", MS::open);
    m(4, 1, "2026-06-20", MS::planned);  // after as_of: not counted
    auto r = [&](Id id, Id mt, const char* due, RS st, std::optional<const char*> closed, Id owner) {
      model::Resolution x;
      x.id = id;
      x.meeting = mt;
      x.due_date = D(due);
      x.status = st;
      if (closed) x.closed_date = D(*closed);
      x.owner = owner;
      res.push_back(x);
    };
    r(1, 1, "2026-04-30", RS::done, "2026-04-25", 100);       // on time, 20 days after 04-05
    r(2, 1, "2026-05-10", RS::done, "2026-05-20", 100);       // late, 45 days
    r(3, 1, "2026-05-31", RS::cancelled, "2026-05-02", 100);  // left out
    r(4, 2, "2026-06-10", RS::open, std::nullopt, 101);       // overdue
    r(5, 2, "2026-06-15", RS::doing, std::nullopt, 101);      // due today: neither overdue nor closable
    r(6, 3, "2026-06-14", RS::doing, std::nullopt, 102);      // overdue
    r(7, 3, "2026-07-01", RS::done, "2026-06-05", 102);       // done early: closable, on time, 4 days
    r(8, 4, "2026-07-30", RS::open, std::nullopt, 102);       // meeting after as_of
    auto a = [&](Id id, Id rr, const char* due, AS st, Id owner) {
      model::ActionItem x;
      x.id = id;
      x.resolution = rr;
      x.due_date = D(due);
      x.status = st;
      x.owner = owner;
      acts.push_back(x);
    };
    a(1, 4, "2026-06-12", AS::todo, 103);  // overdue
    a(2, 4, "2026-06-14", AS::done, 103);
    a(3, 6, "2026-06-14", AS::blocked, 101);  // overdue
    a(4, 3, "2026-05-01", AS::todo, 103);     // under a cancelled resolution
    a(5, 5, "2026-06-15", AS::doing, 101);    // due today
  }
  ActFigures run(const engine::Scope& s, Id only_series = 0, int months = 3) {
    FiguresParams p;
    p.as_of = D("2026-06-15");
    p.series = only_series;
    p.months = months;
    return act_figures(dims, s, series, meetings, res, acts, p);
  }
};

}  // namespace

TEST(ActFigures, Overall) {
  Fixture f;
  auto r = f.run(engine::scope_all(f.dims));
  // counted r1 r2 r4 r5 r6 r7; closable r1 r2 r4 r6 r7; done r1 r2 r7
  EXPECT_EQ(r.overall.resolutions, 6);
  EXPECT_EQ(r.overall.closable, 5);
  EXPECT_EQ(r.overall.done, 3);
  EXPECT_DOUBLE_EQ(*r.overall.closure_rate, 3.0 / 5);
  EXPECT_DOUBLE_EQ(*r.overall.on_time_rate, 2.0 / 3);         // r1, r7
  EXPECT_DOUBLE_EQ(*r.overall.mean_days_to_close, 69.0 / 3);  // (20 + 45 + 4) / 3
  EXPECT_EQ(r.overall.overdue_resolutions, 2);                // r4, r6
  EXPECT_EQ(r.overall.overdue_actions, 2);                    // a1, a3
}

TEST(ActFigures, BySeriesOwnerRegion) {
  Fixture f;
  auto r = f.run(engine::scope_all(f.dims));
  ASSERT_EQ(r.by_series.size(), 2u);
  // series 1: r1 r2 r4 r5 → closable r1 r2 r4, done r1 r2
  EXPECT_EQ(r.by_series[0].id, 1);
  EXPECT_DOUBLE_EQ(*r.by_series[0].figures.closure_rate, 2.0 / 3);
  EXPECT_DOUBLE_EQ(*r.by_series[0].figures.on_time_rate, 0.5);
  EXPECT_DOUBLE_EQ(*r.by_series[0].figures.mean_days_to_close, 32.5);
  EXPECT_EQ(r.by_series[0].figures.overdue_actions, 1);  // a1
  // series 2: r6 r7 → closable both, done r7
  EXPECT_DOUBLE_EQ(*r.by_series[1].figures.closure_rate, 0.5);
  EXPECT_DOUBLE_EQ(*r.by_series[1].figures.on_time_rate, 1.0);
  EXPECT_DOUBLE_EQ(*r.by_series[1].figures.mean_days_to_close, 4.0);

  // owners: 101 r4 + a3 = 2; 102 r6 = 1; 103 a1 = 1
  ASSERT_EQ(r.by_owner.size(), 3u);
  EXPECT_EQ(r.by_owner[0].id, 101);
  EXPECT_EQ(r.by_owner[0].resolutions, 1);
  EXPECT_EQ(r.by_owner[0].actions, 1);
  EXPECT_EQ(r.by_owner[1].id, 102);
  EXPECT_EQ(r.by_owner[2].id, 103);
  EXPECT_EQ(r.by_owner[2].actions, 1);

  // regions: company (series 1: r4, a1) and 华东 (series 2: r6, a3)
  ASSERT_EQ(r.by_region.size(), 2u);
  EXPECT_EQ(r.by_region[0].id, 1);
  EXPECT_EQ(r.by_region[0].resolutions, 1);
  EXPECT_EQ(r.by_region[0].actions, 1);
  EXPECT_EQ(r.by_region[1].id, 2);

  // A 华南 manager's scope drops the 华东 row; the company row (company meetings they
  // were let see) stays.
  auto m = f.run(engine::scope_region(f.dims, f.dims.find_region(3)));
  ASSERT_EQ(m.by_region.size(), 1u);
  EXPECT_EQ(m.by_region[0].id, 1);

  // A rep's Scope has no region: the rows are the regions of the meetings given (those they
  // may see), so they add up to the overall counts.
  engine::Scope rep_scope = engine::scope_none(f.dims);
  rep_scope.own_rep = 0;  // (the fixture has no reps; scope_rep would index one)
  auto rep = f.run(rep_scope);
  ASSERT_EQ(rep.by_region.size(), 2u);
  EXPECT_EQ(rep.by_region[0].resolutions + rep.by_region[1].resolutions, rep.overall.overdue_resolutions);
  EXPECT_EQ(rep.by_region[0].actions + rep.by_region[1].actions, rep.overall.overdue_actions);

  // One series only.
  auto s2 = f.run(engine::scope_all(f.dims), 2);
  EXPECT_EQ(s2.overall.resolutions, 2);
  EXPECT_DOUBLE_EQ(*s2.overall.closure_rate, 0.5);
}

TEST(ActFigures, TrendByDueMonth) {
  Fixture f;
  auto r = f.run(engine::scope_all(f.dims), 0, 3);
  ASSERT_EQ(r.trend.size(), 3u);
  EXPECT_EQ(format_month(r.trend[0].month), "2026-04");
  // April: r1 done on time
  EXPECT_EQ(r.trend[0].figures.closable, 1);
  EXPECT_DOUBLE_EQ(*r.trend[0].figures.closure_rate, 1.0);
  EXPECT_DOUBLE_EQ(*r.trend[0].figures.on_time_rate, 1.0);
  // May: r2 done late
  EXPECT_DOUBLE_EQ(*r.trend[1].figures.closure_rate, 1.0);
  EXPECT_DOUBLE_EQ(*r.trend[1].figures.on_time_rate, 0.0);
  // June: r4 r5 r6 due; r4 r6 closable, none done; r7 (July) outside
  EXPECT_EQ(r.trend[2].figures.resolutions, 3);
  EXPECT_EQ(r.trend[2].figures.closable, 2);
  EXPECT_DOUBLE_EQ(*r.trend[2].figures.closure_rate, 0.0);
  EXPECT_FALSE(r.trend[2].figures.on_time_rate.has_value());
}

TEST(ActFigures, StatusOnADate) {
  model::Resolution r;
  r.status = model::ResolutionStatus::done;
  r.closed_date = D("2026-05-20");
  EXPECT_EQ(status_on(r, D("2026-05-19")), model::ResolutionStatus::open);  // closed the next day
  EXPECT_EQ(status_on(r, D("2026-05-20")), model::ResolutionStatus::done);
  r.status = model::ResolutionStatus::doing;
  r.closed_date.reset();
  EXPECT_EQ(status_on(r, D("2026-01-01")), model::ResolutionStatus::doing);  // open today: open then
  model::ActionItem a;
  a.status = model::ActionStatus::done;
  a.done_date = D("2026-06-14");
  EXPECT_EQ(status_on(a, D("2026-06-13")), model::ActionStatus::todo);
  EXPECT_EQ(status_on(a, D("2026-06-14")), model::ActionStatus::done);
  a.done_date.reset();  // no date recorded: the present status stands
  EXPECT_EQ(status_on(a, D("2026-06-13")), model::ActionStatus::done);
}

TEST(ActFigures, APastAsOfUsesTheStatusOfThatDay) {
  Fixture f;
  FiguresParams p;
  p.as_of = D("2026-05-15");
  p.months = 3;
  auto r = act_figures(f.dims, engine::scope_all(f.dims), f.series, f.meetings, f.res, f.acts, p).overall;
  // Meetings 1 (04-05: r1 r2 r3) and 2 (05-05: r4 r5) are held by 05-15.
  // r1 done on 04-25: done then. r2 done on 05-20: open on 05-15, due 05-10 passed → closable
  // and overdue. r3 cancelled on 05-02: cancelled then → left out. r4, r5: open, not yet due.
  EXPECT_EQ(r.resolutions, 4);
  EXPECT_EQ(r.closable, 2);
  EXPECT_EQ(r.done, 1);
  EXPECT_DOUBLE_EQ(*r.closure_rate, 0.5);  // today's statuses would give 2 / 2
  EXPECT_DOUBLE_EQ(*r.on_time_rate, 1.0);  // r1: 04-25 ≤ 04-30
  EXPECT_DOUBLE_EQ(*r.mean_days_to_close, 20.0);
  EXPECT_EQ(r.overdue_resolutions, 1);  // r2
  EXPECT_EQ(r.overdue_actions, 0);      // a1, a5 not yet due; a4 hangs under r3, cancelled by then
  // On 05-01, before r3 was cancelled: r1 done, r2 and r3 open and not yet due.
  p.as_of = D("2026-05-01");
  auto e = act_figures(f.dims, engine::scope_all(f.dims), f.series, f.meetings, f.res, f.acts, p).overall;
  EXPECT_EQ(e.resolutions, 3);
  EXPECT_EQ(e.closable, 1);
  EXPECT_EQ(e.done, 1);
  EXPECT_EQ(e.overdue_resolutions, 0);
  // a4 (under r3, due 05-01, todo) is due today: not yet overdue.
  EXPECT_EQ(e.overdue_actions, 0);
}

// Issue 9 item 12: r4 (open, due 06-10) has its metric goal met: it leaves the overdue
// figures (overall, owner 101, 华东's company row) and nothing else changes.
TEST(ActFigures, GoalMetResolutionIsNotOverdue) {
  Fixture f;
  FiguresParams p;
  p.as_of = D("2026-06-15");
  p.months = 3;
  p.goal_met = {4};
  auto r = act_figures(f.dims, engine::scope_all(f.dims), f.series, f.meetings, f.res, f.acts, p);
  EXPECT_EQ(r.overall.overdue_resolutions, 1);  // r6 only
  EXPECT_EQ(r.overall.overdue_actions, 2);      // a1 (under r4) and a3: action items keep their own due dates
  EXPECT_EQ(r.overall.closable, 5);             // still closable and not done
  EXPECT_DOUBLE_EQ(*r.overall.closure_rate, 3.0 / 5);
  for (const auto& o : r.by_owner) {
    if (o.id == 101) EXPECT_EQ(o.resolutions, 0);
  }
  // At as_of 06-10 (r4 due that day) nothing was overdue for r4 either way.
  p.as_of = D("2026-06-10");
  auto before = act_figures(f.dims, engine::scope_all(f.dims), f.series, f.meetings, f.res, f.acts, p);
  p.goal_met.clear();
  auto without = act_figures(f.dims, engine::scope_all(f.dims), f.series, f.meetings, f.res, f.acts, p);
  EXPECT_EQ(before.overall.overdue_resolutions, without.overall.overdue_resolutions);
}
