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

CockpitCard card(const engine::Snapshot& s, int32_t rep, const Period& p, Date as_of, int lock_day) {
  CockpitCard c;
  c.period = p;
  const PeriodSums now = period_sums(s, p, as_of, lock_day);
  c.figures = rep_figures(s, now, {rep}, s.targets->rep_slot(rep));
  c.sales = progress_row(c.figures.sales_target, c.figures.sales, p, as_of);
  c.collection = progress_row(c.figures.collection_target, c.figures.collections, p, as_of);
  // The position on the rep's leaderboard (D4's ranks of the period; its previous period is
  // not shown here, so not summed).
  const auto ranks = own_ranks(s, rep, now, {BoardMetric::sales, BoardMetric::kpi_score}, &c.peers);
  c.sales_rank = ranks[0];
  c.kpi_rank = ranks[1];
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
  const engine::RowIndex* x = f.row_index.get();  // the rep's own rows (engine/row_index.h)
  Date monday = week_monday(as_of), sunday{monday.days + 6};
  engine::key_rows(x ? &x->opportunities_by_rep : nullptr, o.rep, rep).for_each(o.rep, rep, [&](size_t i) {
    if (o.created[i] >= m.first_day().days && o.created[i] <= as_of.days) {
      ++r.created_this_month;
      r.created_this_month_amount += o.amount[i];
    }
    if (!o.open_at(i, as_of)) return;
    int32_t st = o.stage_at(i, as_of);
    if (st >= 0 && st <= static_cast<int>(model::Stage::negotiation)) {
      r.pipeline[st].count++;
      r.pipeline[st].amount += o.amount[i];
    }
    if (o.expected_close[i] >= monday.days && o.expected_close[i] <= sunday.days) r.closing_this_week.push_back(i);
  });

  // Sales by month of as_of's year, from the rep's contracts (the sales facts' rows, by id).
  const auto& k = f.contracts;
  std::array<Money, 12> by_month{};
  const int32_t jan1 = Month::of(m.year(), 1).first_day().days;
  engine::key_rows(x ? &x->contracts_by_rep : nullptr, k.rep, rep).for_each(k.rep, rep, [&](size_t c) {
    const int32_t day = k.signed_day[c];
    if (day >= jan1 && day <= as_of.days)
      by_month[static_cast<size_t>(Month::of(Date{day}).month() - 1)] += k.amount[c];
  });
  for (int i = 1; i <= 12; ++i) {
    const Month month = Month::of(m.year(), i);
    CockpitMonth cm{month, std::nullopt, std::nullopt};
    if (month <= m) cm.actual = by_month[static_cast<size_t>(i - 1)];
    int64_t t = s.targets->get(model::TargetMetric::sales, s.targets->rep_slot(rep), month);
    if (t != engine::kNoTarget) cm.target = t;
    r.monthly.push_back(cm);
  }

  r.week_first = monday;
  r.week_last = as_of;
  auto ar = f.activities.range(monday, as_of);
  for (size_t i = ar.begin; i < ar.end; ++i)
    if (f.activities.rep[i] == rep && f.activities.category[i] >= 0 && f.activities.category[i] < 4)
      r.activities[f.activities.category[i]]++;

  r.overdue = overdue_contracts(f, rep, as_of);
  for (const auto& od : r.overdue) r.overdue_total += od.overdue;
  engine::key_rows(x ? &x->customers_by_owner : nullptr, f.customers.owner, rep)
      .for_each(f.customers.owner, rep, [&](size_t) { ++r.owned_customers; });
  r.at_risk = at_risk_customers(f, rep, as_of);
  return r;
}

}  // namespace sl::analytics
