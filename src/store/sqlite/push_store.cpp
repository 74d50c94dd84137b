// Push (issue 14, store.h block "push"): settings, subscriptions, the delivery outbox and
// notices. Claims are row updates inside BEGIN IMMEDIATE, so of several processes on one
// database exactly one wins a run or a delivery.
#include "store/rows.h"
#include "store/sqlite/audit.h"
#include "store/sqlite/sqlite_store.h"

namespace sl::store::sqlite {

std::string SqliteStore::push_setting(const std::string& key) {
  auto rd = reader();
  Stmt q(rd.db, "SELECT value FROM push_settings WHERE key = ?");
  q.bind(1, key);
  return q.step() ? q.text(0) : std::string();
}

void SqliteStore::set_push_setting(const std::string& key, const std::string& value, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  Stmt up(db_, "INSERT INTO push_settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  up.bind(1, key).bind(2, value).run();
  write_audit(db_, {at, user, "push_setting", key, "", "(changed)"});  // the value may hold secrets
  tx.commit();
}

Id SqliteStore::add_subscription(const Subscription& s) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  Stmt ins(db_,
           "INSERT INTO subscriptions(owner, page, params, schedule, recipients, channels, formats, condition, enabled,"
           " last_run_key, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  ins.bind_id(1, s.owner).bind(2, s.page).bind(3, s.params).bind(4, s.schedule).bind(5, s.recipients);
  ins.bind(6, s.channels).bind(7, s.formats).bind(8, s.condition).bind(9, s.enabled ? 1 : 0);
  ins.bind(10, s.last_run_key).bind(11, s.created_at).run();
  const Id id = sqlite3_last_insert_rowid(db_);
  write_audit(db_, {s.created_at, s.owner, "subscription", std::to_string(id), "", s.page + " " + s.schedule});
  tx.commit();
  return id;
}

std::vector<PushStore::Subscription> SqliteStore::subscriptions() {
  auto rd = reader();
  Stmt q(rd.db, std::string("SELECT ") + rows::kSubscriptionCols + " FROM subscriptions ORDER BY id");
  std::vector<Subscription> out;
  while (q.step()) out.push_back(rows::read_subscription(q));
  return out;
}

std::optional<PushStore::Subscription> SqliteStore::find_subscription(Id id) {
  auto rd = reader();
  Stmt q(rd.db, std::string("SELECT ") + rows::kSubscriptionCols + " FROM subscriptions WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  auto s = rows::read_subscription(q);
  q.reset();
  return s;
}

void SqliteStore::update_subscription(const Subscription& s) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  Stmt up(db_,
          "UPDATE subscriptions SET page = ?, params = ?, schedule = ?, recipients = ?, channels = ?, formats = ?,"
          " condition = ?, enabled = ? WHERE id = ?");
  up.bind(1, s.page).bind(2, s.params).bind(3, s.schedule).bind(4, s.recipients).bind(5, s.channels);
  up.bind(6, s.formats).bind(7, s.condition).bind(8, s.enabled ? 1 : 0).bind(9, s.id).run();
  tx.commit();
}

bool SqliteStore::delete_subscription(Id id) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  Stmt del(db_, "DELETE FROM subscriptions WHERE id = ?");
  del.bind(1, id).run();
  const bool gone = sqlite3_changes(db_) > 0;
  tx.commit();
  return gone;
}

bool SqliteStore::claim_run(Id subscription, const std::string& run_key, const std::vector<Delivery>& ds) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  if (subscription != 0) {
    Stmt claim(db_, "UPDATE subscriptions SET last_run_key = ? WHERE id = ? AND last_run_key <> ?");
    claim.bind(1, run_key).bind(2, subscription).bind(3, run_key).run();
    if (sqlite3_changes(db_) == 0) return false;
  }
  insert_deliveries(db_, ds);
  tx.commit();
  return true;
}

void insert_deliveries(sqlite3* db, const std::vector<PushStore::Delivery>& ds) {
  Stmt ins(db,
           "INSERT OR IGNORE INTO deliveries(subscription, recipient, channel, address, idem_key, subject, message_id,"
           " state, next_attempt_at, created_at) VALUES (?,?,?,?,?,?,?,'queued',?,?)");
  Stmt file(db, "INSERT INTO delivery_files(delivery, name, mime, data) VALUES (?,?,?,?)");
  for (const auto& d : ds) {
    ins.bind_id(1, d.subscription).bind_id(2, d.recipient).bind(3, d.channel).bind(4, d.address);
    ins.bind(5, d.idem_key).bind(6, d.subject).bind(7, d.message_id).bind(8, d.next_attempt_at);
    ins.bind(9, d.created_at).run();
    if (sqlite3_changes(db) == 0) continue;
    const Id id = sqlite3_last_insert_rowid(db);
    for (const auto& f : d.files) file.bind(1, id).bind(2, f.name).bind(3, f.mime).bind(4, f.data).run();
  }
}

std::vector<PushStore::Delivery> SqliteStore::claim_deliveries(const std::string& worker, int64_t now,
                                                               int64_t stale_before, int limit) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  Stmt up(db_,
          "UPDATE deliveries SET state = 'sending', claimed_by = ?, claimed_at = ?, attempts = attempts + 1"
          " WHERE id IN (SELECT id FROM deliveries WHERE (state = 'queued' AND next_attempt_at <= ?)"
          " OR (state = 'sending' AND claimed_at < ?) ORDER BY id LIMIT ?)");
  up.bind(1, worker).bind(2, now).bind(3, now).bind(4, stale_before).bind(5, limit).run();
  Stmt q(db_, std::string("SELECT ") + rows::kDeliveryCols +
                  " FROM deliveries WHERE state = 'sending' AND claimed_by = ? AND claimed_at = ? ORDER BY id");
  q.bind(1, worker).bind(2, now);
  std::vector<Delivery> out;
  while (q.step()) out.push_back(rows::read_delivery(q));
  tx.commit();
  return out;
}

bool SqliteStore::finish_delivery(Id id, const std::string& worker, const std::string& state,
                                  const std::string& error, int64_t next_attempt_at, int64_t at) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  Stmt up(db_,
          "UPDATE deliveries SET state = ?, last_error = ?, next_attempt_at = ?, claimed_by = '',"
          " sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE id = ? AND state = 'sending' AND claimed_by = ?");
  up.bind(1, state).bind(2, error).bind(3, next_attempt_at).bind(4, state).bind(5, at).bind(6, id).bind(7, worker).run();
  const bool ok = sqlite3_changes(db_) > 0;
  tx.commit();
  return ok;
}

std::vector<PushStore::DeliveryFile> SqliteStore::delivery_files(Id id) {
  auto rd = reader();
  Stmt q(rd.db, "SELECT name, mime, data FROM delivery_files WHERE delivery = ? ORDER BY rowid");
  q.bind(1, id);
  std::vector<DeliveryFile> out;
  while (q.step()) out.push_back({q.text(0), q.text(1), q.text(2)});
  return out;
}

PushStore::DeliveryPage SqliteStore::deliveries(const DeliveryQuery& dq) {
  auto rd = reader();
  const char* where = " WHERE (? = 0 OR recipient = ?) AND (? = '' OR state = ?)";
  DeliveryPage page;
  Stmt n(rd.db, std::string("SELECT count(*) FROM deliveries") + where);
  n.bind(1, dq.recipient).bind(2, dq.recipient).bind(3, dq.state).bind(4, dq.state);
  if (n.step()) page.total = n.i64(0);
  n.reset();
  Stmt q(rd.db, std::string("SELECT ") + rows::kDeliveryCols + " FROM deliveries" + where + " ORDER BY id DESC LIMIT ? OFFSET ?");
  q.bind(1, dq.recipient).bind(2, dq.recipient).bind(3, dq.state).bind(4, dq.state).bind(5, dq.limit).bind(6, dq.offset);
  while (q.step()) page.rows.push_back(rows::read_delivery(q));
  return page;
}

std::optional<PushStore::Delivery> SqliteStore::find_delivery(Id id) {
  auto rd = reader();
  Stmt q(rd.db, std::string("SELECT ") + rows::kDeliveryCols + " FROM deliveries WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  auto d = rows::read_delivery(q);
  q.reset();
  return d;
}

void SqliteStore::forget_delivery_files(int64_t before) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  Stmt del(db_, "DELETE FROM delivery_files WHERE delivery IN (SELECT id FROM deliveries WHERE created_at < ?)");
  del.bind(1, before).run();
  tx.commit();
}

void SqliteStore::add_notice(const Notice& n) {
  std::lock_guard lock(mu_);
  Tx tx(db_);
  Stmt ins(db_, "INSERT INTO notices(user, at, text_zh, text_en, link) VALUES (?,?,?,?,?)");
  ins.bind_id(1, n.user).bind(2, n.at).bind(3, n.text_zh).bind(4, n.text_en).bind(5, n.link).run();
  tx.commit();
}

std::vector<PushStore::Notice> SqliteStore::notices(Id user) {
  auto rd = reader();
  Stmt q(rd.db, "SELECT id, COALESCE(user, 0), at, text_zh, text_en, link FROM notices WHERE user = ? ORDER BY id DESC LIMIT 100");
  q.bind(1, user);
  std::vector<Notice> out;
  while (q.step()) out.push_back({q.i64(0), q.i64(1), q.i64(2), q.text(3), q.text(4), q.text(5)});
  return out;
}

}  // namespace sl::store::sqlite
