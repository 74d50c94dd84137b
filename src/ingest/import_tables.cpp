#include "ingest/import_tables.h"

#include "core/error.h"

namespace sl::ingest {

namespace {

const std::vector<TableSpec>& tables() {
  static const std::vector<TableSpec> kAll = {
      {"regions", "regions", {{"name", "name"}, {"parent", "parent"}}, {"level"}},
      // Reps are keyed by schema v6's employee_no: without that column they cannot be imported.
      {"reps",
       "reps",
       {{"employee_no", "employee_no"},
        {"name", "name"},
        {"region", "region"},
        {"manager", "manager"},
        {"hire_date", "hire_date"},
        {"leave_date", "leave_date"}},
       {}},
      {"customers",
       "customers",
       {{"code", "code"},
        {"name", "name"},
        {"industry", "industry"},
        {"size", "size"},
        {"region", "region"},
        {"owner_rep", "owner_rep"},
        {"created", "created"},
        {"lost_reason", "lost_reason"}},
       {}},
      {"products",
       "products",
       {{"code", "code"},
        {"name", "name"},
        {"category", "category"},
        {"launch_date", "launch_date"},
        {"list_price", "list_price"},
        {"unit_cost", "unit_cost"}},
       {}},
      {"competitors", "competitors", {{"name", "name"}}, {}},
      {"competitor_products",
       "competitor_products",
       {{"competitor", "competitor"}, {"name", "name"}, {"category", "category"}},
       {},
       2},
      {"market_stats",
       "market_stats",
       {{"month", "month"},
        {"industry", "industry"},
        {"region", "region"},
        {"category", "category"},
        {"market_size", "market_size"}},
       {},
       4,
       "rowid"},
      {"forecasts",
       "forecasts",
       {{"month", "month"}, {"rep", "rep"}, {"submitted_at", "submitted_at"}, {"value", "value"}},
       {},
       3},
      {"competitor_sales",
       "competitor_sales",
       {{"month", "month"}, {"competitor_product", "competitor_product"}, {"region", "region"}, {"amount", "amount"}},
       {},
       3,
       "rowid"},
      {"finance_months",
       "finance_months",
       {{"month", "month"},
        {"revenue", "revenue"},
        {"cost_of_sales", "cost_of_sales"},
        {"selling_expense", "selling_expense"},
        {"admin_expense", "admin_expense"},
        {"finance_expense", "finance_expense"},
        {"other_income", "other_income"}},
       {},
       1,
       "rowid"},
      {"activities",
       "activities",
       {{"rep", "rep"}, {"customer", "customer"}, {"date", "date"}, {"type", "type"}},
       {},
       4,
       "id",
       true},
      {"bids",
       "bids",
       {{"opportunity", "opportunity"},
        {"bid_date", "bid_date"},
        {"amount", "amount"},
        {"result", "result"},
        {"result_date", "result_date"}},
       {},
       2},
      {"payment_plans",
       "payment_plan",
       {{"contract", "contract"}, {"due_date", "due_date"}, {"amount", "amount"}},
       {"seq"},
       2,
       "rowid"},
      {"targets",
       "targets",
       {{"month", "month"},
        {"metric", "metric"},
        {"owner_kind", "owner_kind"},
        {"owner", "owner_id"},
        {"value", "value"}},
       {},
       4,
       "rowid"},
      // A payment has no number of its own: all three fields are its key (entities.cpp).
      {"payments", "payments", {{"contract", "contract"}, {"date", "date"}, {"amount", "amount"}}, {}, 3},
  };
  return kAll;
}

}  // namespace

const TableSpec* find_table(std::string_view entity) {
  for (const auto& t : tables())
    if (t.entity == entity) return &t;
  return nullptr;
}

std::vector<std::string> importable_entities() {
  std::vector<std::string> out;
  for (const auto& t : tables()) out.push_back(t.entity);
  return out;
}

std::string key_query(const std::string& entity, ImportDb& db) {
  if (entity == "reps") {
    const std::string fallback = "'E' || printf('%05d', id)";
    if (db.has_column("reps", "employee_no"))
      return "SELECT id, coalesce(nullif(employee_no, ''), " + fallback + ") FROM reps";
    return "SELECT id, " + fallback + " FROM reps";
  }
  if (entity == "opportunities") {  // no code column yet: "O" and six digits of the id, as export writes it
    if (db.has_column("opportunities", "code")) return "SELECT id, code FROM opportunities";
    return "SELECT id, 'O' || printf('%06d', id) FROM opportunities";
  }
  if (entity == "contracts") return "SELECT id, code FROM contracts";
  if (entity == "competitor_products")  // named within their maker: "远航科技 / 远航 X5"
    return "SELECT p.id, c.name || ' / ' || p.name FROM competitor_products p JOIN competitors c ON c.id = "
           "p.competitor";
  if (const TableSpec* t = find_table(entity)) return "SELECT id, " + t->columns[0].column + " FROM " + t->table;
  throw invalid_field("entity", "暂不支持按业务键引用：" + entity,
                      "References to this entity are not supported yet: " + entity);
}

}  // namespace sl::ingest
