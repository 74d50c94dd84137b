// Targets, forecasts and the finance ledger, derived from the generated actuals the way a
// planning team would: targets a little above each owner's recent de-seasonalised run-rate,
// forecasts coloured by each rep's personal bias.
#include <cmath>
#include <map>

#include "demo/gen.h"

namespace sl::demo::detail {

namespace {

using model::OwnerKind;
using model::TargetMetric;

constexpr int kMetrics = 4;  // sales, collection, bids_won, new_customers

struct Actuals {
  Month m0;
  int months = 0;  // M0 .. as_of's month inclusive
  // [rep id][metric][month offset]
  std::vector<std::array<std::vector<double>, kMetrics>> rep;
  std::vector<double> company_sales, company_cost;

  void add(Id rep_id, int metric, Month m, double v) {
    int k = m.index - m0.index;
    if (k < 0 || k >= months) return;
    rep[static_cast<size_t>(rep_id)][static_cast<size_t>(metric)][static_cast<size_t>(k)] += v;
  }
};

Actuals collect(const Ctx& c) {
  Actuals a;
  a.m0 = Month::of(c.start);
  a.months = Month::of(c.as_of).index - a.m0.index + 1;
  a.rep.resize(c.d.reps.size() + 1);
  for (auto& r : a.rep)
    for (auto& v : r) v.assign(static_cast<size_t>(a.months), 0.0);
  a.company_sales.assign(static_cast<size_t>(a.months), 0.0);
  a.company_cost.assign(static_cast<size_t>(a.months), 0.0);
  std::vector<Id> contract_rep(c.d.contracts.size() + 1);
  std::map<Id, std::pair<Date, Id>> first_contract;  // customer → (date, rep)
  for (const auto& k : c.d.contracts) {
    contract_rep[static_cast<size_t>(k.id)] = k.rep;
    a.add(k.rep, 0, Month::of(k.signed_date), static_cast<double>(k.amount));
    int off = Month::of(k.signed_date).index - a.m0.index;
    a.company_sales[static_cast<size_t>(off)] += static_cast<double>(k.amount);
    for (const auto& l : k.lines) a.company_cost[static_cast<size_t>(off)] += static_cast<double>(l.cost);
    auto it = first_contract.find(k.customer);
    if (it == first_contract.end() || k.signed_date < it->second.first)
      first_contract[k.customer] = {k.signed_date, k.rep};
  }
  for (const auto& p : c.d.payments)
    a.add(contract_rep[static_cast<size_t>(p.contract)], 1, Month::of(p.date), static_cast<double>(p.amount));
  std::vector<Id> opp_rep(c.d.opportunities.size() + 1);
  for (const auto& o : c.d.opportunities) opp_rep[static_cast<size_t>(o.id)] = o.rep;
  for (const auto& b : c.d.bids)
    if (b.result == model::BidResult::won)
      a.add(opp_rep[static_cast<size_t>(b.opportunity)], 2, Month::of(*b.result_date), 1);
  for (const auto& [cust, fc] : first_contract) a.add(fc.second, 3, Month::of(fc.first), 1);
  return a;
}

bool employed(const model::Rep& r, Month m) {
  return r.hire_date <= m.last_day() && (!r.leave_date || *r.leave_date >= m.first_day());
}

struct Planner {
  Ctx& c;
  Rng& r;
  Actuals a;
  std::array<double, 12> prof{};  // seasonal profile of company sales, mean 1

  void profile() {
    std::array<double, 12> sum{}, n{};
    for (int k = 0; k + 1 < a.months; ++k) {  // complete months only
      int mo = Month{a.m0.index + k}.month() - 1;
      sum[static_cast<size_t>(mo)] += a.company_sales[static_cast<size_t>(k)];
      n[static_cast<size_t>(mo)] += 1;
    }
    double mean = 0;
    for (int i = 0; i < 12; ++i) mean += n[i] ? sum[i] / n[i] : 0;
    mean /= 12;
    // Half the observed profile, half the designed one: smooths out lumpy big deals.
    for (int i = 0; i < 12; ++i)
      prof[i] = 0.5 * season(i + 1) + 0.5 * (n[i] && mean > 0 ? sum[i] / n[i] / mean : season(i + 1));
  }

  // De-seasonalised monthly run-rate of a rep's metric before month offset k.
  double run_rate(Id rep, int metric, int k) {
    const auto& rp = c.d.reps[static_cast<size_t>(rep - 1)];
    const auto& v = a.rep[static_cast<size_t>(rep)][static_cast<size_t>(metric)];
    int last_complete = a.months - 2;
    int hi = std::min(k - 1, last_complete), lo = hi - 5;
    if (hi < 0) lo = 0, hi = std::min(5, last_complete);  // no history yet: look ahead
    double s = 0;
    int n = 0;
    for (int i = std::max(0, lo); i <= hi; ++i) {
      Month m{a.m0.index + i};
      if (!employed(rp, m)) continue;
      s += v[static_cast<size_t>(i)] / prof[static_cast<size_t>(m.month() - 1)];
      ++n;
    }
    return n ? s / n : 0;
  }

  void targets() {
    const Month last = Month::of(to_ymd(c.as_of).year, 12);
    const int n_months = last.index - a.m0.index + 1;
    const TargetMetric mets[kMetrics] = {TargetMetric::sales, TargetMetric::collection, TargetMetric::bids_won,
                                         TargetMetric::new_customers};
    // Region/company sums for sales and collection, [metric][daqu][month].
    std::vector<std::vector<std::vector<double>>> dq(
        2, std::vector<std::vector<double>>(kDaqu, std::vector<double>(static_cast<size_t>(n_months))));
    for (const auto& rp : c.d.reps) {
      std::array<double, kMetrics> uplift{};
      int year = -1;
      for (int k = 0; k < n_months; ++k) {
        Month m{a.m0.index + k};
        bool active = m.index <= Month::of(c.as_of).index ? employed(rp, m) : !rp.leave_date;
        if (!active) continue;
        if (m.year() != year) {  // targets are set once a year, a bit above trend
          year = m.year();
          for (auto& u : uplift) u = r.uniform(0.99, 1.12);
        }
        double season_k = prof[static_cast<size_t>(m.month() - 1)];
        for (int met = 0; met < kMetrics; ++met) {
          double rr = run_rate(rp.id, met, std::min(k, a.months - 1));
          double v = rr * season_k * uplift[static_cast<size_t>(met)];
          int64_t value = met < 2 ? std::llround(v / 100000) * 100000 : std::llround(std::max(v, met == 3 ? 0.3 : 0.0));
          if (met < 2)
            dq[static_cast<size_t>(met)][static_cast<size_t>(c.rep_daqu[static_cast<size_t>(rp.id)])]
              [static_cast<size_t>(k)] += static_cast<double>(value);
          c.d.targets.push_back({m, mets[met], OwnerKind::rep, rp.id, value});
        }
      }
    }
    // Regions hold a small buffer over their reps, the company over its regions.
    for (int met = 0; met < 2; ++met)
      for (int k = 0; k < n_months; ++k) {
        Month m{a.m0.index + k};
        double company = 0;
        for (int i = 0; i < kDaqu; ++i) {
          int64_t v = std::llround(dq[static_cast<size_t>(met)][static_cast<size_t>(i)][static_cast<size_t>(k)] *
                                   r.uniform(0.99, 1.04) / 100000) *
                      100000;
          company += static_cast<double>(v);
          c.d.targets.push_back({m, mets[met], OwnerKind::region, c.daqu_region[static_cast<size_t>(i)], v});
        }
        c.d.targets.push_back(
            {m, mets[met], OwnerKind::company, 0, std::llround(company * r.uniform(0.98, 1.03) / 100000) * 100000});
      }
  }

  void forecasts() {
    for (const auto& rp : c.d.reps) {
      double u = r.uniform();
      // Some over-promise, some sandbag, most are roughly honest.
      double bias = u < 0.3 ? r.uniform(1.1, 1.4) : u < 0.55 ? r.uniform(0.7, 0.9) : r.uniform(0.93, 1.07);
      for (int k = 1; k < a.months; ++k) {
        Month m{a.m0.index + k};
        if (!employed(rp, m) || rp.hire_date > Date{m.first_day().days - 15}) continue;
        Date day{m.first_day().days + static_cast<int>(r.range(0, 1))};  // day 1 or 2: before the day-3 lock
        if (day > c.as_of) continue;
        double rr = run_rate(rp.id, 0, k) * prof[static_cast<size_t>(m.month() - 1)];
        double actual = a.rep[static_cast<size_t>(rp.id)][0][static_cast<size_t>(k)];
        double base = k == a.months - 1 ? rr : 0.6 * actual + 0.4 * rr;  // the current month is not over
        Money value = std::llround(std::max(0.0, base * bias * r.lognormal(0.25)) / 100000) * 100000;
        if (r.chance(0.25)) {  // an earlier draft, resubmitted
          Date early{m.first_day().days - static_cast<int>(r.range(1, 5))};
          Money draft = std::llround(static_cast<double>(value) * r.uniform(0.8, 1.2) / 100000) * 100000;
          c.d.forecasts.push_back({static_cast<Id>(c.d.forecasts.size() + 1), m, rp.id, draft,
                                   unix_seconds(early, static_cast<int>(r.range(9, 18)))});
        }
        c.d.forecasts.push_back({static_cast<Id>(c.d.forecasts.size() + 1), m, rp.id, value,
                                 unix_seconds(day, static_cast<int>(r.range(9, 11)))});
      }
    }
  }

  void finance() {
    const double fixed_admin = c.medium ? 900000.0 * 100 : 150000.0 * 100;
    for (int k = 0; k + 1 < a.months; ++k) {  // closed months only
      Month m{a.m0.index + k};
      int heads = 0;
      for (const auto& rp : c.d.reps) heads += employed(rp, m);
      double sales = a.company_sales[static_cast<size_t>(k)];
      double rev = sales * r.uniform(0.97, 1.02);
      double cost = sales > 0 ? a.company_cost[static_cast<size_t>(k)] * rev / sales : 0;
      model::FinanceMonth f;
      f.month = m;
      f.revenue = std::llround(rev);
      f.cost_of_sales = std::llround(cost);
      f.selling_expense = std::llround(rev * 0.08 + heads * 22000.0 * 100 * r.uniform(0.95, 1.05));
      f.admin_expense = std::llround(fixed_admin * growth(c, m.first_day()) + rev * 0.025);
      f.finance_expense = std::llround(rev * r.uniform(0.003, 0.007));
      f.other_income = std::llround(r.uniform(-0.002, 0.006) * rev);
      c.d.finance_months.push_back(f);
    }
  }
};

}  // namespace

void gen_plans(Ctx& c, Rng& r) {
  Planner p{c, r, collect(c), {}};
  p.profile();
  p.targets();
  p.forecasts();
  p.finance();
}

}  // namespace sl::demo::detail
