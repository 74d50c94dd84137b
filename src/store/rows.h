// Row → model mappings written once for every backend. A backend's row type (sqlite::Stmt,
// pg::Row, pg::CopyRow) has the same column accessors — i64, f64, text, id, date, opt_date,
// is_null, 0-based — so each reader is a template on it; the column lists are plain SQL that
// both dialects accept. Append the WHERE / ORDER BY to a "SELECT … FROM t " constant.
#pragma once
#include <string>

#include "store/codes.h"
#include "store/store.h"

namespace sl::store::rows {

// --- users -------------------------------------------------------------------------------

inline constexpr const char* kUserCols =
    "SELECT id, login, display_name, role, region, rep, lang, active, password_hash, email, wecom_id, dingtalk_id"
    " FROM users ";

template <class R>
UserRecord read_user(const R& q) {
  UserRecord r;
  r.user.id = q.i64(0);
  r.user.login = q.text(1);
  r.user.display_name = q.text(2);
  r.user.role = model::parse_role(q.text(3)).value_or(model::Role::rep);
  r.user.region = q.id(4);
  r.user.rep = q.id(5);
  r.user.lang = q.text(6);
  r.user.active = q.i64(7) != 0;
  r.password_hash = q.text(8);
  r.user.email = q.text(9);
  r.user.wecom_id = q.text(10);
  r.user.dingtalk_id = q.text(11);
  return r;
}

// The audited fields of a user as compact JSON, byte for byte what SQLite's json_object writes
// (store/user_audit.cpp; the audit texts are compared in tests): no password hash.
std::string user_audit_json(const model::User& u);

// --- opportunities (the stage history is read separately) ---------------------------------

inline constexpr const char* kOpportunityCols =
    "SELECT id, customer, rep, category, amount, created, expected_close, stage, closed, lost_reason, code"
    " FROM opportunities ";

template <class R>
model::Opportunity read_opportunity(const R& q) {
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

// --- push: the outbox and subscriptions (column lists without SELECT/FROM) -----------------

inline constexpr const char* kDeliveryCols =
    "id, COALESCE(subscription, 0), COALESCE(recipient, 0), channel, address, idem_key, subject, message_id, attempts,"
    " state, last_error, next_attempt_at, created_at, sent_at, claimed_by, claimed_at";

template <class R>
PushStore::Delivery read_delivery(const R& q) {
  PushStore::Delivery d;
  d.id = q.i64(0);
  d.subscription = q.i64(1);
  d.recipient = q.i64(2);
  d.channel = q.text(3);
  d.address = q.text(4);
  d.idem_key = q.text(5);
  d.subject = q.text(6);
  d.message_id = q.text(7);
  d.attempts = static_cast<int>(q.i64(8));
  d.state = q.text(9);
  d.last_error = q.text(10);
  d.next_attempt_at = q.i64(11);
  d.created_at = q.i64(12);
  d.sent_at = q.i64(13);
  d.claimed_by = q.text(14);
  d.claimed_at = q.i64(15);
  return d;
}

inline constexpr const char* kSubscriptionCols =
    "id, COALESCE(owner, 0), page, params, schedule, recipients, channels, formats, condition, enabled, last_run_key,"
    " created_at";

template <class R>
PushStore::Subscription read_subscription(const R& q) {
  return {q.i64(0),  q.i64(1),  q.text(2), q.text(3),      q.text(4),  q.text(5),
          q.text(6), q.text(7), q.text(8), q.i64(9) != 0, q.text(10), q.i64(11)};
}

// --- alerts: rules and the alerts they open (column lists without SELECT/FROM) -------------

inline constexpr const char* kAlertRuleCols =
    "id, owner, name, kind, metric, scope, filters, op, value, severity, channels, enabled, created_at, updated_at";

template <class R>
AlertStore::AlertRule read_alert_rule(const R& q) {
  AlertStore::AlertRule r;
  r.id = q.i64(0);
  r.owner = q.i64(1);
  r.name = q.text(2);
  r.kind = q.text(3);
  r.metric = q.text(4);
  r.scope = q.text(5);
  r.filters = q.text(6);
  r.op = q.text(7);
  r.value = q.f64(8);
  r.severity = q.text(9);
  r.channels = q.text(10);
  r.enabled = q.i64(11) != 0;
  r.created_at = q.i64(12);
  r.updated_at = q.i64(13);
  return r;
}

inline constexpr const char* kAlertCols =
    "id, rule, owner, key, state, title_zh, title_en, measured, threshold, link, figures, opened_at, closed_at,"
    " read_at, acked_at, snoozed_until, agenda_item, meeting";

template <class R>
AlertStore::Alert read_alert(const R& q) {
  AlertStore::Alert a;
  a.id = q.i64(0);
  a.rule = q.i64(1);
  a.owner = q.i64(2);
  a.key = q.text(3);
  a.state = q.text(4);
  a.title_zh = q.text(5);
  a.title_en = q.text(6);
  if (!q.is_null(7)) a.measured = q.f64(7);
  a.threshold = q.f64(8);
  a.link = q.text(9);
  a.figures = q.text(10);
  a.opened_at = q.i64(11);
  a.closed_at = q.i64(12);
  a.read_at = q.i64(13);
  a.acked_at = q.i64(14);
  a.snoozed_until = q.text(15);
  a.agenda_item = q.i64(16);
  a.meeting = q.i64(17);
  return a;
}

}  // namespace sl::store::rows
