// The market around the company: market size per month × industry × 大区 × category, set so
// our share sits around 5–20% per cell and creeps up (we grow faster than the market), and
// five competitors' sales per category and 大区 with their own share drift.
// The C4 story (issue 11): competitors are weak in 存储, 网络设备, 工业软件 and 云服务 (our
// leading products there out-sell the largest competitor product: stars and cash cows) and
// strong elsewhere (question marks and dogs); the 安全设备 market grows fast while our share
// there is low (the category with the highest potential); 智能终端's market shrinks.
// Months are reported whole, the as_of month included (C4 weights a month by its days in a
// window).
#include <cmath>

#include "demo/gen.h"

namespace sl::demo::detail {

namespace {
// By category (kCategoryNames order): competitor strength and the market's yearly growth.
constexpr std::array<double, kCategories> kRivalStrength = {1.0, 0.1, 0.12, 1.0, 0.1, 0.12, 1.0, 0.8};
constexpr std::array<double, kCategories> kMarketGrowth = {1.07, 1.06, 1.05, 1.30, 1.07, 1.08, 0.95, 1.07};
}  // namespace

void gen_market(Ctx& c, Rng& r) {
  // Our average monthly sales per (industry, 大区, category) over the whole history.
  std::vector<int> region_daqu(c.d.regions.size() + 1, -1);
  for (int i = 0; i < kDaqu; ++i) {
    region_daqu[static_cast<size_t>(c.daqu_region[static_cast<size_t>(i)])] = i;
    for (Id p : c.provinces[static_cast<size_t>(i)]) region_daqu[static_cast<size_t>(p)] = i;
  }
  auto ind_of = [](const std::string& s) {
    for (int i = 0; i < kIndustries; ++i)
      if (s == kIndustryNames[static_cast<size_t>(i)]) return i;
    return 0;
  };
  auto cell = [](int ind, int dq, int cat) { return (ind * kDaqu + dq) * kCategories + cat; };
  std::vector<double> own(kIndustries * kDaqu * kCategories, 0.0);
  for (const auto& k : c.d.contracts) {
    const auto& cu = c.d.customers[static_cast<size_t>(k.customer - 1)];
    int ind = ind_of(cu.industry), dq = region_daqu[static_cast<size_t>(cu.region)];
    for (const auto& l : k.lines)
      own[static_cast<size_t>(cell(ind, dq, static_cast<int>((l.product - 1) % kCategories)))] +=
          static_cast<double>(l.amount);
  }
  const Month m0 = Month::of(c.start), m1 = Month::of(c.as_of);
  const double months = m1.index - m0.index + 1;
  std::vector<double> base(own.size());
  for (size_t i = 0; i < own.size(); ++i) {
    double share = r.uniform(0.05, 0.2);
    // A floor keeps cells where we sell nothing on the map (that is where potential is).
    base[i] = std::max(own[i] / months, 2.0e6 * 100 * kDaquWeight[(i / kCategories) % kDaqu] / kIndustries) / share;
  }
  // Competitor share of each category's market in each 大区, with a drift over the years.
  const size_t ncp = c.d.competitor_products.size();
  std::vector<double> cshare(ncp * kDaqu), drift(ncp);
  for (size_t p = 0; p < ncp; ++p) {
    drift[p] = r.uniform(-0.25, 0.25);
    for (int dq = 0; dq < kDaqu; ++dq)
      cshare[p * kDaqu + static_cast<size_t>(dq)] = r.uniform(0.04, 0.16) * kRivalStrength[p % kCategories];
  }
  for (Month m = m0; m <= m1; m = Month{m.index + 1}) {
    double t = (m.index - m0.index) / 12.0;
    std::vector<double> cat_dq(kDaqu * kCategories, 0.0);
    for (int ind = 0; ind < kIndustries; ++ind)
      for (int dq = 0; dq < kDaqu; ++dq)
        for (int cat = 0; cat < kCategories; ++cat) {
          const double level = season(m.month()) * std::pow(kMarketGrowth[static_cast<size_t>(cat)], t - 1.5);
          double v = base[static_cast<size_t>(cell(ind, dq, cat))] * level * r.lognormal(0.06);
          Money size = std::llround(v / 10000) * 10000;
          cat_dq[static_cast<size_t>(dq * kCategories + cat)] += static_cast<double>(size);
          c.d.market_stats.push_back({m, kIndustryNames[static_cast<size_t>(ind)],
                                      c.daqu_region[static_cast<size_t>(dq)], kCategoryNames[static_cast<size_t>(cat)],
                                      size});
        }
    for (size_t p = 0; p < ncp; ++p) {
      int cat = static_cast<int>(p % kCategories);  // competitor products are listed competitor × category
      for (int dq = 0; dq < kDaqu; ++dq) {
        double s = cshare[p * kDaqu + static_cast<size_t>(dq)] * (1 + drift[p] * (t / 4.0)) * r.lognormal(0.1);
        Money amount = std::llround(cat_dq[static_cast<size_t>(dq * kCategories + cat)] * s / 10000) * 10000;
        c.d.competitor_sales.push_back(
            {m, c.d.competitor_products[p].id, c.daqu_region[static_cast<size_t>(dq)], amount});
      }
    }
  }
}

}  // namespace sl::demo::detail
