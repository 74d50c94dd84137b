#include "present/cell_text.h"

#include <cmath>
#include <cstdio>

#include "present/catalog.h"

namespace sl::present {

std::string grouped(double v, int decimals, bool separators) {
  char buf[64];
  if (!separators) {
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
  std::string s = buf;
  const size_t dot = s.find('.');
  const size_t int_len = dot == std::string::npos ? s.size() : dot;
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i < int_len && i > 0 && (int_len - i) % 3 == 0) out += ',';
    out += s[i];
  }
  const bool nonzero = out.find_first_of("123456789") != std::string::npos;
  return (v < 0 && nonzero ? "-" : "") + out;
}

MoneyUnit money_unit(const std::vector<double>& fens, Lang lang) {
  double max = 0;
  for (double f : fens) max = std::max(max, std::fabs(f) / 100);
  if (lang == Lang::zh) return max >= 1e4 ? MoneyUnit::wan : MoneyUnit::yuan;
  return max >= 1e3 ? MoneyUnit::k : MoneyUnit::yuan;
}

std::string money_number(double fen, MoneyUnit u) {
  if (fen == 0) return "0";
  const double yuan = fen / 100;
  if (u == MoneyUnit::wan) return grouped(yuan / 1e4, 1);
  if (u == MoneyUnit::k) return grouped(yuan / 1e3, 1);
  return grouped(yuan, 2);
}

std::string money_text(double fen, Lang lang) {
  const MoneyUnit u = money_unit({fen}, lang);
  const std::string n = money_number(fen, u);
  if (n == "0") return n;
  return n + (u == MoneyUnit::wan ? "万" : u == MoneyUnit::k ? "K" : "");
}

std::string figure_text(double v, Unit u, Lang lang) {
  if (u == Unit::money) return money_text(v, lang);
  if (u != Unit::number && u != Unit::percent) u = Unit::count;  // a figure alone has no decimals unless it is one
  return cell_text(Value{v}, u, lang, CellUse::report);
}

std::string money_unit_name(MoneyUnit u, Lang lang) {
  if (u == MoneyUnit::wan) return text("unit.wan", lang);
  if (u == MoneyUnit::k) return lang == Lang::zh ? "千元" : "K yuan";
  return text("unit.yuan", lang);
}

namespace {

bool is_number(const Value& v) { return std::holds_alternative<int64_t>(v) || std::holds_alternative<double>(v); }
double number_of(const Value& v) {
  return std::holds_alternative<int64_t>(v) ? static_cast<double>(std::get<int64_t>(v)) : std::get<double>(v);
}

}  // namespace

std::string cell_text(const Value& v, Unit u, Lang lang, CellUse use, MoneyUnit money) {
  const bool file = use == CellUse::file;
  if (std::holds_alternative<std::monostate>(v)) return file ? "" : "—";
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* l = std::get_if<Label>(&v)) return text(l->key, lang);
  const double d = number_of(v);
  const auto* whole = std::get_if<int64_t>(&v);
  switch (u) {
    case Unit::money: return file ? grouped(d / 100.0, 2, false) : money_number(d, money);
    case Unit::percent: return grouped(d * 100, 1, !file) + "%";
    case Unit::count: return file && whole ? std::to_string(*whole) : grouped(d, 0, !file);
    default: return file && whole ? std::to_string(*whole) : grouped(d, 2, !file);
  }
}

std::vector<ColumnText> table_text(const Table& t, Lang lang) {
  std::vector<ColumnText> out;
  for (size_t c = 0; c < t.columns.size(); ++c) {
    const Column& col = t.columns[c];
    ColumnText ct;
    MoneyUnit mu = MoneyUnit::yuan;
    if (col.unit == Unit::money) {
      std::vector<double> fens;
      for (const auto& r : t.rows)
        if (c < r.size() && is_number(r[c])) fens.push_back(number_of(r[c]));
      mu = money_unit(fens, lang);
      // The catalogue's header without its file unit (元), then the column's own unit.
      Column plain = col;
      plain.unit = Unit::text;
      const std::string name = money_unit_name(mu, lang);
      ct.header = header(plain, lang) + (lang == Lang::zh ? "(" + name + ")" : " (" + name + ")");
    } else {
      ct.header = header(col, lang);
    }
    ct.numeric =
        col.unit == Unit::money || col.unit == Unit::percent || col.unit == Unit::count || col.unit == Unit::number;
    for (const auto& r : t.rows)
      ct.cells.push_back(c < r.size() ? cell_text(r[c], col.unit, lang, CellUse::report, mu) : "");
    out.push_back(std::move(ct));
  }
  return out;
}

}  // namespace sl::present
