#include "analytics/plan/market.h"

#include <algorithm>
#include <cmath>

#include "analytics/check/change.h"
#include "analytics/plan/market_cells.h"

namespace sl::analytics {

using engine::kNone;

namespace {

ShareFigures figures(Money market, Money own) { return {market, own, share_of(own, market)}; }

struct Part {
  std::vector<Money> now, ly, trend;  // now/ly: [industry × regions + region]; trend by month offset
};

void sort_rows(std::vector<ShareRow>& v) {
  std::sort(v.begin(), v.end(), [](const ShareRow& a, const ShareRow& b) {
    return a.now.market != b.now.market ? a.now.market > b.now.market : a.name < b.name;
  });
}

std::vector<OppGroup> sorted_groups(std::vector<OppGroup> v) {
  v.erase(std::remove_if(v.begin(), v.end(), [](const OppGroup& g) { return g.count == 0; }), v.end());
  std::sort(v.begin(), v.end(), [](const OppGroup& a, const OppGroup& b) {
    return a.amount != b.amount ? a.amount > b.amount : a.name < b.name;
  });
  return v;
}

void opportunities(const engine::Snapshot& s, const engine::Scope& scope, const RowFilter& rf, MarketResult& r) {
  const engine::Facts& f = *s.facts;
  const engine::OpportunityTable& o = f.opportunities;
  const engine::MarketTables& mk = *f.market;
  const engine::Dims& d = *s.dims;
  std::vector<OppGroup> by_ind(f.customers.industries.size()), by_reg(static_cast<size_t>(d.region_count()) + 1);
  for (size_t i = 0; i < by_ind.size(); ++i) by_ind[i].name = f.customers.industries[i];
  for (int32_t g = 0; g < d.region_count(); ++g)
    by_reg[static_cast<size_t>(g)].id = d.region_id[static_cast<size_t>(g)],
        by_reg[static_cast<size_t>(g)].name = d.region_name[static_cast<size_t>(g)];
  if (r.current.last < r.current.first) return;
  for (size_t i = 0; i < o.size(); ++i) {
    if (o.created[i] < r.current.first.days || o.created[i] > r.current.last.days) continue;
    if (!engine::sees_opportunity(scope, o, i)) continue;
    const int32_t cu = o.customer[i];
    if (!rf.pass_customer(f, cu) || (rf.by_category() && o.category[i] != rf.category)) continue;
    const Money amount = o.amount[i];
    ++r.opp_count, r.opp_amount += amount;
    if (cu == kNone) continue;
    if (int32_t ind = f.customers.industry[cu]; ind != kNone)
      ++by_ind[static_cast<size_t>(ind)].count, by_ind[static_cast<size_t>(ind)].amount += amount;
    const int32_t reg = f.customers.region[cu];
    const int32_t cell = reg == kNone ? kNone : mk.cell_region[static_cast<size_t>(reg)];
    OppGroup& g = by_reg[cell == kNone ? by_reg.size() - 1 : static_cast<size_t>(cell)];
    ++g.count, g.amount += amount;
  }
  r.opp_industries = sorted_groups(std::move(by_ind));
  r.opp_regions = sorted_groups(std::move(by_reg));
}

}  // namespace

MarketResult market_share(const engine::Snapshot& s, const engine::Scope& scope, const MarketParams& p) {
  const engine::Facts& f = *s.facts;
  const engine::MarketTables& mk = *f.market;
  const engine::Dims& d = *s.dims;
  const RowFilter rf = row_filter(s, p.filter);
  const MarketFrame mf = market_frame(s, scope, rf);
  MarketResult r;
  r.current = current_window(p.period, p.as_of);
  r.yoy = yoy_window(p.period, p.as_of);
  const size_t ni = mk.industries.size(), nr = static_cast<size_t>(d.region_count());
  const Month last_month = Month::of(p.as_of), first_month{last_month.index - (p.trend_months - 1)};
  const Date trend_first = first_month.first_day();
  const size_t nt = static_cast<size_t>(p.trend_months);

  // Own sales: one pass over the lines from the earliest day any figure reads.
  const Date first{std::min({r.current.first.days, r.yoy.first.days, trend_first.days})};
  const Date last = std::max(r.current.last, p.as_of);
  std::vector<int32_t> month_at;  // trend month offset by day − trend_first
  for (Month m = first_month; m <= last_month; m = Month{m.index + 1})
    month_at.insert(month_at.end(), static_cast<size_t>(m.last_day().days - m.first_day().days + 1),
                    m.index - first_month.index);
  const auto parts = scan_own_lines<Part>(
      s, scope, rf, mf, first, last,
      [&](Part& q) { q.now.assign(ni * nr, 0), q.ly.assign(ni * nr, 0), q.trend.assign(nt, 0); },
      [&](Part& q, const OwnLine& l) {
        const size_t cell = static_cast<size_t>(l.industry) * nr + static_cast<size_t>(l.region);
        if (l.day >= r.current.first.days && l.day <= r.current.last.days) q.now[cell] += l.amount;
        if (l.day >= r.yoy.first.days && l.day <= r.yoy.last.days) q.ly[cell] += l.amount;
        if (l.day >= trend_first.days && l.day <= p.as_of.days)
          q.trend[static_cast<size_t>(month_at[static_cast<size_t>(l.day - trend_first.days)])] += l.amount;
      });
  std::vector<Money> own(ni * nr, 0), own_ly(ni * nr, 0), own_trend(nt, 0);
  for (const auto& q : parts) {
    for (size_t k = 0; k < own.size(); ++k) own[k] += q.now[k], own_ly[k] += q.ly[k];
    for (size_t k = 0; k < nt; ++k) own_trend[k] += q.trend[k];
  }

  // The market of the counted cells, months weighted by their days inside each window.
  const engine::MonthWeights now(r.current.first, r.current.last), before(r.yoy.first, r.yoy.last),
      trend(trend_first, p.as_of);
  std::vector<double> mkt(ni * nr, 0), mkt_ly(ni * nr, 0), mkt_trend(nt, 0);
  std::vector<bool> seen_ind(ni, false), seen_reg(nr, false);
  for (const auto& m : mk.market) {
    if (!mf.counts(m)) continue;
    const size_t cell = static_cast<size_t>(m.industry) * nr + static_cast<size_t>(m.region);
    mkt[cell] += now.of(m.month) * static_cast<double>(m.size);
    mkt_ly[cell] += before.of(m.month) * static_cast<double>(m.size);
    if (m.month >= first_month.index && m.month <= last_month.index)
      mkt_trend[static_cast<size_t>(m.month - first_month.index)] += trend.of(m.month) * static_cast<double>(m.size);
    seen_ind[static_cast<size_t>(m.industry)] = seen_reg[static_cast<size_t>(m.region)] = true;
  }
  auto round_all = [](const std::vector<double>& v) {
    std::vector<Money> out(v.size());
    for (size_t k = 0; k < v.size(); ++k) out[k] = std::llround(v[k]);
    return out;
  };
  const std::vector<Money> market = round_all(mkt), market_ly = round_all(mkt_ly), market_trend = round_all(mkt_trend);

  // Totals, industries, regions and the heat map from the cells.
  std::vector<size_t> inds, regs;
  for (size_t i = 0; i < ni; ++i)
    if (seen_ind[i]) inds.push_back(i);
  for (size_t g = 0; g < nr; ++g)
    if (seen_reg[g]) regs.push_back(g);
  Money tm = 0, to = 0, tm_ly = 0, to_ly = 0;
  for (size_t k = 0; k < market.size(); ++k) tm += market[k], to += own[k], tm_ly += market_ly[k], to_ly += own_ly[k];
  r.total = figures(tm, to);
  r.total_ly = figures(tm_ly, to_ly);
  r.market_growth = change(tm, tm_ly);
  r.own_growth = change(to, to_ly);
  auto sum_row = [&](auto in_row) {
    Money a = 0, b = 0, c = 0, e = 0;
    for (size_t k = 0; k < market.size(); ++k)
      if (in_row(k / nr, k % nr)) a += market[k], b += own[k], c += market_ly[k], e += own_ly[k];
    return std::pair{figures(a, b), figures(c, e)};
  };
  for (size_t i : inds) {
    auto [x, y] = sum_row([&](size_t ii, size_t) { return ii == i; });
    r.industries.push_back({0, mk.industries[i], x, y});
  }
  for (size_t g : regs) {
    auto [x, y] = sum_row([&](size_t, size_t gg) { return gg == g; });
    r.regions.push_back({d.region_id[g], d.region_name[g], x, y});
  }
  sort_rows(r.industries);
  sort_rows(r.regions);
  for (size_t a = 0; a < r.industries.size(); ++a)
    for (size_t b = 0; b < r.regions.size(); ++b) {
      const size_t i = static_cast<size_t>(std::find(mk.industries.begin(), mk.industries.end(), r.industries[a].name) -
                                           mk.industries.begin());
      const size_t g = static_cast<size_t>(d.find_region(r.regions[b].id));
      r.heat.push_back({a, b, figures(market[i * nr + g], own[i * nr + g])});
    }
  for (size_t k = 0; k < nt; ++k)
    r.trend.push_back({Month{first_month.index + static_cast<int32_t>(k)}, figures(market_trend[k], own_trend[k])});
  opportunities(s, scope, rf, r);
  return r;
}

}  // namespace sl::analytics
