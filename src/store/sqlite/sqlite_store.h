// The SQLite implementation of Store. One connection guarded by a mutex: SQLite serialises
// writers anyway, and the snapshot engine (not the store) serves the read-heavy traffic.
// Internal to src/store/: callers use open_store() and the Store interface.
#pragma once
#include <sqlite3.h>

#include <mutex>
#include <string>

#include "store/codes.h"
#include "store/sqlite/stmt.h"
#include "store/store.h"

namespace sl::store::sqlite {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const std::string& path);
  ~SqliteStore() override;

  void migrate() override;
  int schema_version() override;
  int64_t data_version() override;

  void write_dataset(const model::Dataset& d) override;  // dataset_write.cpp
  model::Dataset load_dataset() override;                // dataset_load.cpp
  std::vector<model::Target> load_targets() override;    // dataset_load.cpp
  std::vector<model::Region> load_regions() override;    // dataset_load.cpp
  std::vector<model::Rep> load_reps() override;          // dataset_load.cpp

  Id add_user(const model::User& u, const std::string& password_hash) override;
  std::optional<UserRecord> find_user_by_login(const std::string& login) override;
  std::optional<UserRecord> find_user(Id id) override;
  std::vector<model::User> list_users() override;
  bool set_password(const std::string& login, const std::string& password_hash) override;

  void create_session(const SessionRecord& s) override;
  std::optional<SessionRecord> find_session(const std::string& token_hash) override;
  void delete_session(const std::string& token_hash) override;
  void delete_expired_sessions(int64_t now) override;
  void delete_user_sessions(Id user) override;
  Id create_user(const model::User& u, const std::string& password_hash, Id by, int64_t at) override;  // users_admin.cpp
  bool update_user(const model::User& u, Id by, int64_t at) override;                                 // users_admin.cpp
  bool reset_password(Id user, const std::string& password_hash, Id by, int64_t at) override;          // users_admin.cpp

  FailureCount login_failures(const std::string& key, int64_t since) override;  // login_failures.cpp
  void add_login_failure(const std::string& key, int64_t at, int64_t forget_before) override;
  void clear_login_failures(const std::string& key) override;

  void save_targets(const std::vector<TargetChange>& changes, Id user, int64_t at) override;  // targets.cpp
  std::vector<TargetCell> target_cells(int year, model::TargetMetric metric, model::OwnerKind owner) override;
  std::vector<AuditEntry> audit_log(const AuditQuery& q) override;                            // targets.cpp

  // --- A1 meetings --- (meetings_store.cpp, meetings_people.cpp)
  MeetingBook load_meeting_book() override;
  Id add_meeting_series(const model::MeetingSeries& s, Id user, int64_t at) override;
  Id add_meeting(const model::Meeting& m, Id user, int64_t at) override;
  void update_meeting(const model::Meeting& m, Id user, int64_t at) override;
  void open_meeting(Id meeting, const std::vector<Id>& carry_over, Id user, int64_t at) override;
  void close_meeting(Id meeting, Id user, int64_t at) override;
  Id add_resolution(const model::Resolution& r, Id agenda_item, Id user, int64_t at) override;
  void update_resolution(const model::Resolution& r, Id user, int64_t at) override;
  Id add_action_item(const model::ActionItem& a, Id user, int64_t at) override;
  void update_action_item(const model::ActionItem& a, const std::string& note, Id user, int64_t at) override;
  void add_action_log(Id action_item, const std::string& text, Id user, int64_t at) override;
  void update_carry_over(Id meeting, Id resolution, const std::string& text,
                         std::optional<model::ResolutionStatus> status, Date today, Id user, int64_t at) override;
  Id add_agenda_item(const AgendaItem& a, Id user, int64_t at) override;
  void record_goal_checks(const std::vector<GoalCheck>& checks) override;
  void set_meeting_people(const model::Dataset& d) override;

  // --- D2 anomaly acknowledgements --- (anomaly_acks.cpp)
  Id add_anomaly_ack(const AnomalyAck& a) override;
  std::vector<AnomalyAck> anomaly_acks(const std::string& from, const std::string& to) override;
  // --- C4 product warning acknowledgements --- (product_warning_acks.cpp)
  Id add_product_warning_ack(const ProductWarningAck& a) override;
  std::vector<ProductWarningAck> product_warning_acks(const std::string& period, const std::string& scope) override;

  // --- contract detail --- (dataset_load.cpp)
  std::optional<ContractDetail> find_contract(Id id) override;

  // --- contract entry --- (dataset_write.cpp)
  std::vector<Id> add_contracts(const std::vector<model::Contract>& cs, Id user, int64_t at) override;
  // --- import mapping templates --- (import_templates.cpp)
  Id save_import_template(const ImportTemplate& t) override;
  std::vector<ImportTemplate> import_templates(const std::string& entity) override;
  bool delete_import_template(Id id, Id user, int64_t at) override;

  // --- import jobs (task import2) --- (import_jobs.cpp)
  Id add_import_job(const ImportJobRecord& j) override;
  void save_import_job(const ImportJobRecord& j) override;
  std::vector<ImportJobRecord> import_jobs(int64_t limit) override;
  int64_t interrupt_import_jobs(int64_t at, const std::string& zh, const std::string& en) override;
  Id reserve_import_job_ids(int64_t n) override;                            // task import4
  int64_t settle_committed_import_jobs(int64_t at) override;                // task import4


  // Several servers on one database (issue 15, task pgmulti).
  bool ping() override;
  bool run_claimed(const std::string& kind, const std::function<void()>& job) override;
  std::unique_ptr<Watch> watch_data(std::function<void(int64_t version)> changed) override;
  Id add_forecast(const model::Forecast& f, Id user, int64_t at) override;  // forecasts.cpp
  Id add_payment(const model::Payment& p, Id user, int64_t at) override;  // payment_writes.cpp
  Id add_opportunity(const model::Opportunity& o, Id user, int64_t at) override;  // opportunity_writes.cpp
  void move_opportunity(Id id, model::Stage to, Date on, const std::string& lost_reason, Date today, Id user,
                        int64_t at) override;
  // --- opps --- (opportunity_reads.cpp)
  std::optional<model::Opportunity> find_opportunity(Id id) override;
  std::vector<model::Product> list_products() override;

  // --- push (issue 14) --- (push_store.cpp)
  std::string push_setting(const std::string& key) override;
  void set_push_setting(const std::string& key, const std::string& value, Id user, int64_t at) override;
  Id add_subscription(const Subscription& s) override;
  std::vector<Subscription> subscriptions() override;
  std::optional<Subscription> find_subscription(Id id) override;
  void update_subscription(const Subscription& s) override;
  bool delete_subscription(Id id) override;
  bool claim_run(Id subscription, const std::string& run_key, const std::vector<Delivery>& ds) override;
  std::vector<Delivery> claim_deliveries(const std::string& worker, int64_t now, int64_t stale_before,
                                         int limit) override;
  bool finish_delivery(Id id, const std::string& worker, const std::string& state, const std::string& error,
                       int64_t next_attempt_at, int64_t at) override;
  std::vector<DeliveryFile> delivery_files(Id id) override;
  DeliveryPage deliveries(const DeliveryQuery& q) override;
  std::optional<Delivery> find_delivery(Id id) override;
  void forget_delivery_files(int64_t before) override;
  void add_notice(const Notice& n) override;
  std::vector<Notice> notices(Id user) override;

  // --- alerts (issue 14) --- (alerts_store.cpp)
  Id add_alert_rule(const AlertRule& r) override;
  std::vector<AlertRule> alert_rules(Id owner) override;
  std::optional<AlertRule> find_alert_rule(Id id) override;
  void update_alert_rule(const AlertRule& r) override;
  bool delete_alert_rule(Id id) override;
  std::optional<Id> open_alert(const Alert& a, const std::vector<Delivery>& ds) override;
  void close_alert(Id id, int64_t at) override;
  std::vector<Alert> rule_alerts(Id rule) override;
  std::optional<Alert> find_alert(Id id) override;
  AlertPage alerts(const AlertQuery& q) override;
  void mark_alert(const Alert& a) override;
  int64_t mark_alerts_read(Id owner, int64_t at) override;

 private:
  // Callers hold mu_. (Writes of the data bump the shared write counter: DataTx, stmt.h.)
  int schema_version_locked();
  void ensure_unique_keys_locked();  // login_failures.cpp
  std::vector<model::Target> load_targets_locked(sqlite3* db);
  std::vector<model::Region> load_regions_locked(sqlite3* db);
  std::vector<model::Rep> load_reps_locked(sqlite3* db);
  Id insert_user_locked(const model::User& u, const std::string& password_hash);  // add_user's insert

  // Reads that answer requests use a connection of their own (rdb_ under rmu_), so a write
  // waiting out busy_timeout for a lock another process holds does not hold them up: in WAL
  // a reader runs beside a writer. An in-memory database has one connection, db_ under mu_.
  struct Reader {
    std::unique_lock<std::mutex> lock;
    sqlite3* db;
  };
  Reader reader();

  std::mutex mu_;
  sqlite3* db_ = nullptr;
  std::mutex rmu_;
  sqlite3* rdb_ = nullptr;  // nullptr for an in-memory database: reads use db_
  std::string path_;        // "" for an in-memory database (no second connection can see it)
};

// The outbox rows with their files (INSERT OR IGNORE by idem_key), in the caller's transaction
// (push_store.cpp; used by claim_run and open_alert).
void insert_deliveries(sqlite3* db, const std::vector<PushStore::Delivery>& ds);

}  // namespace sl::store::sqlite
