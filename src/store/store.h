// The source of truth. Callers see only model structs and this interface: no SQL and no
// backend types leave src/store/. SQLite is the embedded default; a PostgreSQL backend
// implements the same interface (src/store/postgres/).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "model/entities.h"

namespace sl::store {

struct UserRecord {
  model::User user;
  std::string password_hash;  // libsodium Argon2id string, empty = cannot log in
};

struct SessionRecord {
  std::string token_hash;  // hex of a hash of the cookie token; the token itself is never stored
  Id user = 0;
  std::string csrf;
  int64_t created_at = 0, expires_at = 0;  // unix seconds
};

// One cell of the target grid to set. value nullopt = delete the target.
struct TargetChange {
  model::Target key;  // month, metric, owner_kind, owner_id identify the row; value ignored
  std::optional<int64_t> value;
  std::string source;  // P6: recorded in the audit row ("" typed in, "suggestion")
  // pgtests (issue 15): the cell's version the client read (0 = no target then); none = no check.
  std::optional<int64_t> version;
};

// --- pgtests (issue 15): optimistic concurrency ---
// A stored target cell with its version (bumped by every write of the cell).
struct TargetCell {
  Id owner_id = 0;
  Month month;
  int64_t value = 0, version = 0;
};

// An edit that read a version which has moved on: nothing was written (409). The handler
// answers with the current values.
inline AppError version_conflict() {
  return AppError(409, "version_conflict", "version", "该内容已被他人修改，本次保存未执行；已显示最新内容，请核对后重试",
                  "Someone else changed this in the meantime; nothing was saved. The current values are shown: "
                  "check them and try again");
}

struct AuditEntry {
  Id id = 0;
  int64_t at = 0;  // unix seconds
  Id user = 0;
  std::string user_login;
  std::string entity;                // "target", ...
  std::string entity_key;            // e.g. "2026-06/sales/rep/17"
  std::string old_value, new_value;  // empty = none
  std::string source;                // P6: "" typed in, "suggestion" (targets only)
};

struct AuditQuery {
  std::string entity;      // empty = any
  std::string key_prefix;  // empty = any
  int limit = 100;
};

// The analysed data set: what the Snapshot is built from, and the writes to it.
class DataStore {
 public:
  virtual ~DataStore() = default;

  // Bumped by every committed write; the snapshot publisher compares it.
  virtual int64_t data_version() = 0;

  // Bulk load (demo, import): all rows of the data set in one transaction, ids kept.
  virtual void write_dataset(const model::Dataset& d) = 0;
  // Every row of every entity, for the snapshot loader and for dumps.
  virtual model::Dataset load_dataset() = 0;
  virtual std::vector<model::Target> load_targets() = 0;
  virtual std::vector<model::Region> load_regions() = 0;
  virtual std::vector<model::Rep> load_reps() = 0;

  // Targets: all changes and their audit rows in one transaction, or none of them.
  virtual void save_targets(const std::vector<TargetChange>& changes, Id user, int64_t at) = 0;
  // pgtests (issue 15): the stored cells of a year's grid (one metric, one owner kind), with
  // their versions. save_targets throws version_conflict() when a change's version is not the
  // cell's (every change is checked in its transaction; nothing is written then).
  virtual std::vector<TargetCell> target_cells(int year, model::TargetMetric metric, model::OwnerKind owner) = 0;

  // --- Contract detail ---
  // One contract with its lines, plan (by due date) and payments (by date), the customer's
  // name and each line's product name and category. nullopt when there is no such contract.
  struct ContractDetail {
    model::Contract contract;
    std::vector<model::Payment> payments;
    std::string customer_name;
    std::vector<std::string> product_names, product_categories;  // by line
  };
  virtual std::optional<ContractDetail> find_contract(Id id) = 0;

  // --- Contract entry ---
  // New contracts with their lines and payment plans, one audit row each (entity
  // "contract"), in one transaction; ids are assigned here (above every id in the table)
  // and returned in input order. A code already taken is AppError 422 on field "code" and
  // nothing is written.
  virtual std::vector<Id> add_contracts(const std::vector<model::Contract>& cs, Id user, int64_t at) = 0;

  // --- P5 forecast submission (填报) ---
  // One submission, kept beside the earlier ones (the lock rule picks the one that counts),
  // with its audit row (entity "forecast", key "YYYY-MM/rep/ID", old = the rep's previous
  // latest value for the month) in one transaction. The id is assigned here (above every id)
  // and returned. An unknown rep is AppError 422 on field "rep", a negative value on "value".
  virtual Id add_forecast(const model::Forecast& f, Id user, int64_t at) = 0;

  // --- Payment entry (回款登记) ---
  // A payment against a contract with its audit row (entity "payment"), in one transaction
  // that checks it against the contract as stored (model/payment_rules.h: not before the
  // signing date, at most what is open — the contract's amount less its payments). The id
  // is assigned here (above every payment id) and returned. No such contract: 404 not_found.
  virtual Id add_payment(const model::Payment& p, Id user, int64_t at) = 0;

  // --- Opportunity upkeep (商机维护) ---
  // A new opportunity with its first stage event (its stage on its created day) and an audit
  // row (entity "opportunity"), in one transaction; the id is assigned here and returned. An
  // empty code becomes "O" and six digits of the id; a code already taken is 422 "code".
  virtual Id add_opportunity(const model::Opportunity& o, Id user, int64_t at) = 0;
  // A stage move checked against the stored opportunity in the transaction
  // (model::check_move): the stage set, one stage event on `on`, closed and lost_reason set
  // when it ends, and an audit row. No such opportunity: 404 not_found.
  virtual void move_opportunity(Id id, model::Stage to, Date on, const std::string& lost_reason, Date today, Id user,
                                int64_t at) = 0;

  // --- opps: 商机维护 drawer and 合同录入 product picker ---
  // One opportunity as stored, with its stage history in (date, seq) order and its lost
  // reason; nullopt when there is no such opportunity.
  virtual std::optional<model::Opportunity> find_opportunity(Id id) = 0;
  // Every product (a small table), by id: the picker shows list price and unit cost.
  virtual std::vector<model::Product> list_products() = 0;
};

// Users, sessions and the login throttle's counters (src/auth/ needs only this).
class UserStore {
 public:
  virtual ~UserStore() = default;

  // Users. add_user returns the new id; throws AppError 422 (field "login") if taken.
  virtual Id add_user(const model::User& u, const std::string& password_hash) = 0;
  virtual std::optional<UserRecord> find_user_by_login(const std::string& login) = 0;
  virtual std::optional<UserRecord> find_user(Id id) = 0;
  virtual std::vector<model::User> list_users() = 0;
  // Logins are unique and looked up ignoring case (model/keys.h).
  // Sets the hash and ends every session of the user in one transaction; false when no such login.
  virtual bool set_password(const std::string& login, const std::string& password_hash) = 0;

  // Sessions.
  virtual void create_session(const SessionRecord& s) = 0;
  virtual std::optional<SessionRecord> find_session(const std::string& token_hash) = 0;
  virtual void delete_session(const std::string& token_hash) = 0;
  virtual void delete_expired_sessions(int64_t now) = 0;

  // Failed logins by throttle key (auth/throttle.h), shared by every server process on the
  // database. Not data: they do not bump data_version.
  struct FailureCount {
    int count = 0;
    int64_t first = 0, last = 0;  // unix seconds of the oldest and newest counted failure
  };
  // The failures of `key` at or after `since`.
  virtual FailureCount login_failures(const std::string& key, int64_t since) = 0;
  // Records one; failures of any key before `forget_before` are dropped on the way.
  virtual void add_login_failure(const std::string& key, int64_t at, int64_t forget_before) = 0;
  virtual void clear_login_failures(const std::string& key) = 0;
  // Ends every session of a user (a changed password, a disabled account).
  virtual void delete_user_sessions(Id user) = 0;

  // --- users (issue 14: user administration) ---
  // Each write is one transaction with its audit row (entity "user", key the id, old/new
  // JSON of the user's fields, never the password hash).
  // add_user with its audit row; `by` is the admin who created the user.
  virtual Id create_user(const model::User& u, const std::string& password_hash, Id by, int64_t at) = 0;
  // Every field but login and id (display_name, role, region, rep, lang, active, email,
  // wecom_id, dingtalk_id). Ends the user's sessions in the same transaction when they are
  // deactivated or their role, region or rep changes. 409 "last_admin" when it would leave no
  // active admin. false when there is no such user (nothing written).
  virtual bool update_user(const model::User& u, Id by, int64_t at) = 0;
  // set_password by id, audited (new_value {"password":"reset"}), sessions ended. false: no such user.
  virtual bool reset_password(Id user, const std::string& password_hash, Id by, int64_t at) = 0;
};

// The audit trail every write leaves (entity, key, old and new value).
class AuditStore {
 public:
  virtual ~AuditStore() = default;

  virtual std::vector<AuditEntry> audit_log(const AuditQuery& q) = 0;
};

// A1 meetings.
class MeetingStore {
 public:
  virtual ~MeetingStore() = default;

  // --- A1 meetings ---
  // Meetings, resolutions (会议必决), action items (决后必办), carry-over (遗留问题), agenda
  // items and metric-goal checks. Every write is one transaction with its audit rows
  // (entity meeting / meeting_series / resolution / action_item / carry_over / agenda_item).
  struct CarryOver {
    Id meeting = 0, resolution = 0;
    model::ResolutionStatus status_before = model::ResolutionStatus::open;  // when the meeting opened
    std::string update;                                 // the status update given in this meeting ("" = none yet)
    std::optional<model::ResolutionStatus> status_set;  // chosen with the update (none = unchanged)
    Id updated_by = 0;
    int64_t updated_at = 0;
  };
  struct ActionLog {
    Id id = 0, action_item = 0, user = 0;
    int64_t at = 0;
    std::string text;
  };
  struct AgendaItem {
    Id id = 0, meeting = 0;
    std::string title;
    std::string source, source_key, figures;  // "d2"/"c4", the anomaly key, its figures as JSON
    Id resolution = 0;                        // the resolution made from this item, 0 = none yet
    Id created_by = 0;
    int64_t created_at = 0;
  };
  struct GoalCheck {
    Id resolution = 0;
    Date as_of;  // the due date the goal was measured at
    int64_t evaluated_at = 0;
    std::optional<double> measured;  // nullopt: undefined (e.g. a rate with no sales)
    bool met = false;
  };
  struct MeetingBook {
    std::vector<model::MeetingSeries> series;
    std::vector<model::Meeting> meetings;
    std::vector<model::Resolution> resolutions;
    std::vector<model::ActionItem> action_items;
    std::vector<ActionLog> action_log;
    std::vector<CarryOver> carry_overs;
    std::vector<AgendaItem> agenda;
    std::vector<GoalCheck> goal_checks;
  };
  virtual MeetingBook load_meeting_book() = 0;
  virtual Id add_meeting_series(const model::MeetingSeries& s, Id user, int64_t at) = 0;
  virtual Id add_meeting(const model::Meeting& m, Id user, int64_t at) = 0;
  // Date, chair, attendees, agenda, minutes. 422 (field "status") when the meeting is closed.
  virtual void update_meeting(const model::Meeting& m, Id user, int64_t at) = 0;
  // planned → open, adding one carry-over row per given resolution (existing rows are kept).
  virtual void open_meeting(Id meeting, const std::vector<Id>& carry_over, Id user, int64_t at) = 0;
  // open → closed; 409 "carryover_pending" while a carry-over row has no update.
  virtual void close_meeting(Id meeting, Id user, int64_t at) = 0;
  // agenda_item != 0 links the item to the new resolution (the anomaly link).
  virtual Id add_resolution(const model::Resolution& r, Id agenda_item, Id user, int64_t at) = 0;
  // Every field; a changed goal drops its previous check.
  virtual void update_resolution(const model::Resolution& r, Id user, int64_t at) = 0;
  virtual Id add_action_item(const model::ActionItem& a, Id user, int64_t at) = 0;
  // Status/due date/owner/title, plus a progress-log line (note, or a generated one).
  virtual void update_action_item(const model::ActionItem& a, const std::string& note, Id user, int64_t at) = 0;
  virtual void add_action_log(Id action_item, const std::string& text, Id user, int64_t at) = 0;
  // The carry-over's update in an open meeting; a given status is also set on the
  // resolution (closed_date = today when it closes it, model::resolution_closed).
  virtual void update_carry_over(Id meeting, Id resolution, const std::string& text,
                                 std::optional<model::ResolutionStatus> status, Date today, Id user, int64_t at) = 0;
  virtual Id add_agenda_item(const AgendaItem& a, Id user, int64_t at) = 0;
  virtual void record_goal_checks(const std::vector<GoalCheck>& checks) = 0;
  // Demo only: chair, attendees and owners of the data set's meetings (user ids).
  virtual void set_meeting_people(const model::Dataset& d) = 0;
};

// D2 anomaly acknowledgements.
class AnomalyAckStore {
 public:
  virtual ~AnomalyAckStore() = default;

  // --- D2 anomaly acknowledgements ---
  // An anomaly (region|rep, metric, month, rules that fired) acknowledged with a comment;
  // the row and its audit_log row (entity "anomaly_ack") are written in one transaction.
  struct AnomalyAck {
    Id id = 0;
    std::string unit;  // "region" | "rep"
    Id unit_id = 0;
    std::string metric, month, rule;  // "sales", "2026-05", "yoy+z"
    Id user = 0;
    std::string user_login;  // filled when read
    int64_t at = 0;
    std::string comment;
  };
  virtual Id add_anomaly_ack(const AnomalyAck& a) = 0;
  // Acknowledgements of months [from, to] ("YYYY-MM"), oldest first.
  virtual std::vector<AnomalyAck> anomaly_acks(const std::string& from, const std::string& to) = 0;

  // --- C4 product warning acknowledgements ---
  // A warning (product|category, rule, period, the scope it was seen in) acknowledged with a
  // comment; the row and its audit_log row (entity "product_warning_ack") in one transaction.
  struct ProductWarningAck {
    Id id = 0;
    std::string key;     // "product:12/yoy_decline/2026-Q2"
    std::string scope;   // "company" | "region:ID" | "rep:ID"
    std::string period;  // "2026-Q2"
    Id user = 0;
    std::string user_login;  // filled when read
    int64_t at = 0;
    std::string comment;
  };
  virtual Id add_product_warning_ack(const ProductWarningAck& a) = 0;
  // Acknowledgements of one period in one scope, oldest first.
  virtual std::vector<ProductWarningAck> product_warning_acks(const std::string& period, const std::string& scope) = 0;
};

// --- push (issue 14): channel settings, subscriptions, the delivery outbox, notices ---
// Not data: none of these bump data_version.
class PushStore {
 public:
  virtual ~PushStore() = default;

  // Named settings (the channel settings as JSON, retry limits, days files are kept); "" = unset.
  virtual std::string push_setting(const std::string& key) = 0;
  virtual void set_push_setting(const std::string& key, const std::string& value, Id user, int64_t at) = 0;

  struct Subscription {
    Id id = 0, owner = 0;
    std::string page;        // "do/progress"
    std::string params;      // JSON object of the page's query parameters
    std::string schedule;    // preset or cron (jobs/schedule.h)
    std::string recipients;  // JSON {"users":[…],"roles":[…],"region_managers":[…]}
    std::string channels;    // JSON ["email","wecom","dingtalk","webhook"]
    std::string formats;     // JSON ["xlsx","pdf"]
    std::string condition;   // JSON {"metric","op","value"} or "" = always
    bool enabled = true;
    std::string last_run_key;  // the scheduled run last claimed ("2026-06-15 08:30")
    int64_t created_at = 0;
  };
  virtual Id add_subscription(const Subscription& s) = 0;
  virtual std::vector<Subscription> subscriptions() = 0;
  virtual std::optional<Subscription> find_subscription(Id id) = 0;
  virtual void update_subscription(const Subscription& s) = 0;  // every field but owner, last_run_key
  virtual bool delete_subscription(Id id) = 0;

  struct DeliveryFile {
    std::string name, mime;  // "body.html", "report.xlsx"
    std::string data;
  };
  struct Delivery {
    Id id = 0, subscription = 0, recipient = 0;
    std::string channel, address;
    std::string idem_key;  // unique: one delivery per (run, recipient, channel)
    std::string subject, message_id;
    int attempts = 0;
    std::string state = "queued";  // queued → sending → sent | failed
    std::string last_error;
    int64_t next_attempt_at = 0, created_at = 0, sent_at = 0;
    std::string claimed_by;
    int64_t claimed_at = 0;
    std::vector<DeliveryFile> files;  // written with the row; read only by delivery_files
  };
  // Claims the run `run_key` of a subscription (a row update: only when its last_run_key differs;
  // subscription 0 = no claim) and writes the deliveries with their files in the same
  // transaction. false when another process claimed the run first: nothing is written. A
  // delivery whose idem_key exists already is skipped.
  virtual bool claim_run(Id subscription, const std::string& run_key, const std::vector<Delivery>& ds) = 0;
  // Marks up to `limit` due rows (queued with next_attempt_at ≤ now, or sending claimed before
  // stale_before) sending for `worker` by one row update, attempts + 1, and returns them.
  virtual std::vector<Delivery> claim_deliveries(const std::string& worker, int64_t now, int64_t stale_before,
                                                 int limit) = 0;
  // The worker's outcome, only while the row is still its claim: sent, or back to queued at
  // next_attempt_at, or failed (next_attempt_at 0). false when the claim was lost.
  virtual bool finish_delivery(Id id, const std::string& worker, const std::string& state, const std::string& error,
                               int64_t next_attempt_at, int64_t at) = 0;
  virtual std::vector<DeliveryFile> delivery_files(Id id) = 0;
  struct DeliveryQuery {
    Id recipient = 0;   // 0 = everyone's
    std::string state;  // "" = any
    int limit = 50, offset = 0;
  };
  struct DeliveryPage {
    std::vector<Delivery> rows;  // newest first, without files
    int64_t total = 0;
  };
  virtual DeliveryPage deliveries(const DeliveryQuery& q) = 0;
  virtual std::optional<Delivery> find_delivery(Id id) = 0;
  // Drops the stored files of deliveries created before `before` (the rows stay).
  virtual void forget_delivery_files(int64_t before) = 0;

  struct Notice {
    Id id = 0, user = 0;
    int64_t at = 0;
    std::string text_zh, text_en, link;
  };
  virtual void add_notice(const Notice& n) = 0;
  virtual std::vector<Notice> notices(Id user) = 0;  // newest first
};

// --- alerts (issue 14, task alerts): rules, the alerts they open, their marks ---
// Not data: none of these bump data_version.
class AlertStore {
 public:
  virtual ~AlertStore() = default;

  struct AlertRule {
    Id id = 0, owner = 0;
    std::string name;
    std::string kind;      // "threshold" | "anomaly"
    std::string metric;    // threshold: a catalogue metric (jobs/alerts/catalogue.h); anomaly: "d2" | "c4"
    std::string scope;     // "company" | "region:ID" | "rep:ID"
    std::string filters;   // JSON object of the metric's page parameters ("" = none)
    std::string op;        // threshold: "<" "<=" ">" ">="
    double value = 0;      // threshold: in the metric's unit (ratios as fractions, counts as counts)
    std::string severity;  // anomaly: the lowest severity that alerts ("medium" | "high")
    std::string channels;  // JSON ["email","wecom","dingtalk"] beyond in-app
    bool enabled = true;
    int64_t created_at = 0, updated_at = 0;
  };
  virtual Id add_alert_rule(const AlertRule& r) = 0;
  virtual std::vector<AlertRule> alert_rules(Id owner) = 0;  // 0 = everyone's; by id
  virtual std::optional<AlertRule> find_alert_rule(Id id) = 0;
  virtual void update_alert_rule(const AlertRule& r) = 0;  // every field but owner, created_at
  virtual bool delete_alert_rule(Id id) = 0;                // and its alerts

  struct Alert {
    Id id = 0, rule = 0, owner = 0;
    std::string key;    // what breached: "region:3/2026-06" (threshold) or the anomaly's key
    std::string state;  // "open" | "closed"
    std::string title_zh, title_en;
    std::optional<double> measured;  // threshold: the metric's value when opened
    double threshold = 0;
    std::string link;     // the page path with the filters that show it: "/do/progress?period=…"
    std::string figures;  // JSON object of what the rule saw
    int64_t opened_at = 0, closed_at = 0, read_at = 0, acked_at = 0;
    std::string snoozed_until;  // "YYYY-MM-DD" or ""
    Id agenda_item = 0, meeting = 0;
  };
  // Opens an alert unless the rule has one open for the key, and writes the deliveries in the
  // same transaction; nullopt (nothing written) when one is open already.
  virtual std::optional<Id> open_alert(const Alert& a, const std::vector<PushStore::Delivery>& ds) = 0;
  virtual void close_alert(Id id, int64_t at) = 0;
  virtual std::vector<Alert> rule_alerts(Id rule) = 0;  // every state, oldest first
  virtual std::optional<Alert> find_alert(Id id) = 0;
  struct AlertQuery {
    Id owner = 0;
    std::string state;  // "" = any; "open" | "closed" | "unread" | "acked" | "snoozed"
    std::string today;  // "YYYY-MM-DD": a snooze until today or later hides an alert from "unread"
    int limit = 50, offset = 0;
  };
  struct AlertPage {
    std::vector<Alert> rows;  // newest first
    int64_t total = 0, unread = 0;
  };
  virtual AlertPage alerts(const AlertQuery& q) = 0;
  // read_at, acked_at, snoozed_until, agenda_item, meeting of the alert.
  virtual void mark_alert(const Alert& a) = 0;
  virtual int64_t mark_alerts_read(Id owner, int64_t at) = 0;  // every unread one; how many
};

// The whole store: one backend implements every interface, and every method is pure, so a
// backend that forgets one does not compile. Callers take the narrowest interface they need.
class Store : public DataStore, public UserStore, public AuditStore, public MeetingStore, public AnomalyAckStore,
              public PushStore, public AlertStore {
 public:
  // Creates or upgrades the schema to the newest version; idempotent.
  virtual void migrate() = 0;
  virtual int schema_version() = 0;

  // --- Import mapping templates (issue 12, the 数据导入 page) ---
  // A named mapping of file columns to an entity's fields, saved to be reused next month.
  // Not data: saving one does not bump data_version. Its audit row is entity "import_template".
  struct ImportTemplate {
    Id id = 0;
    std::string entity, name;
    std::string mapping;  // JSON: [{"field": …, "column": …}, …]
    Id user = 0;
    std::string user_login;  // filled when read
    int64_t at = 0;
  };
  // Inserts, or replaces the mapping of the template of that entity with that name (ignoring
  // case and surrounding spaces); returns its id.
  virtual Id save_import_template(const ImportTemplate& t) = 0;
  // An entity's templates ("" = every entity's), by name.
  virtual std::vector<ImportTemplate> import_templates(const std::string& entity) = 0;
  // false when there is no such template.
  virtual bool delete_import_template(Id id, Id user, int64_t at) = 0;

  // --- Import jobs (issue 12, task import2: the 数据导入 page's imports survive a restart) ---
  // One uploaded file and its last run, kept so that the page lists past imports after a
  // restart. Not data: saving one does not bump data_version and writes no audit row (the
  // committed import writes its own, ingest/import.h).
  struct ImportJobRecord {
    Id id = 0;
    std::string name, format, sha256;
    int64_t size = 0;
    Id user = 0;
    std::string login;
    std::string entity, sheet;
    // uploaded | checking | checked | committing | committed | cancelled | failed | interrupted
    std::string state, run, phase;
    int64_t rows_read = 0, rows_checked = 0, rows_written = 0;
    std::optional<int64_t> rows, inserted, updated, unchanged, errors;  // of the last finished run
    std::string error_code, error_zh, error_en;  // why the last run stopped
    std::string report;                          // the error report's file, "" when none was kept
    int64_t uploaded_at = 0, started_at = 0, finished_at = 0;  // unix seconds, 0 = not yet
  };
  // Inserts the job (its id ignored) and returns the id it gets.
  virtual Id add_import_job(const ImportJobRecord& j) = 0;
  // Replaces the stored job of that id, or inserts it with that id when there is none (task
  // import3: the import page gives ids itself and writes jobs off the request's thread).
  virtual void save_import_job(const ImportJobRecord& j) = 0;
  // The newest `limit` jobs, newest first.
  virtual std::vector<ImportJobRecord> import_jobs(int64_t limit) = 0;
  // Jobs left checking or committing by a server that stopped: set to "interrupted" with the
  // message given, finished at `at`. Returns how many.
  virtual int64_t interrupt_import_jobs(int64_t at, const std::string& zh, const std::string& en) = 0;

  // --- Import jobs, task import4: ids from the store, a commit's outcome read from the data ---
  // n (≥ 1) fresh job ids [first, first + n), taken in one transaction from the store's
  // counter (never below an id stored): two servers on one database never get the same one.
  virtual Id reserve_import_job_ids(int64_t n) = 0;
  // Jobs left committing by a server that stopped whose import did commit (its audit row, written
  // in the data's own transaction, names the job: ingest::ImportAudit::job): set to committed,
  // finished at `at`. Run before interrupt_import_jobs, which takes the rest. Returns how many.
  virtual int64_t settle_committed_import_jobs(int64_t at) = 0;

  // --- Several app servers on one database (issue 15, task pgmulti) ---
  // A cheap round trip to the database (SELECT 1), for GET /api/v1/health: false when it
  // cannot be reached. Never throws.
  virtual bool ping() = 0;
  // Runs `job` unless another server on the same database runs the job of this `kind` now
  // (PostgreSQL: a session advisory lock held for the run, on a connection of its own);
  // returns whether it ran. SQLite: one process owns the file, so it always runs. The jobs
  // themselves skip what an earlier run recorded (goal checks, run keys, outbox claims), so
  // a job run by one server at a time runs once.
  virtual bool run_claimed(const std::string& kind, const std::function<void()>& job) = 0;
  // Watches for data versions committed by other processes (PostgreSQL: LISTEN
  // salesloop_data on a connection of its own, every data write NOTIFYing its version).
  // `changed` is called on the watcher's thread with a version another server committed,
  // and after the watch connection was lost and came back (with the current version: what
  // was missed meanwhile). The watch stops when the handle is destroyed. SQLite: nullptr
  // (one server per file; a CLI import beside it is seen by ingest::ImportWatch).
  class Watch {
   public:
    virtual ~Watch() = default;
  };
  virtual std::unique_ptr<Watch> watch_data(std::function<void(int64_t version)> changed) = 0;
};

// "path/to/file.db" or "sqlite:path" (SQLite, the file created if needed), or
// "postgresql://user@host:port/db" (PostgreSQL, issue 15); opens and migrates (store/open.cpp).
std::unique_ptr<Store> open_store(const std::string& url);
// true for a postgresql:// or postgres:// URL.
bool is_postgres_url(const std::string& url);

// Reads a database file that is mostly not in the page cache once, in file order, so that a
// following full load (a server's cold start) reads from memory. Call it before open_store:
// closing a descriptor of a file this process has open in SQLite would drop SQLite's locks.
void prefetch(const std::string& url);

}  // namespace sl::store
