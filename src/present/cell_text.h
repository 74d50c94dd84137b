// The one formatter of a table cell and of a figure (review finding: the CSV/XLSX writers, the
// e-mail HTML and the PDF tables each had their own). Two readings of the same cell:
//
//   file   — what a CSV field or an XLSX text cell holds: money in yuan with two decimals, no
//            thousands separators, "" for a missing value (the export, a fixed surface);
//   report — what a page or a pushed report shows, after docs/metrics.md "Money on screen" and
//            web/src/utils/format.ts: one money unit per column (万元 / K yuan, else yuan),
//            percent with one decimal, thousands separators, "—" for a missing value.
#pragma once
#include <string>
#include <vector>

#include "present/table.h"

namespace sl::present {

// v with `decimals` decimals and, when `separators`, "," between thousands ("1,234.5");
// without separators exactly printf's "%.*f".
std::string grouped(double v, int decimals, bool separators = true);

enum class MoneyUnit { yuan, wan, k };
// The unit of a column from its largest figure (fen): zh ≥ 1万 yuan → 万元, en ≥ 1,000 → K.
MoneyUnit money_unit(const std::vector<double>& fens, Lang lang);
// Fen in the unit, without suffix: "0.9", "354.5", "9,000.00"; 0 → "0".
std::string money_number(double fen, MoneyUnit u);
// A figure standing alone (a KPI card) in its own unit with the suffix: "354.5万", "3,545.0K".
std::string money_text(double fen, Lang lang);
// A figure standing alone: money as money_text, percent "82.4%", count "12", number "3.50".
std::string figure_text(double v, Unit u, Lang lang);
// The unit as a header names it: "万元", "K yuan", "元" / "yuan".
std::string money_unit_name(MoneyUnit u, Lang lang);

enum class CellUse { file, report };
// One cell; `money` is the column's unit in a report (files always hold yuan).
std::string cell_text(const Value& v, Unit u, Lang lang, CellUse use, MoneyUnit money = MoneyUnit::yuan);

// How a table's column reads in a report (PDF, e-mail): its header with the money unit, and
// each cell.
struct ColumnText {
  std::string header;
  std::vector<std::string> cells;  // one per row
  bool numeric = false;            // right-aligned
};
std::vector<ColumnText> table_text(const Table& t, Lang lang);

}  // namespace sl::present
