// C4 product warning acknowledgements: the acknowledgement and its audit row in one transaction.
#include "core/error.h"
#include "store/sqlite/audit.h"
#include "store/sqlite/sqlite_store.h"

namespace sl::store::sqlite {

Id SqliteStore::add_product_warning_ack(const ProductWarningAck& a) {
  if (a.comment.empty() || a.comment.size() > 2000)
    throw invalid_field("comment", "请填写说明（不超过 500 字）", "Enter a comment (at most 500 characters)");
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  Stmt ins(db_, "INSERT INTO product_warning_acks(key, scope, period, user, at, comment) VALUES (?,?,?,?,?,?)");
  ins.bind(1, a.key).bind(2, a.scope).bind(3, a.period).bind_id(4, a.user).bind(5, a.at).bind(6, a.comment).run();
  Id id = sqlite3_last_insert_rowid(db_);
  write_audit(db_, {a.at, a.user, "product_warning_ack", a.key + "@" + a.scope, "", a.comment});
  tx.commit();
  return id;
}

std::vector<Store::ProductWarningAck> SqliteStore::product_warning_acks(const std::string& period,
                                                                        const std::string& scope) {
  auto rd = reader();
  Stmt q(rd.db,
         "SELECT a.id, a.key, a.scope, a.period, a.user, COALESCE(u.login, ''), a.at, a.comment"
         " FROM product_warning_acks a LEFT JOIN users u ON u.id = a.user WHERE a.period = ? AND a.scope = ? ORDER BY "
         "a.id");
  q.bind(1, period).bind(2, scope);
  std::vector<ProductWarningAck> out;
  while (q.step()) out.push_back({q.i64(0), q.text(1), q.text(2), q.text(3), q.id(4), q.text(5), q.i64(6), q.text(7)});
  return out;
}

}  // namespace sl::store::sqlite
