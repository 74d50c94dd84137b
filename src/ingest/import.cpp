#include "ingest/import.h"

#include <map>
#include <unordered_map>

#include "ingest/entities.h"
#include "ingest/guess.h"
#include "ingest/import_tables.h"
#include "ingest/values.h"
#include "model/field_errors.h"
#include "model/master_rules.h"

namespace sl::ingest {

namespace {

constexpr int64_t kProgressEvery = 10000;

using Keys = std::unordered_map<std::string, int64_t>;  // key_fold(business key) → id

struct Stored {
  int64_t id = 0;
  SqlRow values;  // the spec's columns, then its derived ones
};

AppError unknown_ref(const Field& f, const std::string& key) {
  const Entity* target = find_entity(f.ref);
  const std::string zh = target ? target->zh : f.ref, en = target ? target->en : f.ref;
  return invalid_field(f.name, "在" + zh + "中找不到：" + key, "Not found among " + en + ": " + key);
}

AppError duplicate_key(const std::string& field, int64_t first_row) {
  return AppError(422, "duplicate_key", field, "业务键与第 " + std::to_string(first_row) + " 行重复",
                  "Same business key as row " + std::to_string(first_row));
}

AppError unsupported_type(const Field& f) {
  return invalid_field(f.name, "暂不支持该类型的字段：" + f.name, "Fields of this type are not imported yet: " + f.name);
}

class Run {
 public:
  Run(const Entity& e, const TableSpec& spec, ImportDb& db) : e_(e), spec_(spec), db_(db) { load_stored(); }

  // The file's header row: which column holds which field.
  void map_columns(const std::vector<std::string>& headers,
                   const std::optional<std::vector<std::pair<std::string, std::string>>>& map) {
    headers_ = headers;
    mapping_ = map ? apply_map(e_, headers, *map) : guess_mapping(e_, headers);
    if (!mapping_.missing_required.empty()) {
      std::string names;
      for (size_t f : mapping_.missing_required) names += (names.empty() ? "" : ", ") + e_.fields[f].name;
      throw invalid_field("map", "文件缺少必填列（或表头无法识别）：" + names,
                          "The file has no column for required field(s) (or the header was not recognised): " + names);
    }
  }

  void row(const Row& r, ImportResult& out) {
    if (r.error) {
      out.errors.push_back({r.number, "", "", *r.error});
      return;
    }
    const size_t before = out.errors.size();
    SqlRow values;
    for (const auto& c : spec_.columns) {
      const size_t fi = *field_index(e_, c.field);
      const Field& f = e_.fields[fi];
      const ColumnMatch* m = mapping_.match_of(fi);
      const std::string text = m && m->column < r.cells.size() ? r.cells[m->column] : "";
      try {
        values.push_back(convert(f, text, m ? m->unit : ""));
      } catch (const AppError& err) {
        out.errors.push_back({r.number, column_name(fi), text, err});
        values.emplace_back(std::monostate{});
      }
    }
    if (out.errors.size() > before) return;
    try {
      derive(values);
    } catch (const AppError& err) {
      out.errors.push_back({r.number, column_name_of(err.field), cell_of(r, err.field), err});
      return;
    }
    const std::string fold = key_fold(std::get<std::string>(values[0]));
    if (auto [it, fresh] = seen_.try_emplace(fold, r.number); !fresh) {
      const std::string& key_field = spec_.columns[0].field;
      out.errors.push_back({r.number, column_name_of(key_field), cell_of(r, key_field), duplicate_key(key_field, it->second)});
      return;
    }
    classify(fold, values, out);
  }

  const std::vector<SqlWrite>& writes() const { return writes_; }

 private:
  void load_stored() {
    std::string sql = "SELECT id";
    for (const auto& c : spec_.columns) sql += ", " + c.column;
    for (const auto& d : spec_.derived) sql += ", " + d;
    sql += " FROM " + spec_.table;
    for (auto& row : db_.query(sql)) {
      const int64_t id = std::get<int64_t>(row[0]);
      next_id_ = std::max(next_id_, id + 1);
      row.erase(row.begin());
      const std::string key = std::holds_alternative<std::string>(row[0]) ? std::get<std::string>(row[0]) : "";
      if (spec_.entity == "regions") level_[id] = static_cast<int>(std::get<int64_t>(row.back()));
      stored_.emplace(key_fold(key), Stored{id, std::move(row)});
    }
  }

  Keys& keys_of(const std::string& entity) {
    auto it = keys_.find(entity);
    if (it != keys_.end()) return it->second;
    Keys& k = keys_[entity];
    for (const auto& row : db_.query(key_query(entity, db_)))
      if (std::holds_alternative<std::string>(row[1])) k.emplace(key_fold(std::get<std::string>(row[1])), std::get<int64_t>(row[0]));
    return k;
  }

  SqlValue convert(const Field& f, const std::string& text, const std::string& unit) {
    if (is_blank(text)) {
      if (f.required) throw model::missing_value(f.name);
      if (f.type == FieldType::text) return std::string();  // NOT NULL DEFAULT '' columns
      return std::monostate{};
    }
    switch (f.type) {
      case FieldType::text: {
        std::string v = trim_text(text);
        model::check_name(v, f.name);
        return v;
      }
      case FieldType::key: {
        std::string v = business_key(text);
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
      case FieldType::money: {
        const bool scaled = unit == "万元" && text.find("万") == std::string::npos;
        auto m = parse_money(scaled ? text + "万" : text);
        if (!m.ok()) throw value_error(m.error, f.name, text);
        return static_cast<int64_t>(*m.value);
      }
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
      default:
        throw unsupported_type(f);
    }
  }

  // The entity's own rules and derived columns (model/master_rules.h).
  void derive(SqlRow& values) {
    if (spec_.entity == "regions") {
      const bool has_parent = std::holds_alternative<int64_t>(values[1]);
      int parent_level = 0;
      if (has_parent) {
        const int64_t parent = std::get<int64_t>(values[1]);
        auto own = stored_.find(key_fold(std::get<std::string>(values[0])));
        if (own != stored_.end() && own->second.id == parent)
          throw invalid_field("parent", "上级区域不能是自己", "A region cannot be its own parent");
        parent_level = level_.count(parent) ? level_[parent] : 0;
      }
      values.emplace_back(static_cast<int64_t>(model::region_level(has_parent, parent_level)));
    } else if (spec_.entity == "products") {
      model::validate_product_prices(std::get<int64_t>(values[4]), std::get<int64_t>(values[5]));
    }
  }

  void classify(const std::string& fold, SqlRow values, ImportResult& out) {
    std::vector<std::string> columns;
    for (const auto& c : spec_.columns) columns.push_back(c.column);
    for (const auto& d : spec_.derived) columns.push_back(d);
    int64_t id;
    auto it = stored_.find(fold);
    if (it != stored_.end()) {
      id = it->second.id;
      values[0] = it->second.values[0];  // the key as stored: "p03" and "P03" are one row, spelt as first written
      if (it->second.values == values) {
        ++out.unchanged;
        return;
      }
      std::string sql = "UPDATE " + spec_.table + " SET ";
      for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i] + " = ?";
      SqlRow bound = values;
      bound.emplace_back(id);
      writes_.push_back({sql + " WHERE id = ?", std::move(bound)});
      ++out.updated;
    } else {
      id = next_id_++;
      std::string sql = "INSERT INTO " + spec_.table + "(id", marks = "?";
      for (const auto& c : columns) sql += ", " + c, marks += ", ?";
      SqlRow bound{id};
      bound.insert(bound.end(), values.begin(), values.end());
      writes_.push_back({sql + ") VALUES (" + marks + ")", std::move(bound)});
      keys_of(spec_.entity)[fold] = id;  // rows further down may refer to it (a region's parent)
      ++out.inserted;
    }
    if (spec_.entity == "regions") level_[id] = static_cast<int>(std::get<int64_t>(values.back()));
  }

  std::string column_name(size_t field) const {
    auto col = mapping_.column_of(field);
    return col && *col < headers_.size() ? headers_[*col] : e_.fields[field].name;
  }
  std::string column_name_of(const std::string& field) const {
    auto fi = field_index(e_, field);
    return fi ? column_name(*fi) : field;
  }
  std::string cell_of(const Row& r, const std::string& field) const {
    auto fi = field_index(e_, field);
    auto col = fi ? mapping_.column_of(*fi) : std::nullopt;
    return col && *col < r.cells.size() ? r.cells[*col] : "";
  }

  const Entity& e_;
  const TableSpec& spec_;
  ImportDb& db_;
  Mapping mapping_;
  std::vector<std::string> headers_;
  std::unordered_map<std::string, Stored> stored_;
  std::map<std::string, Keys> keys_;
  std::unordered_map<int64_t, int> level_;  // regions: id → level, stored and imported
  std::unordered_map<std::string, int64_t> seen_;  // key_fold → the row that had it first
  std::vector<SqlWrite> writes_;
  int64_t next_id_ = 1;
};

}  // namespace

ImportResult run_import(const ImportRequest& req, ImportDb& db) {
  const Entity* e = find_entity(req.entity);
  if (!e) throw invalid_field("entity", "未知的数据类型：" + req.entity, "Unknown entity: " + req.entity);
  const TableSpec* spec = find_table(req.entity);
  if (!spec) {
    std::string list;
    for (const auto& n : importable_entities()) list += (list.empty() ? "" : ", ") + n;
    throw invalid_field("entity", "暂不支持导入：" + req.entity + "（已支持：" + list + "）",
                        "Import of " + req.entity + " is not supported yet (supported: " + list + ")");
  }
  auto say = [&](const std::string& line) {
    if (req.progress) req.progress(line);
  };
  auto rows = open_rows(req.file, req.read);
  Run run(*e, *spec, db);
  ImportResult out;
  Row r;
  if (!rows->next(r)) throw invalid_field("file", "文件是空的：没有表头行", "The file is empty: no header row");
  run.map_columns(r.cells, req.map);
  say("reading " + req.file);
  while (rows->next(r)) {
    ++out.rows;
    run.row(r, out);
    if (out.rows % kProgressEvery == 0) say("checked " + std::to_string(out.rows) + " rows");
  }
  say("checked " + std::to_string(out.rows) + " rows: " + std::to_string(out.errors.size()) + " errors");
  if (req.dry_run || !out.errors.empty() || run.writes().empty()) return out;
  say("writing " + std::to_string(run.writes().size()) + " rows in one transaction");
  ImportAudit audit{req.entity, req.file, req.sha256, "cli", out.inserted, out.updated, out.unchanged};
  db.commit(run.writes(), audit);
  out.committed = true;
  say("committed");
  return out;
}

TextTable error_table(const ImportResult& r) {
  TextTable t;
  t.headers = {"行号 Row", "列 Column", "值 Value", "错误", "Error"};
  for (const auto& e : r.errors) t.rows.push_back({std::to_string(e.row), e.column, e.value, e.error.zh, e.error.en});
  return t;
}

}  // namespace sl::ingest
