// Reads for the 商机维护 drawer (one opportunity with its history) and the 合同录入 product
// picker (the products with their unit cost, which the Snapshot does not keep).
#include "store/sqlite/opportunity_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace sl::store::sqlite {

const char* const kOpportunityCols =
    "SELECT id, customer, rep, category, amount, created, expected_close, stage, closed, lost_reason, code"
    " FROM opportunities ";

model::Opportunity read_opportunity(const Stmt& q) {
  model::Opportunity o;
  o.id = q.i64(0);
  o.customer = q.id(1);
  o.rep = q.id(2);
  o.category = q.text(3);
  o.amount = q.i64(4);
  o.created = q.date(5);
  o.expected_close = q.date(6);
  o.stage = parse_stage(q.text(7));
  o.closed = q.opt_date(8);
  o.lost_reason = q.text(9);
  o.code = q.text(10);
  return o;
}

std::optional<model::Opportunity> SqliteStore::find_opportunity(Id id) {
  auto rd = reader();
  Stmt q(rd.db, std::string(kOpportunityCols) + "WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  model::Opportunity o = read_opportunity(q);
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
