// D2 anomaly acknowledgements: the acknowledgement and its audit row in one transaction.
#include "core/error.h"
#include "store/sqlite/audit.h"
#include "store/sqlite/sqlite_store.h"

namespace sl::store::sqlite {

Id SqliteStore::add_anomaly_ack(const AnomalyAck& a) {
  if (a.comment.empty() || a.comment.size() > 2000)
    throw invalid_field("comment", "请填写说明（不超过 500 字）", "Enter a comment (at most 500 characters)");
  std::lock_guard lock(mu_);
  DataTx tx(db_);
  Stmt ins(db_,
           "INSERT INTO anomaly_acks(unit, unit_id, metric, month, rule, user, at, comment) VALUES (?,?,?,?,?,?,?,?)");
  ins.bind(1, a.unit).bind(2, a.unit_id).bind(3, a.metric).bind(4, a.month).bind(5, a.rule).bind_id(6, a.user);
  ins.bind(7, a.at).bind(8, a.comment).run();
  Id id = sqlite3_last_insert_rowid(db_);
  const std::string key = a.unit + ":" + std::to_string(a.unit_id) + "/" + a.metric + "/" + a.month + "/" + a.rule;
  write_audit(db_, {a.at, a.user, "anomaly_ack", key, "", a.comment});
  tx.commit();
  return id;
}

std::vector<Store::AnomalyAck> SqliteStore::anomaly_acks(const std::string& from, const std::string& to) {
  auto rd = reader();
  Stmt q(rd.db,
         "SELECT a.id, a.unit, a.unit_id, a.metric, a.month, a.rule, a.user, COALESCE(u.login, ''), a.at, a.comment"
         " FROM anomaly_acks a LEFT JOIN users u ON u.id = a.user WHERE a.month BETWEEN ? AND ? ORDER BY a.id");
  q.bind(1, from).bind(2, to);
  std::vector<AnomalyAck> out;
  while (q.step())
    out.push_back(
        {q.i64(0), q.text(1), q.i64(2), q.text(3), q.text(4), q.text(5), q.id(6), q.text(7), q.i64(8), q.text(9)});
  return out;
}

}  // namespace sl::store::sqlite
