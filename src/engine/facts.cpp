#include "engine/facts.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "engine/dims.h"

namespace sl::engine {

RowRange FactTable::range(Date first, Date last) const {
  if (last < first) return {};
  auto b = std::lower_bound(day.begin(), day.end(), first.days);
  auto e = std::upper_bound(b, day.end(), last.days);
  return RowRange{static_cast<size_t>(b - day.begin()), static_cast<size_t>(e - day.begin())};
}

FactTable build_facts(std::vector<FactRow> rows) { return build_facts(std::move(rows), nullptr); }

FactTable build_facts(std::vector<FactRow> rows, std::vector<uint32_t>* order_out) {
  const size_t n = rows.size();
  // The row order by day, stable. Days span a few thousand values, so a counting sort does it
  // in two passes (10M lines: a merge sort of the rows was 7% of the cold start).
  std::vector<uint32_t> order(n);
  if (n > 0) {
    auto [lo, hi] = std::minmax_element(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.day < b.day; });
    const int64_t first = lo->day, span = static_cast<int64_t>(hi->day) - first + 1;
    if (span <= static_cast<int64_t>(4 * n + 4096)) {
      std::vector<uint32_t> next(static_cast<size_t>(span) + 1, 0);
      for (const auto& r : rows) ++next[static_cast<size_t>(r.day - first) + 1];
      for (size_t d = 1; d < next.size(); ++d) next[d] += next[d - 1];
      for (size_t i = 0; i < n; ++i) order[next[static_cast<size_t>(rows[i].day - first)]++] = static_cast<uint32_t>(i);
    } else {
      for (size_t i = 0; i < n; ++i) order[i] = static_cast<uint32_t>(i);
      std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return rows[a].day < rows[b].day; });
    }
  }
  FactTable t;
  if (std::any_of(rows.begin(), rows.end(), [](const FactRow& r) { return r.category < -1 || r.category > INT16_MAX; }))
    throw std::length_error("build_facts: category code out of range");
  const bool categorised = std::any_of(rows.begin(), rows.end(), [](const FactRow& r) { return r.category != kNone; });
  // Room to append ~1/64 more rows before a column must be copied (with_contracts); the
  // spare capacity is not touched, so it costs address space, not resident memory.
  const size_t room = n + std::max<size_t>(1024, n / 64);
  t.day.reserve(room);
  t.rep.reserve(room);
  t.customer.reserve(room);
  t.amount.reserve(room);
  t.day.resize(n);
  t.rep.resize(n);
  t.customer.resize(n);
  if (categorised) {
    t.category.reserve(room);
    t.category.resize(n);
  }
  t.amount.resize(n);
  int32_t *day = t.day.data(), *rep = t.rep.data(), *customer = t.customer.data();
  int16_t* category = categorised ? t.category.data() : nullptr;
  Money* amount = t.amount.data();
  for (size_t k = 0; k < n; ++k) {
    const FactRow& r = rows[order[k]];
    day[k] = r.day;
    rep[k] = r.rep;
    customer[k] = r.customer;
    if (category) category[k] = static_cast<int16_t>(r.category);
    amount[k] = r.amount;
  }
  if (order_out) *order_out = std::move(order);
  return t;
}

}  // namespace sl::engine
