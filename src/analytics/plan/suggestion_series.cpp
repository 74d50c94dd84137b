// P6's monthly series of an owner: sales, the market of its cells, its sales in those cells and
// the opportunities created and won within a month.
#include <algorithm>

#include "analytics/plan/market_cells.h"
#include "analytics/plan/suggestion_parts.h"
#include "engine/monthly.h"
#include "forecast/holt_winters.h"
#include "forecast/trend_seasonal_naive.h"

namespace sl::analytics::suggestion_parts {

namespace {

// The last month complete at as_of, and before the period.
Month history_end(const SuggestionParams& p) {
  const Month m = Month::of(p.as_of);
  const Month complete = p.as_of == m.last_day() ? m : Month{m.index - 1};
  return std::min(complete, Month{p.first.index - 1});
}

// The first month with a sale or a market row, company-wide (none: last + 1).
Month data_start(const engine::Facts& f, Month last) {
  Month first{last.index + 1};
  if (f.sales.size()) first = std::min(first, Month::of(Date{f.sales.day[0]}));
  if (!f.market->market.empty()) first = std::min(first, Month{f.market->market.front().month});
  return first;
}

}  // namespace

std::vector<double> model_points(forecast::Method m, std::span<const double> x, int horizon) {
  if (x.size() < 2) return std::vector<double>(static_cast<size_t>(horizon), x.empty() ? 0.0 : x.back());
  const auto bands = m == forecast::Method::holt_winters && x.size() >= forecast::kHwMinMonths
                         ? forecast::hw_predict(forecast::hw_fit(x), horizon, 0.8)
                         : forecast::trend_seasonal_naive(x, horizon, 0.8);
  std::vector<double> v;
  for (const auto& b : bands) v.push_back(b.value);
  return v;
}

Series owner_series(const engine::Snapshot& s, const engine::Scope& owner, const SuggestionParams& p) {
  const engine::Facts& f = *s.facts;
  Series x;
  x.as_of = p.as_of;
  x.period_first = p.first, x.period_last = p.last;
  x.last = history_end(p);
  x.first = data_start(f, x.last);
  if (x.last < x.first) return x;
  const size_t n = static_cast<size_t>(x.months());
  const Date first = x.first.first_day(), last = x.last.last_day();
  x.sales.assign(n, 0), x.market.assign(n, 0), x.own.assign(n, 0), x.won_within.assign(n, 0);

  const auto grid = engine::sum_by_month_top_region(*s.dims, f.sales, owner, first, last);
  for (int k = 0; k < grid.months; ++k)
    for (int32_t r = 0; r < grid.regions; ++r) x.sales[static_cast<size_t>(k)] += static_cast<double>(grid.at(Month{grid.first.index + k}, r));

  const RowFilter rf;
  const MarketFrame mf = market_frame(s, owner, rf);
  for (const auto& m : f.market->market)
    if (m.month >= x.first.index && m.month <= x.last.index && mf.counts(m))
      x.market[x.at(Month{m.month})] += static_cast<double>(m.size);
  std::vector<int32_t> month_of;  // history month offset by day − first
  for (Month m = x.first; m <= x.last; m = Month{m.index + 1})
    month_of.insert(month_of.end(), static_cast<size_t>(m.last_day().days - m.first_day().days + 1),
                    m.index - x.first.index);
  const auto parts = scan_own_lines<std::vector<Money>>(
      s, owner, rf, mf, first, last, [&](std::vector<Money>& q) { q.assign(n, 0); },
      [&](std::vector<Money>& q, const OwnLine& l) {
        q[static_cast<size_t>(month_of[static_cast<size_t>(l.day - first.days)])] += l.amount;
      });
  for (const auto& q : parts)
    for (size_t k = 0; k < n; ++k) x.own[k] += static_cast<double>(q[k]);

  // Created in the k months ending with j and won by j's end (k = the period's months): an
  // opportunity created in c and won in w counts for every j in [w, c + k − 1].
  const engine::OpportunityTable& o = f.opportunities;
  constexpr int kWonStage = static_cast<int>(model::Stage::won);
  const int32_t k = p.last.index - p.first.index + 1;
  for (size_t i = 0; i < o.size(); ++i) {
    if (o.closed[i] == engine::kNoDay || o.stage[i] != kWonStage || o.closed[i] > last.days) continue;
    if (o.created[i] < first.days || !engine::sees_opportunity(owner, o, i)) continue;
    const int32_t c = Month::of(Date{o.created[i]}).index, w = Month::of(Date{o.closed[i]}).index;
    for (int32_t j = w; j <= std::min(c + k - 1, x.last.index); ++j)
      x.won_within[x.at(Month{j})] += static_cast<double>(o.amount[i]);
  }
  return x;
}

}  // namespace sl::analytics::suggestion_parts
