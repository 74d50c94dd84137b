// 回款登记: one payment and its audit row in one transaction, checked against the contract as
// the transaction sees it, so two payments posted at once cannot both take what is open.
#include "core/error.h"
#include "model/payment_rules.h"
#include "store/sqlite/audit.h"
#include "store/sqlite/sqlite_store.h"

namespace sl::store::sqlite {

Id SqliteStore::add_payment(const model::Payment& p, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  Stmt k(db_,
         "SELECT k.signed_date, k.amount - coalesce((SELECT sum(amount) FROM payments WHERE contract = k.id), 0)"
         " FROM contracts k WHERE k.id = ?");
  k.bind(1, p.contract);
  if (!k.step()) throw not_found();
  const Date signed_date = k.date(0);
  const Money open = k.i64(1);
  k.reset();
  model::check_payment_after_signing(p.date, signed_date);
  model::check_payment_open(p.amount, open);
  Stmt top(db_, "SELECT coalesce(max(id), 0) FROM payments");
  const Id id = (top.step() ? top.i64(0) : 0) + 1;
  Stmt ins(db_, "INSERT INTO payments(id, contract, date, amount) VALUES (?,?,?,?)");
  ins.bind(1, id).bind(2, p.contract).bind(3, p.date).bind(4, p.amount).run();
  write_audit(db_, {at, user, "payment", std::to_string(id), "",
                    "contract " + std::to_string(p.contract) + " " + format_date(p.date) + " " +
                        std::to_string(p.amount)});
  tx.commit();
  return id;
}

}  // namespace sl::store::sqlite
