#include "ingest/import.h"

#include <unordered_map>

#include "ingest/import_importer.h"
#include "ingest/import_tables.h"
#include "ingest/values.h"
#include "model/contract_rules.h"
#include "model/field_errors.h"
#include "model/master_rules.h"
#include "model/payment_rules.h"
#include "model/target_rules.h"

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
  TableImporter(const Entity& e, const TableSpec& spec, ImportDb& db, Date today)
      : Importer(e, db), spec_(spec), today_(today) {
    require_column(db, spec.table, spec.columns[0].column);
    load_stored();
  }

  void row(const Row& r, ImportResult& out) override {
    if (r.error) {
      out.errors.push_back({r.number, "", "", *r.error});
      return;
    }
    const Row& row = spec_.entity == "competitor_sales" ? with_maker(r) : r;
    // competitor_sales: the maker's key is checked like any reference.
    if (spec_.entity == "competitor_sales") {
      auto v = read(r, "competitor", out);
      if (!v) return;
    }
    SqlRow values;
    bool bad = false;
    for (const auto& c : spec_.columns) {
      auto v = read(row, c.field, out);
      bad = bad || !v;
      values.push_back(v ? *v : SqlValue{});
    }
    if (bad) return;
    try {
      prepare(values);
    } catch (const AppError& err) {
      add_error(out, r.number, err.field, &r, err);
      return;
    }
    const std::string fold = occurrence(key_of(values), file_count_);
    try {
      derive(fold, values);
    } catch (const AppError& err) {
      add_error(out, r.number, err.field, &r, err);
      return;
    }
    if (auto [it, fresh] = seen_.try_emplace(fold, r.number); !fresh) {
      const std::string& key = spec_.columns[0].field;
      add_error(out, r.number, key, &r, duplicate_key(key, it->second));
      return;
    }
    if (spec_.entity == "payment_plans") first_row_.try_emplace(std::get<int64_t>(values[0]), r.number);
    classify(fold, std::move(values), out);
  }

  // payment_plans: every contract in the file has instalments that add up to its amount.
  void finish(ImportResult& out) override {
    for (const auto& [contract, row] : first_row_) {
      try {
        model::check_plan_sum(plan_sum_[contract], contract_of(contract).amount);
      } catch (const AppError& err) {
        out.errors.push_back({row, column_name("contract"), "", err});
      }
    }
  }

 private:
  // competitor_sales: a competitor product is named within its maker ("远航科技 / 远航 X5",
  // as key_query keys them).
  const Row& with_maker(const Row& r) {
    joined_ = r;
    auto col = mapping_.column_of(*field_index(e_, "competitor_product"));
    if (col && *col < joined_.cells.size() && !is_blank(joined_.cells[*col]))
      joined_.cells[*col] = business_key(cell(r, "competitor")) + " / " + business_key(joined_.cells[*col]);
    return joined_;
  }

  // The business key as compared: the key columns' values, text folded, joined.
  std::string key_of(const SqlRow& values) const {
    std::string k;
    for (size_t i = 0; i < spec_.key_size; ++i) {
      if (i) k += '\x1f';
      if (const auto* t = std::get_if<std::string>(&values[i]))
        k += key_fold(*t);
      else if (const auto* n = std::get_if<int64_t>(&values[i]))
        k += std::to_string(*n);
    }
    return k;
  }

  // repeats: the key with how many times it came before ("…#0", "…#1"); else the key.
  std::string occurrence(std::string key, std::unordered_map<std::string, int64_t>& count) const {
    if (!spec_.repeats) return key;
    const int64_t k = count[key]++;
    return key + '#' + std::to_string(k);
  }

  struct ContractFacts {
    std::string signed_date;
    Money amount = 0;
  };
  const ContractFacts& contract_of(int64_t id) {
    if (contracts_.empty())
      for (const auto& r : db_.query("SELECT id, signed_date, amount FROM contracts"))
        contracts_[std::get<int64_t>(r[0])] = {std::get<std::string>(r[1]), std::get<int64_t>(r[2])};
    return contracts_[id];
  }

  void load_stored() {
    std::string sql = "SELECT " + spec_.id;
    for (const auto& c : spec_.columns) sql += ", " + c.column;
    for (const auto& d : spec_.derived) sql += ", " + d;
    sql += " FROM " + spec_.table;
    for (auto& row : db_.query(sql)) {
      const int64_t id = std::get<int64_t>(row[0]);
      next_id_ = std::max(next_id_, id + 1);
      row.erase(row.begin());
      if (spec_.entity == "regions") level_[id] = static_cast<int>(std::get<int64_t>(row.back()));
      if (spec_.entity == "payment_plans") {
        const int64_t contract = std::get<int64_t>(row[0]), seq = std::get<int64_t>(row.back());
        next_seq_[contract] = std::max(next_seq_[contract], seq + 1);
        plan_sum_[contract] += std::get<int64_t>(row[2]);
      }
      const auto* first = std::get_if<std::string>(&row[0]);
      if (std::holds_alternative<std::monostate>(row[0]) || (first && first->empty()))
        continue;  // no key (a rep without an employee number): never matched
      std::string key = occurrence(key_of(row), stored_count_);
      stored_.emplace(std::move(key), Stored{id, std::move(row)});
    }
  }

  // Values whose meaning depends on another column of the row, before the key is taken.
  void prepare(SqlRow& values) {
    if (spec_.entity != "targets") return;
    const std::string kind = std::get<std::string>(values[2]), owner = std::get<std::string>(values[3]);
    if (kind == "company") {
      if (!owner.empty())
        throw invalid_field("owner", "公司目标不填目标对象", "A company target has no owner: leave it empty");
      values[3] = int64_t{0};
    } else {
      if (owner.empty()) throw model::missing_value("owner");
      const Keys& k = keys_of(kind == "region" ? "regions" : "reps");
      auto it = k.find(key_fold(business_key(owner)));
      if (it == k.end())
        throw invalid_field("owner", "找不到目标对象：" + owner, "No such " + kind + " (the target's owner): " + owner);
      values[3] = it->second;
    }
    const std::string metric = std::get<std::string>(values[1]), text = std::get<std::string>(values[4]);
    const bool money = metric == "sales" || metric == "collection";
    int64_t v;
    if (money) {
      const ColumnMatch* col = mapping_.match_of(*field_index(e_, "value"));
      v = money_in(text, col ? col->unit : "", "value");
    } else {
      auto n = parse_integer(text);
      if (!n.ok()) throw value_error(n.error, "value", text);
      v = *n.value;
    }
    try {
      model::check_target_value(v, "");
    } catch (AppError& err) {
      err.field = "value";  // ".value" in the grid's words
      throw;
    }
    values[4] = v;
  }

  // The entity's own rules and derived columns (model/master_rules.h).
  void derive(const std::string& fold, SqlRow& values) {
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
    } else if (spec_.entity == "reps") {
      const auto* leave = std::get_if<std::string>(&values[5]);
      model::check_employment(std::get<std::string>(values[4]), leave ? *leave : "");
    } else if (spec_.entity == "bids") {
      const auto* result_date = std::get_if<std::string>(&values[4]);
      model::check_bid_result(std::get<std::string>(values[3]), std::get<std::string>(values[1]),
                              result_date ? *result_date : "");
    } else if (spec_.entity == "market_stats") {
      model::check_not_negative(std::get<int64_t>(values[4]), "market_size");
    } else if (spec_.entity == "competitor_sales") {
      model::check_not_negative(std::get<int64_t>(values[3]), "amount");
    } else if (spec_.entity == "forecasts") {
      model::check_not_negative(std::get<int64_t>(values[3]), "value");
    } else if (spec_.entity == "payments") {
      model::check_payment(*parse_date(std::get<std::string>(values[1])), std::get<int64_t>(values[2]), today_);
    } else if (spec_.entity == "payment_plans") {
      const int64_t contract = std::get<int64_t>(values[0]);
      model::PlanItem item{*parse_date(std::get<std::string>(values[1])), std::get<int64_t>(values[2])};
      try {
        model::check_plan_due(item, "plan", *parse_date(contract_of(contract).signed_date));
        model::check_plan_amount(item, "plan");
      } catch (AppError& err) {  // "plan.due_date" in the API's words: the file's field here
        err.field = err.field.substr(err.field.find('.') + 1);
        throw;
      }
      auto own = stored_.find(fold);  // an instalment keeps its place; a new one goes last
      values.emplace_back(own != stored_.end() ? std::get<int64_t>(own->second.values.back()) : next_seq_[contract]++);
      plan_sum_[contract] += item.amount - (own != stored_.end() ? std::get<int64_t>(own->second.values[2]) : 0);
    }
  }

  void classify(const std::string& fold, SqlRow values, ImportResult& out) {
    int64_t id;
    auto it = stored_.find(fold);
    if (it != stored_.end()) {
      id = it->second.id;
      values[0] = it->second.values[0];  // the key as stored: "p03" and "P03" are one row, spelt as first written
      if (it->second.values == values) {
        ++out.unchanged;
        return;
      }
      SqlRow bound = values;
      bound.emplace_back(id);
      writes_.push_back({update_sql_, std::move(bound)});
      ++out.updated;
    } else {
      id = next_id_++;
      SqlRow bound{id};
      bound.insert(bound.end(), values.begin(), values.end());
      writes_.push_back({insert_sql_, std::move(bound)});
      if (spec_.key_size == 1 && spec_.id == "id")
        keys_of(spec_.entity)[fold] = id;  // rows further down may refer to it (a region's parent)
      ++out.inserted;
    }
    if (spec_.entity == "regions") level_[id] = static_cast<int>(std::get<int64_t>(values.back()));
  }

  // The spec's columns and derived ones: "INSERT INTO t(id, a, b) VALUES (?, ?, ?)" and
  // "UPDATE t SET a = ?, b = ? WHERE id = ?", made once (the writes point at them).
  static std::string insert_sql(const TableSpec& t) {
    std::string sql = "INSERT INTO " + t.table + "(" + t.id, marks = "?";
    for (const auto& c : t.columns) sql += ", " + c.column, marks += ", ?";
    for (const auto& d : t.derived) sql += ", " + d, marks += ", ?";
    return sql + ") VALUES (" + marks + ")";
  }
  static std::string update_sql(const TableSpec& t) {
    std::string sql = "UPDATE " + t.table + " SET ";
    bool first = true;
    for (const auto& c : t.columns) sql += (first ? "" : ", ") + c.column + " = ?", first = false;
    for (const auto& d : t.derived) sql += ", " + d + " = ?";
    return sql + " WHERE " + t.id + " = ?";
  }

  const TableSpec& spec_;
  const Date today_;
  const std::string insert_sql_ = insert_sql(spec_), update_sql_ = update_sql(spec_);
  Row joined_;
  std::unordered_map<std::string, Stored> stored_;  // key_of → the stored row
  std::unordered_map<int64_t, ContractFacts> contracts_;
  std::unordered_map<int64_t, int64_t> next_seq_, plan_sum_;            // payment_plans: per contract
  std::map<int64_t, int64_t> first_row_;                                // payment_plans: contract → its first row
  std::unordered_map<int64_t, int> level_;                              // regions: id → level, stored and imported
  std::unordered_map<std::string, int64_t> seen_;                       // key_fold → the row that had it first
  std::unordered_map<std::string, int64_t> stored_count_, file_count_;  // repeats: occurrences so far
  int64_t next_id_ = 1;
};

std::string supported_list() {
  std::string list;
  for (const auto& n : importable_entities()) list += (list.empty() ? "" : ", ") + n;
  return list + ", contracts, contract_lines, opportunities";
}

}  // namespace

std::unique_ptr<Importer> table_importer(const Entity& e, ImportDb& db, Date today) {
  const TableSpec* spec = find_table(e.name);
  return spec ? std::make_unique<TableImporter>(e, *spec, db, today) : nullptr;
}

ImportResult run_import(const ImportRequest& req, ImportDb& db) {
  const Entity* e = find_entity(req.entity);
  if (!e) throw invalid_field("entity", "未知的数据类型：" + req.entity, "Unknown entity: " + req.entity);
  const int64_t read_at = db.data_version();  // before a row of the database is read
  std::unique_ptr<Importer> importer = table_importer(*e, db, req.today);
  if (!importer) importer = contract_importer(*e, db, req.today);
  if (!importer) importer = opportunity_importer(*e, db, req.today);
  if (!importer)
    throw invalid_field("entity", "暂不支持导入：" + req.entity + "（已支持：" + supported_list() + "）",
                        "Import of " + req.entity + " is not supported yet (supported: " + supported_list() + ")");
  auto say = [&](const std::string& line) {
    if (req.progress) req.progress(line);
  };
  ImportProgress at;
  auto tell = [&](const char* phase) {
    at.phase = phase;
    if (req.on_progress) req.on_progress(at);
  };
  auto check_cancel = [&] {
    if (req.cancel && req.cancel->load())
      throw AppError(409, "cancelled", "", "导入已取消：未写入任何数据", "The import was cancelled: nothing was written");
  };
  tell("reading");
  auto rows = open_rows(req.file, req.read);
  ImportResult out;
  Row r;
  if (!rows->next(r)) throw invalid_field("file", "文件是空的：没有表头行", "The file is empty: no header row");
  importer->map_columns(r.cells, req.map);
  say("reading " + req.file);
  tell("checking");
  while (rows->next(r)) {
    ++out.rows;
    at.rows_read = out.rows;
    importer->row(r, out);
    at.rows_checked = out.rows;
    if (out.rows % kProgressEvery == 0) say("checked " + std::to_string(out.rows) + " rows");
    if (out.rows % kProgressStep == 0) {
      check_cancel();
      tell("checking");
    }
  }
  importer->finish(out);
  check_cancel();
  say("checked " + std::to_string(out.rows) + " rows: " + std::to_string(out.errors.size()) + " errors");
  const WriteSource& writes = *importer;
  at.writes = writes.write_count();
  tell("checked");
  if (req.dry_run || !out.errors.empty() || at.writes == 0) return out;
  say("writing " + std::to_string(at.writes) + " rows in one transaction");
  tell("writing");
  ImportAudit audit{req.entity, req.file_name.empty() ? req.file : req.file_name, req.sha256, req.user, out.inserted, out.updated, out.unchanged, req.job};
  db.commit(writes, audit, read_at, [&](int64_t written) {
    at.rows_written = written;
    tell("writing");
  });
  out.committed = true;
  say("committed");
  at.rows_written = at.writes;
  tell("committed");
  return out;
}

TextTable error_table(const ImportResult& r) {
  TextTable t;
  t.headers = {"行号 Row", "列 Column", "值 Value", "错误", "Error"};
  for (const auto& e : r.errors) t.rows.push_back({std::to_string(e.row), e.column, e.value, e.error.zh, e.error.en});
  return t;
}

}  // namespace sl::ingest
