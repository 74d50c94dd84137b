// A result table as the present layer sees it: one column spec per column (key, label from the
// catalogue, unit) and rows of typed values, language-free. The same Table is written as XLSX or
// CSV (writers.h), as JSON rows (table_json), and — next — into the pushed report, so a column's
// label, unit and format are decided once, here, not per writer.
//
//   present::TableSpec<BoardRow> spec{"d4_reps", {
//       {{"rank", "col.rank", Unit::count}, [](const BoardRow& r) { return opt_value(r.rank); }},
//       {{"name", "col.name"}, [](const BoardRow& r) { return Value{r.name}; }}, …}};
//   present::Table t = spec.build(rows);
#pragma once
#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/error.h"

namespace sl::present {

// How a column's numbers read: money is fen (yuan in files, with the unit in the header),
// percent a ratio (0.25 = 25 %), count and number plain; text, month and date strings.
enum class Unit { text, count, number, money, percent, month, date };
const char* unit_code(Unit u);

struct Column {
  Column(std::string key, std::string label, Unit unit = Unit::text, std::string group = {},
         std::string group_text = {})
      : key(std::move(key)),
        label(std::move(label)),
        unit(unit),
        group(std::move(group)),
        group_text(std::move(group_text)) {}
  std::string key;    // machine name: the JSON field and the table's column id ("sales_amount")
  std::string label;  // catalogue key of the header ("col.amount")
  Unit unit = Unit::text;
  std::string group;       // optional catalogue key shown before the label ("metric.sales")
  std::string group_text;  // optional literal shown before the label (a region's name)
};

// A coded value shown through the catalogue ("value.total", "value.new").
struct Label {
  std::string key;
};
using Value = std::variant<std::monostate, std::string, int64_t, double, Label>;

template <class T>
Value opt_value(const std::optional<T>& v) {
  if (!v) return {};
  if constexpr (std::is_integral_v<T>)
    return Value{static_cast<int64_t>(*v)};
  else
    return Value{static_cast<double>(*v)};
}

struct Table {
  std::string sheet;  // catalogue key after "sheet." ("d4_reps")
  std::vector<Column> columns;
  std::vector<std::vector<Value>> rows;
};

// A column with the function that reads it from a row of the analysis result.
template <class Row>
struct Col {
  Column column;
  std::function<Value(const Row&)> get;
};

template <class Row>
struct TableSpec {
  std::string sheet;
  std::vector<Col<Row>> cols;

  Table build(const std::vector<Row>& rows) const {
    Table t{sheet, {}, {}};
    for (const auto& c : cols) t.columns.push_back(c.column);
    t.rows.reserve(rows.size());
    for (const auto& r : rows) {
      std::vector<Value> cells;
      cells.reserve(cols.size());
      for (const auto& c : cols) cells.push_back(c.get(r));
      t.rows.push_back(std::move(cells));
    }
    return t;
  }
};

// The table with only the columns of `keys`, in the table's order (a report shows a wide page
// table's headline columns; its file keeps them all). Unknown keys are skipped.
Table select_columns(const Table& t, const std::vector<std::string>& keys);

// The header of a column in a language: group, label and the unit for money ("签单·金额(元)",
// "Contracts · Amount (yuan)").
std::string header(const Column& c, Lang lang);
std::string sheet_name(const Table& t, Lang lang);

// The table as JSON: {"sheet", "columns": [{key, label, unit, header}], "rows": [{key: value}]}
// with money in fen and percentages as ratios, as every other answer; labels in `lang`.
boost::json::object table_json(const Table& t, Lang lang);

}  // namespace sl::present
