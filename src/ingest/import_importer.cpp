#include "ingest/import_importer.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "ingest/import_tables.h"
#include "ingest/values.h"
#include "model/field_errors.h"
#include "model/master_rules.h"

namespace sl::ingest {

namespace {

AppError unknown_ref(const Field& f, const std::string& key) {
  const Entity* target = find_entity(f.ref);
  const std::string zh = target ? target->zh : f.ref, en = target ? target->en : f.ref;
  return invalid_field(f.name, "在" + zh + "中找不到：" + key, "Not found among " + en + ": " + key);
}

AppError unsupported_type(const Field& f) {
  return invalid_field(f.name, "暂不支持该类型的字段：" + f.name,
                       "Fields of this type are not imported yet: " + f.name);
}

// 2026-06, 2026/6, 2026.6, 2026年6月, or any day of the month in a form parse_date_value reads.
std::optional<Month> parse_month_text(const std::string& typed) {
  const std::string t = to_halfwidth(trim_text(typed));
  if (auto m = parse_month(t)) return m;
  std::string day = t;
  const size_t seps = std::count_if(t.begin(), t.end(), [](char c) { return c == '-' || c == '/' || c == '.'; });
  if (t.find("年") != std::string::npos && t.size() >= 3 && t.compare(t.size() - 3, 3, "月") == 0)
    day = t + "1日";
  else if (seps == 1)
    day = t + t[t.find_first_of("-/.")] + "1";
  auto d = parse_date_value(day);
  if (!d.ok()) return std::nullopt;
  return Month::of(*d.value);
}

// A day and a time of day as unix seconds: the date in any form parse_date_value reads, then
// (after a space or T) HH:MM or HH:MM:SS, then Z or ±HH:MM; Beijing time (UTC+8) without one,
// midnight without a time. An Excel serial's fraction is not read (a day alone).
std::optional<int64_t> parse_datetime_text(const std::string& typed) {
  const std::string t = to_halfwidth(trim_text(typed));
  const size_t cut = t.find_first_of(" T");
  auto d = parse_date_value(t.substr(0, cut));
  if (!d.ok()) return std::nullopt;
  int64_t secs = 0, offset = 8 * 3600;
  if (cut != std::string::npos) {
    std::string rest = t.substr(cut + 1);
    if (!rest.empty() && rest.back() == 'Z')
      offset = 0, rest.pop_back();
    else if (size_t sign = rest.find_first_of("+-"); sign != std::string::npos) {
      const std::string off = rest.substr(sign + 1);
      rest.resize(sign);
      if (off.size() != 5 || off[2] != ':' || !std::isdigit(static_cast<unsigned char>(off[0])) ||
          !std::isdigit(static_cast<unsigned char>(off[1])) || !std::isdigit(static_cast<unsigned char>(off[3])) ||
          !std::isdigit(static_cast<unsigned char>(off[4])))
        return std::nullopt;
      offset = (std::stoi(off.substr(0, 2)) * 60 + std::stoi(off.substr(3, 2))) * 60;
      if (t[cut + 1 + sign] == '-') offset = -offset;
    }
    int h = 0, m = 0, sec = 0;
    char extra = 0;
    const int n = std::sscanf(rest.c_str(), "%2d:%2d:%2d%c", &h, &m, &sec, &extra);
    if (n < 2 || n > 3 || h > 23 || m > 59 || sec > 59 || h < 0 || m < 0 || sec < 0) return std::nullopt;
    secs = (h * 60 + m) * 60 + sec;
  }
  return static_cast<int64_t>(d.value->days) * 86400 + secs - offset;
}

}  // namespace

AppError duplicate_key(const std::string& field, int64_t first_row) {
  return AppError(422, "duplicate_key", field, "业务键与第 " + std::to_string(first_row) + " 行重复",
                  "Same business key as row " + std::to_string(first_row));
}

void require_column(ImportDb& db, const std::string& table, const std::string& column) {
  if (!db.has_column(table, column))
    throw AppError(422, "invalid_field", "schema", "数据库缺少 " + table + "." + column + " 列（请先升级数据库）",
                   "The database has no column " + table + "." + column + " yet (a newer schema is needed)");
}

Money money_in(const std::string& text, const std::string& unit, const std::string& field) {
  const bool scaled = unit == "万元" && text.find("万") == std::string::npos;
  auto m = parse_money(scaled ? text + "万" : text);
  if (!m.ok()) throw value_error(m.error, field, text);
  return *m.value;
}

void Importer::map_columns(const std::vector<std::string>& headers,
                           const std::optional<std::vector<std::pair<std::string, std::string>>>& map) {
  headers_ = headers;
  mapping_ = map ? apply_map(e_, headers, *map) : guess_mapping(e_, headers);
  if (!mapping_.missing_required.empty()) {
    std::string names;
    for (size_t f : mapping_.missing_required) names += (names.empty() ? "" : ", ") + e_.fields[f].name;
    throw invalid_field("map", "文件缺少必填列（或表头无法识别）：" + names,
                        "The file has no column for required field(s) (or the header was not recognised): " + names);
  }
  match_.assign(e_.fields.size(), nullptr);
  for (size_t f = 0; f < e_.fields.size(); ++f) match_[f] = mapping_.match_of(f);
  last_ref_.assign(e_.fields.size(), {});
}

size_t Importer::field_of(std::string_view name) const { return *field_index(e_, name); }

const std::string& Importer::cell_text(const Row& r, size_t field) const {
  static const std::string kNone;
  const ColumnMatch* m = match_[field];
  return m && m->column < r.cells.size() ? r.cells[m->column] : kNone;
}

std::optional<SqlValue> Importer::read(const Row& r, size_t fi, ImportResult& out) {
  const ColumnMatch* m = match_[fi];
  const std::string& text = cell_text(r, fi);
  const Field& f = e_.fields[fi];
  if (f.type == FieldType::ref && !text.empty() && last_ref_[fi].first == text) return last_ref_[fi].second;
  try {
    SqlValue v = convert(f, text, m ? m->unit : "");
    // Keys only grow during a file (rows further down may refer to rows above): a hit stays one.
    if (f.type == FieldType::ref && std::holds_alternative<int64_t>(v)) last_ref_[fi] = {text, std::get<int64_t>(v)};
    return v;
  } catch (const AppError& err) {
    out.errors.push_back({r.number, column_name(f.name), text, err});
    return std::nullopt;
  }
}

Keys& Importer::keys_of(const std::string& entity) {
  auto it = keys_.find(entity);
  if (it != keys_.end()) return it->second;
  Keys& k = keys_[entity];
  const auto rows = db_.query(key_query(entity, db_));
  k.reserve(rows.size());
  for (const auto& row : rows)
    if (std::holds_alternative<std::string>(row[1]))
      k.emplace(key_fold(std::get<std::string>(row[1])), std::get<int64_t>(row[0]));
  return k;
}

SqlValue Importer::convert(const Field& f, const std::string& text, const std::string& unit) {
  if (is_blank(text)) {
    if (f.required) throw model::missing_value(f.name);
    if (f.type == FieldType::text) return std::string();  // NOT NULL DEFAULT '' columns
    return std::monostate{};
  }
  switch (f.type) {
    case FieldType::text:
    case FieldType::key: {
      std::string v = f.type == FieldType::key ? business_key(text) : trim_text(text);
      model::check_name(v, f.name);
      return v;
    }
    case FieldType::ref: {
      const std::string key = business_key(text);
      const Keys& k = keys_of(f.ref);
      auto it = k.find(key_fold(key));
      if (it == k.end()) throw unknown_ref(f, key);
      return it->second;
    }
    case FieldType::date: {
      auto d = parse_date_value(text);
      if (!d.ok()) throw value_error(d.error, f.name, text);
      return format_date(*d.value);
    }
    case FieldType::money: return static_cast<int64_t>(money_in(text, unit, f.name));
    case FieldType::month: {
      auto m = parse_month_text(text);
      if (!m) throw invalid_field(f.name, "不是有效的月份：" + trim_text(text), "Not a month: " + trim_text(text));
      return format_month(*m);
    }
    case FieldType::datetime: {
      auto v = parse_datetime_text(text);
      if (!v)
        throw invalid_field(f.name, "不是有效的日期时间：" + trim_text(text),
                            "Not a date and time: " + trim_text(text));
      return *v;
    }
    case FieldType::decimal:  // the entity says what it is (targets: 元 or a count), in its importer
      return trim_text(text);
    case FieldType::integer: {
      auto n = parse_integer(text);
      if (!n.ok()) throw value_error(n.error, f.name, text);
      return *n.value;
    }
    case FieldType::enumeration: {
      auto code = enum_code(f, text);
      if (!code) {
        std::string allowed;
        for (const auto& v : f.values) allowed += (allowed.empty() ? "" : ", ") + v.code;
        throw invalid_field(f.name, "取值无效：" + trim_text(text) + "（可选：" + allowed + "）",
                            "Not an allowed value: " + trim_text(text) + " (one of: " + allowed + ")");
      }
      return *code;
    }
    default: throw unsupported_type(f);
  }
}

void Importer::add_error(ImportResult& out, int64_t row, const std::string& field, const Row* r, const AppError& err) {
  out.errors.push_back({row, column_name(field), r ? cell(*r, field) : "", err});
}

std::string Importer::column_name(const std::string& field) const {
  auto fi = field_index(e_, field);
  auto col = fi ? mapping_.column_of(*fi) : std::nullopt;
  return col && *col < headers_.size() ? headers_[*col] : field;
}

std::string Importer::cell(const Row& r, const std::string& field) const {
  auto fi = field_index(e_, field);
  auto col = fi ? mapping_.column_of(*fi) : std::nullopt;
  return col && *col < r.cells.size() ? r.cells[*col] : "";
}

}  // namespace sl::ingest
