// A fact table sorted by date: one row per event (a signed contract, a payment, a
// contract line), stored as parallel columns. Because rows are in date order, a period
// is a contiguous row range found by binary search.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "engine/column.h"

namespace sl::engine {

struct RowRange {
  size_t begin = 0, end = 0;
};

struct FactTable {
  Column<int32_t> day;       // Date::days, ascending
  Column<int32_t> rep;       // rep index
  Column<int32_t> customer;  // customer index (kNone when unknown)
  // Category code (kNone for none); empty when no row of the table has one (contracts,
  // payments): 4 bytes a row saved, and a category filter matches no row there.
  Column<int16_t> category;  // (codes are few: product categories, activity types)
  Column<Money> amount;

  size_t size() const { return day.size(); }
  bool has_category(size_t i, int32_t code) const { return !category.empty() && category[i] == code; }
  // Rows dated within [first, last].
  RowRange range(Date first, Date last) const;
};

// Builds a FactTable from unsorted rows; the sort is stable so ties keep input order.
struct FactRow {
  int32_t day, rep, customer, category;
  Money amount;
};
FactTable build_facts(std::vector<FactRow> rows);
// The same, also giving the input position of each output row (for columns kept beside the
// table, such as the product and cost of each contract line).
FactTable build_facts(std::vector<FactRow> rows, std::vector<uint32_t>* order_out);

}  // namespace sl::engine
