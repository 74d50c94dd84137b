// Reads for the 商机维护 drawer (one opportunity with its history) and the 合同录入 product
// picker (the products with their unit cost, which the Snapshot does not keep).
#include "store/rows.h"
#include "store/sqlite/sqlite_store.h"

namespace sl::store::sqlite {

std::optional<model::Opportunity> SqliteStore::find_opportunity(Id id) {
  auto rd = reader();
  Stmt q(rd.db, std::string(rows::kOpportunityCols) + "WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  model::Opportunity o = rows::read_opportunity(q);
  Stmt h(rd.db, "SELECT stage, date FROM opportunity_stage_events WHERE opportunity = ? ORDER BY date, seq");
  h.bind(1, id);
  while (h.step()) o.history.push_back({parse_stage(h.text(0)), h.date(1)});
  return o;
}

std::vector<model::Product> SqliteStore::list_products() {
  auto rd = reader();
  Stmt p(rd.db, "SELECT id, code, name, category, launch_date, list_price, unit_cost FROM products ORDER BY id");
  std::vector<model::Product> out;
  while (p.step()) out.push_back({p.i64(0), p.text(1), p.text(2), p.text(3), p.date(4), p.i64(5), p.i64(6)});
  return out;
}

}  // namespace sl::store::sqlite
