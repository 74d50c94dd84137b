// Numbers as a report's page shows them, after docs/metrics.md "Money on screen" and
// web/src/utils/format.ts: one money unit per table column (万元 / K yuan, else yuan), percent
// with one decimal, thousands separators; "—" for a missing figure, "0" for zero money.
#pragma once
#include <string>
#include <vector>

#include "present/table.h"

namespace sl::jobs::render {

// v with `decimals` decimals and "," between thousands ("1,234.5").
std::string grouped(double v, int decimals);

enum class MoneyUnit { yuan, wan, k };
// The unit of a column from its largest figure (fen): zh ≥ 1万 yuan → 万元, en ≥ 1,000 → K.
MoneyUnit money_unit(const std::vector<double>& fens, Lang lang);
// Fen in the unit, without suffix: "0.9", "354.5", "9,000.00"; 0 → "0".
std::string money_number(double fen, MoneyUnit u);
// A figure standing alone (a KPI card) in its own unit with the suffix: "354.5万", "3,545.0K".
std::string money_text(double fen, Lang lang);
// A figure standing alone in a column's unit: money as money_text, percent "82.4%", count
// "12", number "3.50".
std::string figure_text(double v, present::Unit u, Lang lang);
// The unit as a header names it: "万元", "K yuan", "元" / "yuan".
std::string money_unit_name(MoneyUnit u, Lang lang);

// How a table's column reads in the report: its header with the money unit, and each cell.
struct ColumnText {
  std::string header;
  std::vector<std::string> cells;  // one per row
  bool numeric = false;            // right-aligned
};
std::vector<ColumnText> table_text(const present::Table& t, Lang lang);

}  // namespace sl::jobs::render
