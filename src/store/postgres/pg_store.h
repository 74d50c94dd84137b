// The PostgreSQL implementation of Store (libpq). A writer connection and a reader
// connection, each under its own mutex, as SqliteStore has: a write waiting on a lock does
// not hold up request reads. The Snapshot load opens connections of its own and reads with
// binary COPY. Internal to src/store/: callers use open_store() and the Store interface.
#pragma once
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "store/postgres/conn.h"
#include "store/store.h"

namespace sl::store::pg {

class PgStore final : public Store {
 public:
  explicit PgStore(const std::string& url);
  ~PgStore() override;

  void migrate() override;
  int schema_version() override;
  int64_t data_version() override;

  void write_dataset(const model::Dataset& d) override;
  model::Dataset load_dataset() override;
  std::vector<model::Target> load_targets() override;
  std::vector<model::Region> load_regions() override;
  std::vector<model::Rep> load_reps() override;

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
  Id create_user(const model::User& u, const std::string& password_hash, Id by, int64_t at) override;
  bool update_user(const model::User& u, Id by, int64_t at) override;
  bool reset_password(Id user, const std::string& password_hash, Id by, int64_t at) override;

  FailureCount login_failures(const std::string& key, int64_t since) override;
  void add_login_failure(const std::string& key, int64_t at, int64_t forget_before) override;
  void clear_login_failures(const std::string& key) override;

  void save_targets(const std::vector<TargetChange>& changes, Id user, int64_t at) override;
  std::vector<TargetCell> target_cells(int year, model::TargetMetric metric, model::OwnerKind owner) override;
  std::vector<AuditEntry> audit_log(const AuditQuery& q) override;
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
  Id add_anomaly_ack(const AnomalyAck& a) override;
  std::vector<AnomalyAck> anomaly_acks(const std::string& from, const std::string& to) override;
  Id add_product_warning_ack(const ProductWarningAck& a) override;
  std::vector<ProductWarningAck> product_warning_acks(const std::string& period, const std::string& scope) override;
  std::optional<ContractDetail> find_contract(Id id) override;
  std::vector<Id> add_contracts(const std::vector<model::Contract>& cs, Id user, int64_t at) override;
  Id save_import_template(const ImportTemplate& t) override;
  std::vector<ImportTemplate> import_templates(const std::string& entity) override;
  bool delete_import_template(Id id, Id user, int64_t at) override;
  Id add_import_job(const ImportJobRecord& j) override;
  void save_import_job(const ImportJobRecord& j) override;
  std::vector<ImportJobRecord> import_jobs(int64_t limit) override;
  int64_t interrupt_import_jobs(int64_t at, const std::string& zh, const std::string& en) override;
  Id reserve_import_job_ids(int64_t n) override;              // task import4
  int64_t settle_committed_import_jobs(int64_t at) override;  // task import4


  // Several servers on one database (issue 15, task pgmulti).
  bool ping() override;
  bool run_claimed(const std::string& kind, const std::function<void()>& job) override;
  std::unique_ptr<Watch> watch_data(std::function<void(int64_t version)> changed) override;
  Id add_forecast(const model::Forecast& f, Id user, int64_t at) override;
  Id add_payment(const model::Payment& p, Id user, int64_t at) override;
  Id add_opportunity(const model::Opportunity& o, Id user, int64_t at) override;
  void move_opportunity(Id id, model::Stage to, Date on, const std::string& lost_reason, Date today, Id user,
                        int64_t at) override;
  std::optional<model::Opportunity> find_opportunity(Id id) override;
  std::vector<model::Product> list_products() override;
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
  struct Reader {
    std::unique_lock<std::mutex> lock;
    Conn& c;
  };
  Reader reader() { return Reader{std::unique_lock(rmu_), *rc_}; }
  int schema_version_locked();
  void ensure_unique_keys_locked();
  Id insert_user_locked(const model::User& u, const std::string& password_hash);

  // While PostgreSQL is away (issue 15, servers.cpp): what the reads that answer every
  // request last found — the data version, sessions and users confirmed in the last
  // kSeenFor seconds — so logged-in users keep reading from the Snapshot. Used only when the
  // database cannot be reached; every read that reaches it refreshes them.
  static constexpr int64_t kSeenFor = 900;
  void saw_session(const SessionRecord& s);
  void saw_user(const UserRecord& u);
  void forget_sessions(const std::string& token_hash, Id user);  // "" / 0: not that one
  std::optional<SessionRecord> seen_session(const std::string& token_hash);
  std::optional<UserRecord> seen_user(Id id);
  std::mutex seen_mu_;
  std::unordered_map<std::string, std::pair<SessionRecord, int64_t>> seen_sessions_;  // → confirmed at
  std::unordered_map<Id, std::pair<UserRecord, int64_t>> seen_users_;
  std::atomic<int64_t> seen_version_{0};

  std::string url_;
  std::mutex jmu_;  // the job-claim connection (advisory locks), opened on first use
  std::unique_ptr<Conn> jc_;
  std::mutex mu_;  // the writer connection
  std::unique_ptr<Conn> c_;
  std::mutex rmu_;  // the reader connection
  std::unique_ptr<Conn> rc_;
};

}  // namespace sl::store::pg
