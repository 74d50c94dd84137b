#include "ingest/import.h"

#include <unordered_map>

#include "ingest/import_importer.h"
#include "ingest/import_tables.h"
#include "ingest/values.h"
#include "model/master_rules.h"

namespace sl::ingest {

namespace {

constexpr int64_t kProgressEvery = 10000;

struct Stored {
  int64_t id = 0;
  SqlRow values;  // the spec's columns, then its derived ones
};

// An entity kept in one table, one file row per table row, upserted by its key (import_tables.h).
class TableImporter : public Importer {
 public:
  TableImporter(const Entity& e, const TableSpec& spec, ImportDb& db) : Importer(e, db), spec_(spec) { load_stored(); }

  void row(const Row& r, ImportResult& out) override {
    if (r.error) {
      out.errors.push_back({r.number, "", "", *r.error});
      return;
    }
    SqlRow values;
    bool bad = false;
    for (const auto& c : spec_.columns) {
      auto v = read(r, c.field, out);
      bad = bad || !v;
      values.push_back(v ? *v : SqlValue{});
    }
    if (bad) return;
    try {
      derive(values);
    } catch (const AppError& err) {
      add_error(out, r.number, err.field, &r, err);
      return;
    }
    const std::string fold = key_fold(std::get<std::string>(values[0]));
    if (auto [it, fresh] = seen_.try_emplace(fold, r.number); !fresh) {
      const std::string& key = spec_.columns[0].field;
      add_error(out, r.number, key, &r, duplicate_key(key, it->second));
      return;
    }
    classify(fold, std::move(values), out);
  }

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

  const TableSpec& spec_;
  std::unordered_map<std::string, Stored> stored_;
  std::unordered_map<int64_t, int> level_;         // regions: id → level, stored and imported
  std::unordered_map<std::string, int64_t> seen_;  // key_fold → the row that had it first
  int64_t next_id_ = 1;
};

std::string supported_list() {
  std::string list;
  for (const auto& n : importable_entities()) list += (list.empty() ? "" : ", ") + n;
  return list + ", contracts, contract_lines";
}

}  // namespace

std::unique_ptr<Importer> table_importer(const Entity& e, ImportDb& db) {
  const TableSpec* spec = find_table(e.name);
  return spec ? std::make_unique<TableImporter>(e, *spec, db) : nullptr;
}

ImportResult run_import(const ImportRequest& req, ImportDb& db) {
  const Entity* e = find_entity(req.entity);
  if (!e) throw invalid_field("entity", "未知的数据类型：" + req.entity, "Unknown entity: " + req.entity);
  std::unique_ptr<Importer> importer = table_importer(*e, db);
  if (!importer) importer = contract_importer(*e, db, req.today);
  if (!importer)
    throw invalid_field("entity", "暂不支持导入：" + req.entity + "（已支持：" + supported_list() + "）",
                        "Import of " + req.entity + " is not supported yet (supported: " + supported_list() + ")");
  auto say = [&](const std::string& line) {
    if (req.progress) req.progress(line);
  };
  auto rows = open_rows(req.file, req.read);
  ImportResult out;
  Row r;
  if (!rows->next(r)) throw invalid_field("file", "文件是空的：没有表头行", "The file is empty: no header row");
  importer->map_columns(r.cells, req.map);
  say("reading " + req.file);
  while (rows->next(r)) {
    ++out.rows;
    importer->row(r, out);
    if (out.rows % kProgressEvery == 0) say("checked " + std::to_string(out.rows) + " rows");
  }
  importer->finish(out);
  say("checked " + std::to_string(out.rows) + " rows: " + std::to_string(out.errors.size()) + " errors");
  const auto& writes = importer->writes();
  if (req.dry_run || !out.errors.empty() || writes.empty()) return out;
  say("writing " + std::to_string(writes.size()) + " rows in one transaction");
  ImportAudit audit{req.entity, req.file, req.sha256, "cli", out.inserted, out.updated, out.unchanged};
  db.commit(writes, audit);
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
