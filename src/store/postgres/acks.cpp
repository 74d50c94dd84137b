// D2 anomaly and C4 product warning acknowledgements on PostgreSQL, as
// store/sqlite/anomaly_acks.cpp and product_warning_acks.cpp: the row and its audit row in
// one transaction.
#include "core/error.h"
#include "store/postgres/pg_store.h"
#include "store/postgres/rows.h"

namespace sl::store::pg {

namespace {
void check_comment(const std::string& comment) {
  if (comment.empty() || comment.size() > 2000)
    throw invalid_field("comment", "请填写说明（不超过 500 字）", "Enter a comment (at most 500 characters)");
}
}  // namespace

Id PgStore::add_anomaly_ack(const AnomalyAck& a) {
  check_comment(a.comment);
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  const Id id = next_id(*c_, "anomaly_acks");
  c_->query(
      "INSERT INTO anomaly_acks(id, unit, unit_id, metric, month, rule, \"user\", at, comment)"
      " VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)",
      Params().add(id).add(a.unit).add(a.unit_id).add(a.metric).add(a.month).add(a.rule).add_id(a.user).add(a.at).add(
          a.comment));
  const std::string key = a.unit + ":" + std::to_string(a.unit_id) + "/" + a.metric + "/" + a.month + "/" + a.rule;
  write_audit(*c_, {a.at, a.user, "anomaly_ack", key, "", a.comment});
  tx.commit();
  return id;
}

std::vector<Store::AnomalyAck> PgStore::anomaly_acks(const std::string& from, const std::string& to) {
  auto rd = reader();
  Result r = rd.c.query(
      "SELECT a.id, a.unit, a.unit_id, a.metric, a.month, a.rule, a.\"user\", COALESCE(u.login, ''), a.at, a.comment"
      " FROM anomaly_acks a LEFT JOIN users u ON u.id = a.\"user\" WHERE a.month BETWEEN $1 AND $2 ORDER BY a.id",
      Params().add(from).add(to));
  std::vector<AnomalyAck> out;
  for (int i = 0; i < r.rows(); ++i) {
    Row q = r.row(i);
    out.push_back(
        {q.i64(0), q.text(1), q.i64(2), q.text(3), q.text(4), q.text(5), q.id(6), q.text(7), q.i64(8), q.text(9)});
  }
  return out;
}

Id PgStore::add_product_warning_ack(const ProductWarningAck& a) {
  check_comment(a.comment);
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  const Id id = next_id(*c_, "product_warning_acks");
  c_->query(
      "INSERT INTO product_warning_acks(id, key, scope, period, \"user\", at, comment) VALUES ($1,$2,$3,$4,$5,$6,$7)",
      Params().add(id).add(a.key).add(a.scope).add(a.period).add_id(a.user).add(a.at).add(a.comment));
  write_audit(*c_, {a.at, a.user, "product_warning_ack", a.key + "@" + a.scope, "", a.comment});
  tx.commit();
  return id;
}

std::vector<Store::ProductWarningAck> PgStore::product_warning_acks(const std::string& period,
                                                                    const std::string& scope) {
  auto rd = reader();
  Result r = rd.c.query(
      "SELECT a.id, a.key, a.scope, a.period, a.\"user\", COALESCE(u.login, ''), a.at, a.comment"
      " FROM product_warning_acks a LEFT JOIN users u ON u.id = a.\"user\" WHERE a.period = $1 AND a.scope = $2"
      " ORDER BY a.id",
      Params().add(period).add(scope));
  std::vector<ProductWarningAck> out;
  for (int i = 0; i < r.rows(); ++i) {
    Row q = r.row(i);
    out.push_back({q.i64(0), q.text(1), q.text(2), q.text(3), q.id(4), q.text(5), q.i64(6), q.text(7)});
  }
  return out;
}

}  // namespace sl::store::pg
