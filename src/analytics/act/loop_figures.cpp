#include "analytics/act/loop_figures.h"

#include <algorithm>
#include <map>

#include "analytics/act/overdue.h"

namespace sl::analytics {

namespace {

// Running sums of one group; finish() turns them into rates.
struct Acc {
  LoopFigures f;
  int64_t close_days = 0;
  int close_n = 0;

  // r: as it stood on as_of (its status that day).
  void add(const model::Resolution& r, Date meeting_date, Date as_of) {
    ++f.resolutions;
    bool done = r.status == model::ResolutionStatus::done;
    if (!done && !(r.due_date < as_of)) return;
    ++f.closable;
    if (!done) return;
    ++f.done;
    if (r.closed_date) {
      if (*r.closed_date <= r.due_date) ++f.done_on_time;
      close_days += r.closed_date->days - meeting_date.days;
      ++close_n;
    }
  }
  LoopFigures finish() const {
    LoopFigures out = f;
    if (f.closable > 0) out.closure_rate = static_cast<double>(f.done) / f.closable;
    if (f.done > 0) out.on_time_rate = static_cast<double>(f.done_on_time) / f.done;
    if (close_n > 0) out.mean_days_to_close = static_cast<double>(close_days) / close_n;
    return out;
  }
};

std::vector<OverdueCount> ordered(const std::map<Id, OverdueCount>& m) {
  std::vector<OverdueCount> v;
  for (auto& [id, c] : m) v.push_back(c);
  std::stable_sort(v.begin(), v.end(), [](const OverdueCount& a, const OverdueCount& b) {
    return a.resolutions + a.actions > b.resolutions + b.actions;
  });
  return v;
}

}  // namespace

model::ResolutionStatus status_on(const model::Resolution& r, Date on) {
  if (model::resolution_closed(r.status) && r.closed_date && on < *r.closed_date) return model::ResolutionStatus::open;
  return r.status;
}

model::ActionStatus status_on(const model::ActionItem& a, Date on) {
  if (model::action_closed(a.status) && a.done_date && on < *a.done_date) return model::ActionStatus::todo;
  return a.status;
}

ActFigures act_figures(const engine::Dims& dims, const engine::Scope& scope,
                       const std::vector<model::MeetingSeries>& series, const std::vector<model::Meeting>& meetings,
                       const std::vector<model::Resolution>& resolutions, const std::vector<model::ActionItem>& actions,
                       const FiguresParams& p) {
  std::map<Id, const model::MeetingSeries*> series_by_id;
  for (const auto& s : series) series_by_id[s.id] = &s;
  std::map<Id, const model::Meeting*> meeting_by_id;
  for (const auto& m : meetings)
    if ((p.series == 0 || m.series == p.series) && m.date <= p.as_of && series_by_id.count(m.series))
      meeting_by_id[m.id] = &m;

  auto region_of = [&](const model::Meeting& m) -> Id {
    Id r = series_by_id[m.series]->region;
    return r != 0 ? r : (dims.company != engine::kNone ? dims.region_id[dims.company] : 0);
  };
  // The company root stands for company-level meetings, which the caller may see (they
  // attend them) even when their Scope is a region subtree. A rep's Scope holds no region at
  // all: the meetings given are the ones they attend or own items in, so each of their
  // regions is a row (issue 9 item 11: the rows add up to the cards).
  auto region_visible = [&](Id r) {
    int32_t i = dims.find_region(r);
    return scope.sees_region(i) || (i != engine::kNone && i == dims.company) || scope.own_rep != engine::kNone;
  };

  Acc overall;
  std::map<Id, Acc> per_series;
  Month last = Month::of(p.as_of);
  Month first{last.index - std::max(1, p.months) + 1};
  std::map<int32_t, Acc> per_month;
  std::map<Id, OverdueCount> by_owner, by_region;
  std::map<Id, const model::Resolution*> counted;
  // One overdue item (a resolution or an action item) of an owner, counted overall, in its
  // meeting's series, by owner and by the series' region.
  auto tally_overdue = [&](Id owner, const model::Meeting& m, int LoopFigures::*figure, int OverdueCount::*count) {
    ++(overall.f.*figure);
    ++(per_series[m.series].f.*figure);
    auto& o = by_owner[owner];
    o.id = owner;
    ++(o.*count);
    Id reg = region_of(m);
    if (region_visible(reg)) {
      auto& g = by_region[reg];
      g.id = reg;
      ++(g.*count);
    }
  };

  std::vector<model::Resolution> then;  // the counted resolutions as they stood on as_of
  then.reserve(resolutions.size());
  for (const auto& now : resolutions) {
    model::Resolution r = now;
    r.status = status_on(now, p.as_of);
    if (!model::resolution_closed(r.status)) r.closed_date.reset();
    then.push_back(std::move(r));
  }
  for (const auto& r : then) {
    auto it = meeting_by_id.find(r.meeting);
    if (it == meeting_by_id.end() || r.status == model::ResolutionStatus::cancelled) continue;
    const model::Meeting& m = *it->second;
    counted[r.id] = &r;
    overall.add(r, m.date, p.as_of);
    per_series[m.series].add(r, m.date, p.as_of);
    Month due = Month::of(r.due_date);
    if (first <= due && due <= last) per_month[due.index].add(r, m.date, p.as_of);
    if (resolution_overdue(r, p.as_of, p.goal_met.count(r.id) > 0))
      tally_overdue(r.owner, m, &LoopFigures::overdue_resolutions, &OverdueCount::resolutions);
  }
  for (const auto& a : actions) {
    auto it = counted.find(a.resolution);
    if (it == counted.end() || !overdue(a.due_date, p.as_of, action_open(status_on(a, p.as_of)))) continue;
    tally_overdue(a.owner, *meeting_by_id[it->second->meeting], &LoopFigures::overdue_actions, &OverdueCount::actions);
  }

  ActFigures out;
  out.overall = overall.finish();
  for (const auto& s : series)
    if (auto it = per_series.find(s.id); it != per_series.end())
      out.by_series.push_back({s.id, s.name, it->second.finish()});
  out.by_owner = ordered(by_owner);
  out.by_region = ordered(by_region);
  for (Month m = first; m <= last; m = Month{m.index + 1}) {
    auto it = per_month.find(m.index);
    LoopFigures f = it == per_month.end() ? LoopFigures{} : it->second.finish();
    f.overdue_resolutions = f.overdue_actions = 0;
    out.trend.push_back({m, f});
  }
  return out;
}

}  // namespace sl::analytics
