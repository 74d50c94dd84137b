// Push (issue 14) on PostgreSQL, as store/sqlite/push_store.cpp: claims are row updates in
// one transaction, so of several processes on one database exactly one wins a run or a
// delivery (the UPDATE takes the rows' locks; a loser's WHERE no longer matches).
#include <algorithm>

#include "store/postgres/pg_store.h"
#include "store/postgres/rows.h"
#include "store/rows.h"

namespace sl::store::pg {

// The outbox rows of a run or an alert, inside the caller's transaction; a row whose idem_key
// exists already is skipped, with its files (as sqlite::insert_deliveries).
void insert_deliveries(Conn& c, const std::vector<PushStore::Delivery>& ds) {
  for (const auto& d : ds) {
    const Id id = next_id(c, "deliveries");
    Result ins = c.query(
        "INSERT INTO deliveries(id, subscription, recipient, channel, address, idem_key, subject, message_id,"
        " state, next_attempt_at, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'queued',$9,$10)"
        " ON CONFLICT DO NOTHING RETURNING id",
        Params()
            .add(id)
            .add_id(d.subscription)
            .add_id(d.recipient)
            .add(d.channel)
            .add(d.address)
            .add(d.idem_key)
            .add(d.subject)
            .add(d.message_id)
            .add(d.next_attempt_at)
            .add(d.created_at));
    if (ins.empty()) continue;  // that idem_key exists already
    for (const auto& f : d.files)
      c.query("INSERT INTO delivery_files(delivery, name, mime, data) VALUES ($1,$2,$3,$4)",
              Params().add(id).add(f.name).add(f.mime).add_bytes(f.data));
  }
}

std::string PgStore::push_setting(const std::string& key) {
  auto rd = reader();
  Result r = rd.c.query("SELECT value FROM push_settings WHERE key = $1", Params().add(key));
  return r.empty() ? std::string() : r.row(0).text(0);
}

void PgStore::set_push_setting(const std::string& key, const std::string& value, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  Tx tx(*c_);
  c_->query("INSERT INTO push_settings(key, value) VALUES ($1, $2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            Params().add(key).add(value));
  write_audit(*c_, {at, user, "push_setting", key, "", "(changed)"});  // the value may hold secrets
  tx.commit();
}

Id PgStore::add_subscription(const Subscription& s) {
  std::lock_guard lock(mu_);
  Tx tx(*c_);
  const Id id = next_id(*c_, "subscriptions");
  c_->query(
      "INSERT INTO subscriptions(id, owner, page, params, schedule, recipients, channels, formats, condition, enabled,"
      " last_run_key, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)",
      Params()
          .add(id)
          .add_id(s.owner)
          .add(s.page)
          .add(s.params)
          .add(s.schedule)
          .add(s.recipients)
          .add(s.channels)
          .add(s.formats)
          .add(s.condition)
          .add(s.enabled ? 1 : 0)
          .add(s.last_run_key)
          .add(s.created_at));
  write_audit(*c_, {s.created_at, s.owner, "subscription", std::to_string(id), "", s.page + " " + s.schedule});
  tx.commit();
  return id;
}

std::vector<PushStore::Subscription> PgStore::subscriptions() {
  auto rd = reader();
  Result r = rd.c.query(std::string("SELECT ") + rows::kSubscriptionCols + " FROM subscriptions ORDER BY id");
  std::vector<Subscription> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(rows::read_subscription(r.row(i)));
  return out;
}

std::optional<PushStore::Subscription> PgStore::find_subscription(Id id) {
  auto rd = reader();
  Result r = rd.c.query(std::string("SELECT ") + rows::kSubscriptionCols + " FROM subscriptions WHERE id = $1", Params().add(id));
  if (r.empty()) return std::nullopt;
  return rows::read_subscription(r.row(0));
}

void PgStore::update_subscription(const Subscription& s) {
  std::lock_guard lock(mu_);
  c_->query(
      "UPDATE subscriptions SET page = $1, params = $2, schedule = $3, recipients = $4, channels = $5, formats = $6,"
      " condition = $7, enabled = $8 WHERE id = $9",
      Params()
          .add(s.page)
          .add(s.params)
          .add(s.schedule)
          .add(s.recipients)
          .add(s.channels)
          .add(s.formats)
          .add(s.condition)
          .add(s.enabled ? 1 : 0)
          .add(s.id));
}

bool PgStore::delete_subscription(Id id) {
  std::lock_guard lock(mu_);
  return c_->query("DELETE FROM subscriptions WHERE id = $1", Params().add(id)).affected() > 0;
}

bool PgStore::claim_run(Id subscription, const std::string& run_key, const std::vector<Delivery>& ds) {
  std::lock_guard lock(mu_);
  Tx tx(*c_);
  if (subscription != 0 &&
      c_->query("UPDATE subscriptions SET last_run_key = $1 WHERE id = $2 AND last_run_key <> $1",
                Params().add(run_key).add(subscription))
              .affected() == 0)
    return false;
  insert_deliveries(*c_, ds);
  tx.commit();
  return true;
}

std::vector<PushStore::Delivery> PgStore::claim_deliveries(const std::string& worker, int64_t now,
                                                           int64_t stale_before, int limit) {
  std::lock_guard lock(mu_);
  Tx tx(*c_);
  // SKIP LOCKED: rows another server is claiming at this moment are left to it.
  Result r = c_->query(
      "UPDATE deliveries SET state = 'sending', claimed_by = $1, claimed_at = $2, attempts = attempts + 1"
      " WHERE id IN (SELECT id FROM deliveries WHERE (state = 'queued' AND next_attempt_at <= $2)"
      " OR (state = 'sending' AND claimed_at < $3) ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED)"
      " RETURNING " + std::string(rows::kDeliveryCols),
      Params().add(worker).add(now).add(stale_before).add(limit));
  std::vector<Delivery> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(rows::read_delivery(r.row(i)));
  std::sort(out.begin(), out.end(), [](const Delivery& a, const Delivery& b) { return a.id < b.id; });
  tx.commit();
  return out;
}

bool PgStore::finish_delivery(Id id, const std::string& worker, const std::string& state, const std::string& error,
                              int64_t next_attempt_at, int64_t at) {
  std::lock_guard lock(mu_);
  return c_->query(
                "UPDATE deliveries SET state = $1, last_error = $2, next_attempt_at = $3, claimed_by = '',"
                " sent_at = CASE WHEN $1 = 'sent' THEN $4 ELSE sent_at END"
                " WHERE id = $5 AND state = 'sending' AND claimed_by = $6",
                Params().add(state).add(error).add(next_attempt_at).add(at).add(id).add(worker))
             .affected() > 0;
}

std::vector<PushStore::DeliveryFile> PgStore::delivery_files(Id id) {
  auto rd = reader();
  // ctid: the order the files were written in (one INSERT each, never updated).
  Result r = rd.c.query("SELECT name, mime, data FROM delivery_files WHERE delivery = $1 ORDER BY ctid", Params().add(id));
  std::vector<DeliveryFile> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back({r.row(i).text(0), r.row(i).text(1), r.row(i).bytes(2)});
  return out;
}

PushStore::DeliveryPage PgStore::deliveries(const DeliveryQuery& dq) {
  auto rd = reader();
  const std::string where = " WHERE ($1::bigint = 0 OR recipient = $1) AND ($2::text = '' OR state = $2)";
  DeliveryPage page;
  page.total = rd.c.scalar("SELECT count(*) FROM deliveries" + where, Params().add(dq.recipient).add(dq.state));
  Result r = rd.c.query(std::string("SELECT ") + rows::kDeliveryCols + " FROM deliveries" + where +
                            " ORDER BY id DESC LIMIT $3 OFFSET $4",
                        Params().add(dq.recipient).add(dq.state).add(dq.limit).add(dq.offset));
  for (int i = 0; i < r.rows(); ++i) page.rows.push_back(rows::read_delivery(r.row(i)));
  return page;
}

std::optional<PushStore::Delivery> PgStore::find_delivery(Id id) {
  auto rd = reader();
  Result r = rd.c.query(std::string("SELECT ") + rows::kDeliveryCols + " FROM deliveries WHERE id = $1", Params().add(id));
  if (r.empty()) return std::nullopt;
  return rows::read_delivery(r.row(0));
}

void PgStore::forget_delivery_files(int64_t before) {
  std::lock_guard lock(mu_);
  c_->query("DELETE FROM delivery_files WHERE delivery IN (SELECT id FROM deliveries WHERE created_at < $1)",
            Params().add(before));
}

void PgStore::add_notice(const Notice& n) {
  std::lock_guard lock(mu_);
  Tx tx(*c_);
  const Id id = next_id(*c_, "notices");
  c_->query("INSERT INTO notices(id, \"user\", at, text_zh, text_en, link) VALUES ($1,$2,$3,$4,$5,$6)",
            Params().add(id).add_id(n.user).add(n.at).add(n.text_zh).add(n.text_en).add(n.link));
  tx.commit();
}

std::vector<PushStore::Notice> PgStore::notices(Id user) {
  auto rd = reader();
  Result r = rd.c.query(
      "SELECT id, COALESCE(\"user\", 0), at, text_zh, text_en, link FROM notices WHERE \"user\" = $1"
      " ORDER BY id DESC LIMIT 100",
      Params().add(user));
  std::vector<Notice> out;
  for (int i = 0; i < r.rows(); ++i) {
    Row q = r.row(i);
    out.push_back({q.i64(0), q.i64(1), q.i64(2), q.text(3), q.text(4), q.text(5)});
  }
  return out;
}

}  // namespace sl::store::pg
