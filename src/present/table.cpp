#include "present/table.h"

#include <algorithm>

#include "present/catalog.h"

namespace sl::present {

namespace json = boost::json;

const char* unit_code(Unit u) {
  switch (u) {
    case Unit::text: return "text";
    case Unit::count: return "count";
    case Unit::number: return "number";
    case Unit::money: return "money";
    case Unit::percent: return "percent";
    case Unit::month: return "month";
    case Unit::date: return "date";
  }
  return "text";
}

std::string header(const Column& c, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::string h;
  if (!c.group_text.empty()) h = c.group_text;
  if (!c.group.empty()) h += (h.empty() ? "" : " ") + text(c.group, lang);
  if (!h.empty()) h += zh ? "·" : " · ";
  h += text(c.label, lang);
  if (c.unit == Unit::money) h += zh ? "(" + text("unit.yuan", lang) + ")" : " (" + text("unit.yuan", lang) + ")";
  return h;
}

std::string sheet_name(const Table& t, Lang lang) { return text("sheet." + t.sheet, lang); }

json::object table_json(const Table& t, Lang lang) {
  json::array columns, rows;
  for (const auto& c : t.columns)
    columns.push_back(
        json::object{{"key", c.key}, {"label", c.label}, {"unit", unit_code(c.unit)}, {"header", header(c, lang)}});
  for (const auto& r : t.rows) {
    json::object o;
    for (size_t i = 0; i < t.columns.size() && i < r.size(); ++i) {
      struct V {
        Lang lang;
        json::value operator()(std::monostate) const { return nullptr; }
        json::value operator()(const std::string& s) const { return json::string(s); }
        json::value operator()(int64_t v) const { return v; }
        json::value operator()(double v) const { return v; }
        json::value operator()(const Label& l) const { return json::string(text(l.key, lang)); }
      };
      o[t.columns[i].key] = std::visit(V{lang}, r[i]);
    }
    rows.push_back(std::move(o));
  }
  return json::object{
      {"sheet", t.sheet}, {"name", sheet_name(t, lang)}, {"columns", std::move(columns)}, {"rows", std::move(rows)}};
}

Table select_columns(const Table& t, const std::vector<std::string>& keys) {
  std::vector<size_t> keep;
  for (size_t c = 0; c < t.columns.size(); ++c)
    if (std::find(keys.begin(), keys.end(), t.columns[c].key) != keys.end()) keep.push_back(c);
  Table out{t.sheet, {}, {}};
  for (size_t c : keep) out.columns.push_back(t.columns[c]);
  out.rows.reserve(t.rows.size());
  for (const auto& r : t.rows) {
    std::vector<Value> cells;
    for (size_t c : keep) cells.push_back(c < r.size() ? r[c] : Value{});
    out.rows.push_back(std::move(cells));
  }
  return out;
}

}  // namespace sl::present
