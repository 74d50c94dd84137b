#include "analytics/plan/competitors.h"

#include <algorithm>
#include <cmath>

#include "analytics/plan/market_cells.h"

namespace sl::analytics {

using engine::kNone;

namespace {

struct Part {
  std::vector<Money> cat, prod, trend;  // trend: [category × months + offset]
};

std::vector<std::optional<double>> shares(const std::vector<Money>& sales, const std::vector<Money>& market) {
  std::vector<std::optional<double>> v(sales.size());
  for (size_t k = 0; k < sales.size(); ++k) v[k] = share_of(sales[k], market[k]);
  return v;
}

}  // namespace

CompetitorResult competitors(const engine::Snapshot& s, const engine::Scope& scope, const CompetitorParams& p) {
  const engine::Facts& f = *s.facts;
  const engine::MarketTables& mk = *f.market;
  const engine::ProductTable& pt = mk.products;
  const RowFilter rf;
  const MarketFrame mf = market_frame(s, scope, rf);
  CompetitorResult r;
  r.current = current_window(p.period, p.as_of);
  const size_t ncat = f.categories.size(), nprod = pt.size(), nt = static_cast<size_t>(p.trend_months);
  const Month last_month = Month::of(p.as_of), first_month{last_month.index - (p.trend_months - 1)};
  const Date trend_first = first_month.first_day();
  for (size_t k = 0; k < nt; ++k) r.months.push_back(Month{first_month.index + static_cast<int32_t>(k)});
  std::vector<int32_t> month_at;  // trend month offset by day − trend_first
  for (Month m = first_month; m <= last_month; m = Month{m.index + 1})
    month_at.insert(month_at.end(), static_cast<size_t>(m.last_day().days - m.first_day().days + 1),
                    m.index - first_month.index);

  const Date first{std::min(r.current.first.days, trend_first.days)}, last = std::max(r.current.last, p.as_of);
  const auto parts = scan_own_lines<Part>(
      s, scope, rf, mf, first, last,
      [&](Part& q) { q.cat.assign(ncat, 0), q.prod.assign(nprod, 0), q.trend.assign(ncat * nt, 0); },
      [&](Part& q, const OwnLine& l) {
        if (l.day >= r.current.first.days && l.day <= r.current.last.days) {
          q.cat[static_cast<size_t>(l.category)] += l.amount;
          if (l.product != kNone) q.prod[static_cast<size_t>(l.product)] += l.amount;
        }
        if (l.day >= trend_first.days && l.day <= p.as_of.days)
          q.trend[static_cast<size_t>(l.category) * nt +
                  static_cast<size_t>(month_at[static_cast<size_t>(l.day - trend_first.days)])] += l.amount;
      });
  std::vector<Money> own(ncat, 0), own_prod(nprod, 0), own_trend(ncat * nt, 0);
  for (const auto& q : parts) {
    for (size_t c = 0; c < ncat; ++c) own[c] += q.cat[c];
    for (size_t k = 0; k < nprod; ++k) own_prod[k] += q.prod[k];
    for (size_t k = 0; k < own_trend.size(); ++k) own_trend[k] += q.trend[k];
  }

  // Market and competitor sales, months weighted by their days inside the window.
  const engine::MonthWeights now(r.current.first, r.current.last), trend(trend_first, p.as_of);
  const size_t nriv = mk.rival_id.size();
  std::vector<double> mkt(ncat, 0), mkt_t(ncat * nt, 0), riv(nriv, 0), riv_t(nriv * nt, 0);
  auto in_trend = [&](int32_t month) { return month >= first_month.index && month <= last_month.index; };
  for (const auto& m : mk.market) {
    if (!mf.counts(m)) continue;
    mkt[static_cast<size_t>(m.category)] += now.of(m.month) * static_cast<double>(m.size);
    if (in_trend(m.month))
      mkt_t[static_cast<size_t>(m.category) * nt + static_cast<size_t>(m.month - first_month.index)] +=
          trend.of(m.month) * static_cast<double>(m.size);
  }
  for (const auto& c : mk.rival_sales) {
    if (!mf.counts_region(c.region)) continue;
    riv[static_cast<size_t>(c.product)] += now.of(c.month) * static_cast<double>(c.amount);
    if (in_trend(c.month))
      riv_t[static_cast<size_t>(c.product) * nt + static_cast<size_t>(c.month - first_month.index)] +=
          trend.of(c.month) * static_cast<double>(c.amount);
  }
  auto slice = [&](const std::vector<double>& v, size_t row) {
    std::vector<Money> out(nt);
    for (size_t k = 0; k < nt; ++k) out[k] = std::llround(v[row * nt + k]);
    return out;
  };

  for (size_t c = 0; c < ncat; ++c) {
    CategoryCompetition cc;
    cc.name = f.categories[c];
    cc.market = std::llround(mkt[c]);
    cc.trend_market = slice(mkt_t, c);
    Entrant us;
    us.own = true;
    us.sales = own[c];
    us.trend_sales.assign(own_trend.begin() + static_cast<std::ptrdiff_t>(c * nt),
                          own_trend.begin() + static_cast<std::ptrdiff_t>((c + 1) * nt));
    cc.entrants.push_back(std::move(us));
    for (size_t k = 0; k < nriv; ++k) {
      if (mk.rival_category[k] != static_cast<int32_t>(c)) continue;
      Entrant e;
      e.id = mk.rival_id[k];
      e.name = mk.rival_name[k];
      e.company = mk.rival_company[k];
      e.sales = std::llround(riv[k]);
      e.trend_sales = slice(riv_t, k);
      cc.entrants.push_back(std::move(e));
    }
    if (cc.market == 0 && cc.entrants.size() == 1 && own[c] == 0) continue;  // a category nobody sells
    for (auto& e : cc.entrants) {
      e.share = share_of(e.sales, cc.market);
      e.trend = shares(e.trend_sales, cc.trend_market);
    }
    // Rivals are in id order already; a stable sort keeps 本公司 first among equals.
    std::stable_sort(cc.entrants.begin(), cc.entrants.end(),
                     [](const Entrant& a, const Entrant& b) { return a.sales > b.sales; });
    for (size_t k = 0; k < cc.entrants.size(); ++k) {
      cc.entrants[k].rank = static_cast<int>(k) + 1;
      if (cc.entrants[k].own)
        cc.own = k;
      else if (!cc.leader && cc.entrants[k].sales > 0)
        cc.leader = k;
    }
    if (cc.leader) cc.relative_share = share_of(own[c], cc.entrants[*cc.leader].sales);
    // Flagships: the best-selling products of the category (ties: the lower code).
    std::vector<size_t> prods;
    for (size_t k = 0; k < nprod; ++k)
      if (pt.category[k] == static_cast<int32_t>(c) && own_prod[k] > 0) prods.push_back(k);
    std::sort(prods.begin(), prods.end(), [&](size_t a, size_t b) {
      return own_prod[a] != own_prod[b] ? own_prod[a] > own_prod[b] : pt.code[a] < pt.code[b];
    });
    for (size_t k = 0; k < prods.size() && k < static_cast<size_t>(p.flagships); ++k) {
      const size_t x = prods[k];
      cc.flagships.push_back({static_cast<int>(k) + 1, pt.id[x], pt.code[x], pt.name[x], own_prod[x],
                              share_of(own_prod[x], cc.market), share_of(own_prod[x], own[c])});
    }
    r.categories.push_back(std::move(cc));
  }
  std::sort(r.categories.begin(), r.categories.end(), [](const CategoryCompetition& a, const CategoryCompetition& b) {
    return a.market != b.market ? a.market > b.market : a.name < b.name;
  });
  return r;
}

}  // namespace sl::analytics
