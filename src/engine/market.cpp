#include "engine/market.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace sl::engine {

MarketTables build_market(const model::Dataset& d, const Dims& dims, const std::vector<std::string>& categories) {
  MarketTables t;
  std::map<std::string, int32_t> category_code;
  for (size_t i = 0; i < categories.size(); ++i) category_code.emplace(categories[i], static_cast<int32_t>(i));
  auto category_of = [&](const std::string& name) {
    auto it = category_code.find(name);
    return it == category_code.end() ? kNone : it->second;
  };
  for (const auto& p : d.products) {
    t.products.id.push_back(p.id);
    t.products.code.push_back(p.code);
    t.products.name.push_back(p.name);
    t.products.category.push_back(category_of(p.category));
    t.products.launch.push_back(p.launch_date.days);
  }
  std::map<std::string, int32_t> industry_code;
  for (const auto& m : d.market_stats) {
    auto [it, fresh] = industry_code.try_emplace(m.industry, static_cast<int32_t>(t.industries.size()));
    if (fresh) t.industries.push_back(m.industry);
    t.market.push_back({m.month.index, it->second, dims.find_region(m.region), category_of(m.category), m.market_size});
  }
  std::stable_sort(t.market.begin(), t.market.end(),
                   [](const MarketRow& a, const MarketRow& b) { return a.month < b.month; });

  std::unordered_map<Id, std::string> company;
  for (const auto& c : d.competitors) company[c.id] = c.name;
  std::vector<const model::CompetitorProduct*> rivals;
  for (const auto& p : d.competitor_products) rivals.push_back(&p);
  std::sort(rivals.begin(), rivals.end(), [](auto* a, auto* b) { return a->id < b->id; });
  std::unordered_map<Id, int32_t> rival_index;
  for (const auto* p : rivals) {
    rival_index[p->id] = static_cast<int32_t>(t.rival_id.size());
    t.rival_id.push_back(p->id);
    t.rival_name.push_back(p->name);
    auto it = company.find(p->competitor);
    t.rival_company.push_back(it == company.end() ? std::string() : it->second);
    t.rival_category.push_back(category_of(p->category));
  }
  for (const auto& s : d.competitor_sales) {
    auto it = rival_index.find(s.competitor_product);
    if (it == rival_index.end()) continue;  // the schema's foreign key rules this out
    t.rival_sales.push_back({s.month.index, it->second, dims.find_region(s.region), s.amount});
  }
  std::stable_sort(t.rival_sales.begin(), t.rival_sales.end(),
                   [](const CompetitorSaleRow& a, const CompetitorSaleRow& b) { return a.month < b.month; });

  std::vector<bool> reported(static_cast<size_t>(dims.region_count()), false);
  for (const auto& m : t.market)
    if (m.region != kNone) reported[static_cast<size_t>(m.region)] = true;
  t.cell_region.assign(reported.size(), kNone);
  for (int32_t r = 0; r < dims.region_count(); ++r)
    for (int32_t a = r; a != kNone; a = dims.region_parent[static_cast<size_t>(a)])
      if (reported[static_cast<size_t>(a)]) {
        t.cell_region[static_cast<size_t>(r)] = a;
        break;
      }
  return t;
}

MonthWeights::MonthWeights(Date first_day, Date last_day) {
  if (last_day < first_day) return;
  const Month a = Month::of(first_day), b = Month::of(last_day);
  first = a.index;
  for (Month m = a; m <= b; m = Month{m.index + 1}) {
    const int32_t lo = std::max(m.first_day().days, first_day.days), hi = std::min(m.last_day().days, last_day.days);
    w.push_back(static_cast<double>(hi - lo + 1) / (m.last_day().days - m.first_day().days + 1));
  }
}

}  // namespace sl::engine
