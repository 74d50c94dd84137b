// The C2/C3 customer metrics under a product-category filter (METRICS.md's C section, as
// docs/metrics.md clarifies it): they read only that category's contract lines. A customer's
// purchases of the category are the days on which it signed contracts holding lines of it
// (lines of reps the scope sees, of customers passing the customer filters, up to as_of), each
// with the amount of those lines; a customer with no such line is not in the population.
// A day counts once: the engine's lines do not carry their contract, so two contracts of the
// category signed by one customer on one day are one purchase (without the filter they are two).
#pragma once
#include <cstdint>
#include <vector>

#include "analytics/do/do_filter.h"
#include "engine/snapshot.h"

namespace sl::analytics {

struct CategoryPurchases {
  std::vector<uint32_t> begin;  // customer index → offsets (customers + 1)
  std::vector<int32_t> day;     // ascending within a customer
  std::vector<Money> amount;    // Σ the category's lines of that customer and day
  size_t first(size_t c) const { return begin[c]; }
  size_t end(size_t c) const { return begin[c + 1]; }
  bool any(size_t c) const { return begin[c + 1] > begin[c]; }
};

// f.category must be set (RowFilter::by_category); visible: one byte per rep index (rep_mask.h).
CategoryPurchases category_purchases(const engine::Snapshot& s, const std::vector<uint8_t>& visible,
                                     const RowFilter& f, Date as_of);

}  // namespace sl::analytics
