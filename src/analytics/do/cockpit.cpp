#include "analytics/do/cockpit.h"

#include "analytics/do/leaderboard.h"
#include "core/error.h"

namespace sl::analytics {

using engine::kNone;

Date week_monday(Date d) {
  // 1970-01-01 was a Thursday: (days + 3) mod 7 is 0 on Mondays.
  int dow = ((d.days + 3) % 7 + 7) % 7;
  return Date{d.days - dow};
}

namespace {

std::optional<int> own_rank(const engine::Snapshot& s, int32_t rep, const Period& p, Date as_of, BoardMetric m,
                            const PeriodSums& now, const PeriodSums& before, int* peers) {
  BoardResult b = leaderboard(s, engine::scope_rep(*s.dims, rep), BoardParams{p, as_of, m}, now, before);
  *peers = b.peers;
  for (const auto& row : b.reps)
    if (row.own) return row.rank;
  return std::nullopt;
}

CockpitCard card(const engine::Snapshot& s, int32_t rep, const Period& p, Date as_of, int lock_day) {
  CockpitCard c;
  c.period = p;
  const Period prev = p.previous();
  const PeriodSums now = period_sums(s, p, as_of, lock_day), before = period_sums(s, prev, prev.last, lock_day);
  c.figures = rep_figures(s, now, {rep}, s.targets->rep_slot(rep));
  c.sales = progress_row(c.figures.sales_target, c.figures.sales, p, as_of);
  c.collection = progress_row(c.figures.collection_target, c.figures.collections, p, as_of);
  c.sales_rank = own_rank(s, rep, p, as_of, BoardMetric::sales, now, before, &c.peers);
  c.kpi_rank = own_rank(s, rep, p, as_of, BoardMetric::kpi_score, now, before, &c.peers);
  return c;
}

}  // namespace

CockpitResult rep_cockpit(const engine::Snapshot& s, const engine::Scope& scope, Id rep_id, Date as_of, int lock_day) {
  const engine::Dims& d = *s.dims;
  const engine::Facts& f = *s.facts;
  int32_t rep = d.find_rep(rep_id);
  if (rep == kNone) throw not_found();
  if (!scope.sees_rep(rep)) throw forbidden();

  CockpitResult r;
  r.rep = rep_id;
  r.name = d.rep_name[rep];
  int32_t top = d.region_top[d.rep_region[rep]];
  if (top != kNone) {
    r.region = d.region_id[top];
    r.region_name = d.region_name[top];
  }
  Month m = Month::of(as_of);
  r.cards = {card(s, rep, month_period(m), as_of, lock_day),
             card(s, rep, quarter_period(m.year(), (m.month() - 1) / 3 + 1), as_of, lock_day),
             card(s, rep, year_period(m.year()), as_of, lock_day)};

  // Pipeline open on as_of, by the stage it was in then.
  for (int st = 0; st <= static_cast<int>(model::Stage::negotiation); ++st)
    r.pipeline.push_back({static_cast<model::Stage>(st), 0, 0});
  const auto& o = f.opportunities;
  Date monday = week_monday(as_of), sunday{monday.days + 6};
  for (size_t i = 0; i < o.size(); ++i) {
    if (o.rep[i] != rep) continue;
    if (o.created[i] >= m.first_day().days && o.created[i] <= as_of.days) {
      ++r.created_this_month;
      r.created_this_month_amount += o.amount[i];
    }
    if (!o.open_at(i, as_of)) continue;
    int32_t st = o.stage_at(i, as_of);
    if (st >= 0 && st <= static_cast<int>(model::Stage::negotiation)) {
      r.pipeline[st].count++;
      r.pipeline[st].amount += o.amount[i];
    }
    if (o.expected_close[i] >= monday.days && o.expected_close[i] <= sunday.days) r.closing_this_week.push_back(i);
  }

  for (int k = 1; k <= 12; ++k) {
    Month x = Month::of(m.year(), k);
    CockpitMonth cm{x, std::nullopt, std::nullopt};
    if (x <= m) {
      Money a = 0;
      auto rr = f.sales.range(x.first_day(), std::min(x.last_day(), as_of));
      for (size_t i = rr.begin; i < rr.end; ++i)
        if (f.sales.rep[i] == rep) a += f.sales.amount[i];
      cm.actual = a;
    }
    int64_t t = s.targets->get(model::TargetMetric::sales, s.targets->rep_slot(rep), x);
    if (t != engine::kNoTarget) cm.target = t;
    r.monthly.push_back(cm);
  }

  r.week_first = monday;
  r.week_last = as_of;
  auto ar = f.activities.range(monday, as_of);
  for (size_t i = ar.begin; i < ar.end; ++i)
    if (f.activities.rep[i] == rep && f.activities.category[i] >= 0 && f.activities.category[i] < 4)
      r.activities[f.activities.category[i]]++;

  r.overdue = overdue_contracts(f.contracts, rep, as_of);
  for (const auto& x : r.overdue) r.overdue_total += x.overdue;
  for (size_t c = 0; c < f.customers.size_count(); ++c)
    if (f.customers.owner[c] == rep) ++r.owned_customers;
  r.at_risk = at_risk_customers(f, rep, as_of);
  return r;
}

}  // namespace sl::analytics
