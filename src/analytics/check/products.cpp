#include "analytics/check/products.h"

#include <algorithm>
#include <cmath>

#include "analytics/check/change.h"
#include "analytics/check/rep_mask.h"
#include "engine/parallel.h"

namespace sl::analytics {

using engine::kNone;

namespace {

constexpr double kYoyWarn = -0.20, kYoySevere = -0.40, kShareDrop = -0.02, kMarginDrop = -0.05;

std::optional<double> ratio(Money a, Money b) {
  if (b == 0) return std::nullopt;
  return static_cast<double>(a) / static_cast<double>(b);
}

std::optional<double> margin_of(Money sales, Money cost) {
  if (sales == 0) return std::nullopt;
  return static_cast<double>(sales - cost) / static_cast<double>(sales);
}

struct Acc {
  Money sales = 0, sales_ly = 0, cost = 0, cost_ly = 0;
  int32_t last = INT32_MIN;  // latest sale day in the look-back
  bool sold_before = false;  // a sale in [as_of − 454, as_of − 90]
};

// Adds a later worker's accumulator (its rows are later in date order, not that it matters).
void merge(Acc& into, const Acc& x) {
  into.sales += x.sales, into.sales_ly += x.sales_ly, into.cost += x.cost, into.cost_ly += x.cost_ly;
  into.last = std::max(into.last, x.last);
  into.sold_before = into.sold_before || x.sold_before;
}

// Sales figures of one product or category from its accumulator and its market.
SalesFigures figures(const Acc& a, Money market, Money market_ly, Money rival, bool yoy_defined,
                     const ProductParams& p) {
  SalesFigures f;
  f.sales = a.sales;
  f.sales_ly = a.sales_ly;
  f.cost = a.cost;
  f.cost_ly = a.cost_ly;
  if (yoy_defined) f.yoy = change(a.sales, a.sales_ly);
  f.margin = margin_of(a.sales, a.cost);
  f.margin_ly = margin_of(a.sales_ly, a.cost_ly);
  f.share = ratio(a.sales, market);
  f.share_ly = ratio(a.sales_ly, market_ly);
  f.rival_sales = rival;
  f.relative_share = ratio(a.sales, rival);
  if (a.last != INT32_MIN) f.last_sale = Date{a.last};
  f.quadrant = product_quadrant(f.yoy, f.relative_share, p.growth_threshold, p.share_threshold);
  return f;
}

void warn(std::vector<ProductWarning>& out, const ProductWarning& unit, const SalesFigures& f, const Acc& a,
          Date as_of) {
  auto add = [&](const char* rule, const char* severity, double value, std::optional<double> base) {
    ProductWarning w = unit;
    w.rule = rule;
    w.severity = severity;
    w.value = value;
    w.base = base;
    out.push_back(std::move(w));
  };
  if (f.yoy && *f.yoy < kYoyWarn) add("yoy_decline", *f.yoy < kYoySevere ? "severe" : "warn", *f.yoy, std::nullopt);
  if (f.share && f.share_ly && *f.share - *f.share_ly < kShareDrop)
    add("share_down", "warn", *f.share - *f.share_ly, f.share_ly);
  if (f.margin && f.margin_ly && *f.margin - *f.margin_ly < kMarginDrop)
    add("margin_down", "warn", *f.margin - *f.margin_ly, f.margin_ly);
  if (a.sold_before && a.last <= as_of.days - kNoSaleDays) add("no_sale", "warn", as_of.days - a.last, std::nullopt);
}

// The fraction of each month's days inside a window, by Month::index.
struct MonthWeights {
  int32_t first = 0;
  std::vector<double> w;
  explicit MonthWeights(const Window& win) {
    if (win.last < win.first) return;
    const Month a = Month::of(win.first), b = Month::of(win.last);
    first = a.index;
    for (Month m = a; m <= b; m = Month{m.index + 1}) {
      const int32_t lo = std::max(m.first_day().days, win.first.days), hi = std::min(m.last_day().days, win.last.days);
      w.push_back(static_cast<double>(hi - lo + 1) / (m.last_day().days - m.first_day().days + 1));
    }
  }
  double of(int32_t month) const {
    const int32_t k = month - first;
    return k >= 0 && k < static_cast<int32_t>(w.size()) ? w[static_cast<size_t>(k)] : 0.0;
  }
};

}  // namespace

std::string ProductWarning::key(const std::string& period_label) const {
  return (unit == "product" ? "product:" + std::to_string(id) : "category:" + category) + "/" + rule + "/" +
         period_label;
}

const char* product_quadrant(std::optional<double> growth, std::optional<double> relative, double growth_threshold,
                             double share_threshold) {
  if (!growth || !relative) return nullptr;
  const bool high_growth = *growth >= growth_threshold, high_share = *relative >= share_threshold;
  if (high_growth) return high_share ? "star" : "question";
  return high_share ? "cash_cow" : "dog";
}

std::vector<bool> market_regions(const engine::Dims& d, const engine::Scope& scope) {
  std::vector<bool> in(static_cast<size_t>(d.region_count()), false);
  if (scope.everything) {
    in.assign(in.size(), true);
    return in;
  }
  int32_t anchor = scope.root_region;
  if (scope.own_rep != kNone) anchor = d.rep_region[static_cast<size_t>(scope.own_rep)];
  if (anchor == kNone) return in;
  for (int32_t r = 0; r < d.region_count(); ++r)
    in[static_cast<size_t>(r)] = d.in_subtree(r, anchor) || d.in_subtree(anchor, r);
  return in;
}

ProductResult product_warning(const engine::Snapshot& s, const engine::Scope& scope, const ProductParams& p) {
  const engine::Facts& f = *s.facts;
  const engine::MarketTables& mk = *f.market;
  const engine::ProductTable& pt = mk.products;
  const RowFilter rf = row_filter(s, p.filter);
  ProductResult r;
  r.current = current_window(p.period, p.as_of);
  r.yoy = yoy_window(p.period, p.as_of);
  const size_t ncat = f.categories.size(), nprod = pt.size();

  // One pass over the lines from the earliest day any figure reads through as_of, split
  // between workers (each with its own accumulators, merged after).
  const Date read_last = std::max(r.current.last, p.as_of);
  const int32_t before_first = p.as_of.days - kNoSaleDays - kNoSaleLookBack + 1,
                before_last = p.as_of.days - kNoSaleDays;
  const Date read_first{std::min({r.current.first.days, r.yoy.first.days, before_first})};
  const engine::FactTable& t = f.sales_lines;
  const engine::RowRange range = t.range(read_first, read_last);
  const auto visible = visible_reps(s, scope);
  struct Part {
    std::vector<Acc> prod, cat;
    Acc all;
  };
  const size_t workers = engine::worker_count(range.end - range.begin);
  std::vector<Part> parts(workers);
  engine::parallel_chunks(range.end - range.begin, workers, [&](size_t w, size_t b, size_t e) {
    Part& q = parts[w];
    q.prod.resize(nprod), q.cat.resize(ncat);
    for (size_t i = range.begin + b; i < range.begin + e; ++i) {
      if (!scope.everything && (t.rep[i] == kNone || !visible[static_cast<size_t>(t.rep[i])])) continue;
      if (rf.any() && !rf.pass(f, t, i)) continue;
      const int32_t day = t.day[i], pi = f.line_product[i];
      const int32_t ci = pi == kNone ? kNone : pt.category[static_cast<size_t>(pi)];
      const Money amount = t.amount[i], cost = f.line_cost[i];
      auto add = [&](Acc& a) {
        if (day >= r.current.first.days && day <= r.current.last.days) a.sales += amount, a.cost += cost;
        if (day >= r.yoy.first.days && day <= r.yoy.last.days) a.sales_ly += amount, a.cost_ly += cost;
        if (day >= before_first && day <= p.as_of.days) {
          a.last = day;
          if (day <= before_last) a.sold_before = true;
        }
      };
      add(q.all);
      if (pi != kNone) add(q.prod[static_cast<size_t>(pi)]);
      if (ci != kNone) add(q.cat[static_cast<size_t>(ci)]);
    }
  });
  std::vector<Acc> prod(nprod), cat(ncat);
  Acc all;
  for (const auto& q : parts) {
    merge(all, q.all);
    for (size_t k = 0; k < nprod; ++k) merge(prod[k], q.prod[k]);
    for (size_t c = 0; c < ncat; ++c) merge(cat[c], q.cat[c]);
  }

  // The market of each category in the scope's regions (and industry, under that filter).
  const std::vector<bool> regions = market_regions(*s.dims, scope);
  int32_t industry = kNone;
  bool no_market = false;
  if (!p.filter.industry.empty()) {
    auto it = std::find(mk.industries.begin(), mk.industries.end(), p.filter.industry);
    if (it == mk.industries.end())
      no_market = true;
    else
      industry = static_cast<int32_t>(it - mk.industries.begin());
  }
  auto in_region = [&](int32_t reg) { return reg != kNone && regions[static_cast<size_t>(reg)]; };
  // A month's figure counts by the share of its days inside the window (the as_of month half
  // way through counts half, this year and last alike).
  const MonthWeights now(r.current), before(r.yoy);
  std::vector<double> mkt(ncat, 0), mkt_ly(ncat, 0), riv(mk.rival_id.size(), 0);
  for (const auto& m : mk.market) {
    if (no_market || m.category == kNone || !in_region(m.region) || (industry != kNone && m.industry != industry))
      continue;
    mkt[static_cast<size_t>(m.category)] += now.of(m.month) * static_cast<double>(m.size);
    mkt_ly[static_cast<size_t>(m.category)] += before.of(m.month) * static_cast<double>(m.size);
  }
  // Competitor products' sales over the same window and regions; the largest per category.
  for (const auto& c : mk.rival_sales)
    if (in_region(c.region)) riv[static_cast<size_t>(c.product)] += now.of(c.month) * static_cast<double>(c.amount);
  std::vector<Money> market(ncat), market_ly(ncat), rival(riv.size());
  for (size_t c = 0; c < ncat; ++c) market[c] = std::llround(mkt[c]), market_ly[c] = std::llround(mkt_ly[c]);
  for (size_t k = 0; k < riv.size(); ++k) rival[k] = std::llround(riv[k]);
  std::vector<int32_t> top(ncat, kNone);
  for (size_t k = 0; k < rival.size(); ++k) {
    const int32_t c = mk.rival_category[k];
    if (c == kNone || rival[k] == 0) continue;
    int32_t& best = top[static_cast<size_t>(c)];
    if (best == kNone || rival[k] > rival[static_cast<size_t>(best)])
      best = static_cast<int32_t>(k);  // ties: the lower id
  }
  auto top_sales = [&](int32_t c) {
    return c == kNone || top[static_cast<size_t>(c)] == kNone ? Money{0}
                                                              : rival[static_cast<size_t>(top[static_cast<size_t>(c)])];
  };

  for (Money m : market) r.market += m;
  for (Money m : market_ly) r.market_ly += m;
  r.totals = figures(all, 0, 0, 0, true, p);

  std::vector<int> launched(ncat, 0);
  for (size_t k = 0; k < nprod; ++k) {
    const int32_t c = pt.category[k];
    if (pt.launch[k] > p.as_of.days || (rf.by_category() && c != rf.category)) continue;
    if (c != kNone) ++launched[static_cast<size_t>(c)];
    ProductRow row;
    row.product = static_cast<int32_t>(k);
    row.id = pt.id[k];
    row.code = pt.code[k];
    row.name = pt.name[k];
    row.category = c == kNone ? std::string() : f.categories[static_cast<size_t>(c)];
    row.launch = Date{pt.launch[k]};
    // A product launched after the comparison window began has no YoY.
    const bool yoy_defined = pt.launch[k] <= r.yoy.first.days;
    const Money mkt = c == kNone ? 0 : market[static_cast<size_t>(c)],
                mkt_ly = c == kNone ? 0 : market_ly[static_cast<size_t>(c)];
    row.f = figures(prod[k], mkt, mkt_ly, top_sales(c), yoy_defined, p);
    r.products.push_back(std::move(row));
  }
  for (size_t c = 0; c < ncat; ++c) {
    if (rf.by_category() && static_cast<int32_t>(c) != rf.category) continue;
    CategoryRow row;
    row.code = static_cast<int32_t>(c);
    row.name = f.categories[c];
    row.products = launched[c];
    row.market = market[c];
    row.market_ly = market_ly[c];
    row.market_growth = change(market[c], market_ly[c]);
    row.f = figures(cat[c], market[c], market_ly[c], top_sales(static_cast<int32_t>(c)), true, p);
    if (row.market_growth && row.f.share)
      row.potential = std::llround(*row.market_growth * (1 - *row.f.share) * static_cast<double>(row.market));
    if (int32_t k = top[c]; k != kNone) {
      row.rival_id = mk.rival_id[static_cast<size_t>(k)];
      row.rival_name = mk.rival_name[static_cast<size_t>(k)];
      row.rival_company = mk.rival_company[static_cast<size_t>(k)];
    }
    r.categories.push_back(std::move(row));
  }
  auto by_sales = [](const auto& a, const auto& b, const std::string& ka, const std::string& kb) {
    return a.f.sales != b.f.sales ? a.f.sales > b.f.sales : ka < kb;
  };
  std::sort(r.products.begin(), r.products.end(),
            [&](const ProductRow& a, const ProductRow& b) { return by_sales(a, b, a.code, b.code); });
  std::sort(r.categories.begin(), r.categories.end(),
            [&](const CategoryRow& a, const CategoryRow& b) { return by_sales(a, b, a.name, b.name); });

  for (const auto& c : r.categories) {
    ProductWarning u;
    u.unit = "category";
    u.name = u.category = c.name;
    warn(r.warnings, u, c.f, cat[static_cast<size_t>(c.code)], p.as_of);
  }
  for (const auto& x : r.products) {
    ProductWarning u;
    u.unit = "product";
    u.id = x.id;
    u.code = x.code;
    u.name = x.name;
    u.category = x.category;
    warn(r.warnings, u, x.f, prod[static_cast<size_t>(x.product)], p.as_of);
  }
  std::stable_sort(r.warnings.begin(), r.warnings.end(), [](const ProductWarning& a, const ProductWarning& b) {
    if (a.severity != b.severity) return a.severity == "severe";
    const bool an = a.rule == "no_sale", bn = b.rule == "no_sale";  // days, not a ratio: after the ratios
    if (an != bn) return bn;
    return std::abs(a.value) > std::abs(b.value);
  });
  return r;
}

}  // namespace sl::analytics
