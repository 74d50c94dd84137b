// The SQLite implementation of Store. One connection guarded by a mutex: SQLite serialises
// writers anyway, and the snapshot engine (not the store) serves the read-heavy traffic.
// Internal to src/store/: callers use open_store() and the Store interface.
#pragma once
#include <sqlite3.h>

#include <mutex>

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

  void write_dataset(const model::Dataset& d) override;   // dataset_write.cpp
  model::Dataset load_dataset() override;                 // dataset_load.cpp
  std::vector<model::Target> load_targets() override;     // dataset_load.cpp
  std::vector<model::Region> load_regions() override;     // dataset_load.cpp
  std::vector<model::Rep> load_reps() override;           // dataset_load.cpp

  Id add_user(const model::User& u, const std::string& password_hash) override;
  std::optional<UserRecord> find_user_by_login(const std::string& login) override;
  std::optional<UserRecord> find_user(Id id) override;
  std::vector<model::User> list_users() override;
  bool set_password(const std::string& login, const std::string& password_hash) override;

  void create_session(const SessionRecord& s) override;
  std::optional<SessionRecord> find_session(const std::string& token_hash) override;
  void delete_session(const std::string& token_hash) override;
  void delete_expired_sessions(int64_t now) override;

  void save_targets(const std::vector<TargetChange>& changes, Id user, int64_t at) override;  // targets.cpp
  std::vector<AuditEntry> audit_log(const AuditQuery& q) override;                           // targets.cpp

  // --- D2 anomaly acknowledgements --- (anomaly_acks.cpp)
  Id add_anomaly_ack(const AnomalyAck& a) override;
  std::vector<AnomalyAck> anomaly_acks(const std::string& from, const std::string& to) override;

 private:
  // Callers hold mu_. Bumps the shared write counter inside the caller's transaction.
  void bump_version_locked();
  int schema_version_locked();
  std::vector<model::Target> load_targets_locked();
  std::vector<model::Region> load_regions_locked();
  std::vector<model::Rep> load_reps_locked();

  std::mutex mu_;
  sqlite3* db_ = nullptr;
};

// Text codes of the enums that have none in model/ (stored as TEXT with CHECK constraints).
const char* size_code(model::CustomerSize s);
model::CustomerSize parse_size(const std::string& s);
const char* bid_result_code(model::BidResult r);
model::BidResult parse_bid_result(const std::string& s);
const char* activity_code(model::ActivityType t);
model::ActivityType parse_activity(const std::string& s);
model::Stage parse_stage(const std::string& s);

}  // namespace sl::store::sqlite
