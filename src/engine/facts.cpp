#include "engine/facts.h"

#include <algorithm>

namespace sl::engine {

RowRange FactTable::range(Date first, Date last) const {
  if (last < first) return {};
  auto b = std::lower_bound(day.begin(), day.end(), first.days);
  auto e = std::upper_bound(b, day.end(), last.days);
  return RowRange{static_cast<size_t>(b - day.begin()), static_cast<size_t>(e - day.begin())};
}

FactTable build_facts(std::vector<FactRow> rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const FactRow& a, const FactRow& b) { return a.day < b.day; });
  FactTable t;
  t.day.reserve(rows.size());
  t.rep.reserve(rows.size());
  t.customer.reserve(rows.size());
  t.category.reserve(rows.size());
  t.amount.reserve(rows.size());
  for (const auto& r : rows) {
    t.day.push_back(r.day);
    t.rep.push_back(r.rep);
    t.customer.push_back(r.customer);
    t.category.push_back(r.category);
    t.amount.push_back(r.amount);
  }
  return t;
}

}  // namespace sl::engine
